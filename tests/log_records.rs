//! A service that logs with the `log` crate, not `tracing`, receives the events too: `tracing`'s
//! own `log` feature (turned on in the service's manifest, as this package's dev-dependencies
//! do) makes each event a `log` record when no `tracing` subscriber is set. Its own test binary:
//! the logger is the process's, and no subscriber may be set here.
#![cfg(all(feature = "tracing", feature = "axum"))]

use std::sync::Mutex;

use axum::response::IntoResponse;
use status_core::ApiStatus;

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ApiError {
    #[error("no user {0}")]
    #[status(404, message = "no user {0}")]
    NoUser(u64),
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
}

/// Every record: its level, target and text.
static RECORDS: Mutex<Vec<(log::Level, String, String)>> = Mutex::new(Vec::new());

struct Recorder;

impl log::Log for Recorder {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }

    fn log(&self, record: &log::Record<'_>) {
        let entry = (
            record.level(),
            record.target().to_owned(),
            record.args().to_string(),
        );
        RECORDS.lock().unwrap().push(entry);
    }

    fn flush(&self) {}
}

#[test]
fn a_log_logger_receives_every_error_response() {
    log::set_logger(&Recorder).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let _ = ApiError::NoUser(7).into_response();
    let _ = ApiError::Database(std::io::Error::other("pool exhausted")).into_response();
    let records = RECORDS.lock().unwrap().clone();
    let ours: Vec<_> = records
        .iter()
        .filter(|(_, target, _)| target.starts_with("status_core::"))
        .collect();
    assert_eq!(ours.len(), 2, "{records:?}");
    let (level, target, text) = ours[0];
    assert_eq!(
        (*level, target.as_str()),
        (log::Level::Info, "status_core::client_error")
    );
    assert!(text.contains("client error response"), "{text}");
    assert!(
        text.contains("code=\"no_user\"") || text.contains("code=no_user"),
        "{text}"
    );
    let (level, target, text) = ours[1];
    assert_eq!(
        (*level, target.as_str()),
        (log::Level::Error, "status_core::server_error")
    );
    assert!(text.contains("pool exhausted"), "the source chain: {text}");
}
