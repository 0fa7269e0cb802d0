//! With the `tracing` feature, every error response is logged once, when a framework turns the
//! error into a response: a 5xx at error level with its source chain, a 4xx at info level (the
//! default `LogPolicy`; `tests/log_policy.rs` sets others).
#![cfg(all(feature = "tracing", feature = "axum"))]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::response::IntoResponse;
use status_core::ApiStatus;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

#[derive(Debug, thiserror::Error)]
#[error("query failed")]
struct QueryError(#[source] std::io::Error);

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ApiError {
    #[error("database unavailable")]
    #[status(503)]
    Database(#[source] QueryError),
    #[error("no user {0}")]
    #[status(404, message = "no user {0}")]
    NoUser(u64),
}

/// The fields of every event, as text, with its target under `target` (no event of the
/// library has a field of that name).
type Events = Arc<Mutex<Vec<(Level, BTreeMap<String, String>)>>>;

/// The smallest subscriber that remembers events: enough to see what was logged.
struct Recorder(Events);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        let target = event.metadata().target().to_owned();
        assert!(fields.insert("target".to_owned(), target).is_none());
        self.0
            .lock()
            .unwrap()
            .push((*event.metadata().level(), fields));
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

fn events_while(f: impl FnOnce()) -> Vec<(Level, BTreeMap<String, String>)> {
    let events = Events::default();
    tracing::subscriber::with_default(Recorder(events.clone()), f);
    let events = events.lock().unwrap().clone();
    events
}

#[test]
fn a_server_error_is_logged_once_with_its_source_chain() {
    let err = ApiError::Database(QueryError(std::io::Error::other("connection reset")));
    let events = events_while(|| {
        let response = err.into_response();
        assert_eq!(response.status(), 503);
    });
    assert_eq!(events.len(), 1, "{events:?}");
    let (level, fields) = &events[0];
    assert_eq!(*level, Level::ERROR);
    assert_eq!(
        fields["error"],
        "database unavailable: query failed: connection reset"
    );
    assert_eq!(fields["status"], "503");
    assert_eq!(fields["code"], "service_unavailable");
    // The client sees the status's code; the log says which variant it was.
    assert_eq!(fields["variant"], "Database");
    // A public target, not the module path of the code that emits it, so that a filter can
    // name it (`RUST_LOG=status_core::server_error=...`).
    assert_eq!(fields["target"], "status_core::server_error");
    // axum's `IntoResponse` is not handed the request: its span carries method and path.
    assert!(!fields.contains_key("method") && !fields.contains_key("path"));
}

/// rocket hands a `Responder` the request, so the event names its method and path (not its
/// query, which may hold what a log must not).
#[cfg(feature = "rocket")]
#[test]
fn rocket_logs_the_method_and_path_of_the_request() {
    use rocket::local::blocking::Client;

    #[rocket::get("/orders/<id>")]
    fn order(id: u64) -> Result<&'static str, ApiError> {
        let reset = std::io::Error::other(format!("order {id}"));
        Err(ApiError::Database(QueryError(reset)))
    }

    let rocket = rocket::build()
        .configure(rocket::Config {
            log_level: rocket::config::LogLevel::Off,
            ..rocket::Config::debug_default()
        })
        .mount("/", rocket::routes![order]);
    let client = Client::untracked(rocket).unwrap();
    let events = events_while(|| {
        let response = client.get("/orders/7?token=secret").dispatch();
        assert_eq!(response.status().code, 503);
    });
    let ours: Vec<_> = events
        .iter()
        .filter(|(_, fields)| fields["target"] == "status_core::server_error")
        .collect();
    assert_eq!(ours.len(), 1, "{events:?}");
    let fields = &ours[0].1;
    assert_eq!((&*fields["method"], &*fields["path"]), ("GET", "/orders/7"));
    assert_eq!(
        fields["error"],
        "database unavailable: query failed: order 7"
    );
}

#[test]
fn a_client_error_is_logged_at_info_with_a_target_of_its_own() {
    let events = events_while(|| {
        let response = ApiError::NoUser(7).into_response();
        assert_eq!(response.status(), 404);
    });
    assert_eq!(events.len(), 1, "{events:?}");
    let (level, fields) = &events[0];
    assert_eq!(*level, Level::INFO);
    assert_eq!(fields["target"], "status_core::client_error");
    assert_eq!((&*fields["status"], &*fields["code"]), ("404", "no_user"));
    assert_eq!(fields["variant"], "NoUser");
    // For the team's eyes: the error's own text.
    assert_eq!(fields["error"], "no user 7");
    assert_eq!(fields["message"], "client error response");
}

/// The framework's own errors are logged as the service's are: an unknown route is a 404.
#[test]
fn a_rejection_of_the_framework_is_logged_too() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let events = events_while(|| {
        let response = runtime.block_on(status_core::axum::not_found());
        assert_eq!(response.status(), 404);
    });
    assert_eq!(events.len(), 1, "{events:?}");
    let (level, fields) = &events[0];
    assert_eq!(*level, Level::INFO);
    assert_eq!(
        (&*fields["code"], &*fields["variant"]),
        ("route_not_found", "RouteNotFound")
    );
}

/// Not an `Error`: its `Debug` is what the event shows.
#[derive(Debug, ApiStatus)]
#[status(502)]
struct UpstreamDown {
    #[allow(dead_code)] // read through Debug only
    host: &'static str,
}

/// Neither an `Error` nor `Debug`: the event has its status and code alone.
#[derive(ApiStatus)]
#[status(500, code = "opaque")]
struct Opaque;

#[test]
fn a_server_error_without_error_impl_is_logged_with_its_debug_or_its_code() {
    let events = events_while(|| {
        let _ = UpstreamDown { host: "billing" }.into_response();
    });
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].1["error"], "UpstreamDown { host: \"billing\" }");
    assert_eq!(events[0].1["code"], "bad_gateway");
    assert_eq!(events[0].1["variant"], "UpstreamDown");

    let events = events_while(|| {
        let _ = Opaque.into_response();
    });
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(!events[0].1.contains_key("error"), "{events:?}");
    assert_eq!(events[0].1["status"], "500");
    assert_eq!(events[0].1["code"], "opaque");
    assert_eq!(events[0].1["target"], "status_core::server_error");
}
