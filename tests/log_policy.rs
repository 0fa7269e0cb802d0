//! The `LogPolicy` chooses the level of each error response's event: per status class, and per
//! status. It is the process's, so this file holds one test that installs policies in turn.
#![cfg(all(feature = "tracing", feature = "axum"))]

use std::sync::{Arc, Mutex};

use axum::response::IntoResponse;
use http::StatusCode;
use status_core::{ApiStatus, LogPolicy};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ApiError {
    #[error("no user {0}")]
    #[status(404, message = "no user {0}")]
    NoUser(u64),
    #[error("taken")]
    #[status(409)]
    Taken,
    #[error("down")]
    #[status(503)]
    Down,
}

/// The level and target of every event.
#[derive(Clone, Default)]
struct Levels(Arc<Mutex<Vec<(Level, String)>>>);

impl Subscriber for Levels {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let metadata = event.metadata();
        let entry = (*metadata.level(), metadata.target().to_owned());
        self.0.lock().unwrap().push(entry);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

/// The level and target of the one event of `error`'s response, if any.
fn event_of(error: ApiError) -> Option<(Level, String)> {
    let seen = Levels::default();
    tracing::subscriber::with_default(seen.clone(), || {
        let _ = error.into_response();
    });
    let events = seen.0.lock().unwrap().clone();
    assert!(events.len() <= 1, "{events:?}");
    events.into_iter().next()
}

/// The level each of a 404, a 409 and a 503 is logged at under the installed policy.
fn levels() -> [Option<Level>; 3] {
    [ApiError::NoUser(7), ApiError::Taken, ApiError::Down]
        .map(|error| event_of(error).map(|(level, _)| level))
}

#[test]
fn the_policy_sets_the_level_of_each_class_and_status() {
    // The defaults: 4xx at INFO, 5xx at ERROR, each class with a target of its own.
    assert_eq!(
        levels(),
        [Some(Level::INFO), Some(Level::INFO), Some(Level::ERROR)]
    );
    let target = |error| event_of(error).unwrap().1;
    assert_eq!(target(ApiError::Taken), "status_core::client_error");
    assert_eq!(target(ApiError::Down), "status_core::server_error");

    LogPolicy::new()
        .client_errors(Level::WARN)
        .status(StatusCode::NOT_FOUND, Level::DEBUG)
        .install();
    assert_eq!(
        levels(),
        [Some(Level::DEBUG), Some(Level::WARN), Some(Level::ERROR)]
    );

    LogPolicy::new()
        .client_errors(None)
        .server_errors(Level::WARN)
        .install();
    assert_eq!(levels(), [None, None, Some(Level::WARN)]);

    LogPolicy::new()
        .status(StatusCode::SERVICE_UNAVAILABLE, None)
        .install();
    assert_eq!(levels(), [Some(Level::INFO), Some(Level::INFO), None]);

    LogPolicy::new().install();
    assert_eq!(
        levels(),
        [Some(Level::INFO), Some(Level::INFO), Some(Level::ERROR)]
    );
}
