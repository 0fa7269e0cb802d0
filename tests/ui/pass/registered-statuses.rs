//! Every registered status needs no description: the registry's text describes it, and a 5xx
//! without a code of its own answers with its status's, shared with the others of its status.
use status_core::{ApiStatus, RegisteredStatus};

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(409)]
    Conflict,
    #[status(413)]
    TooLarge,
    #[status(422)]
    Invalid,
    #[status(451)]
    Censored,
    #[status(500)]
    Database,
    #[status(500)]
    Io,
    #[status(504)]
    UpstreamTimeout,
}

fn main() {
    for (err, status, code) in [
        (ApiError::Conflict, 409, "conflict"),
        (ApiError::TooLarge, 413, "too_large"),
        (ApiError::Invalid, 422, "invalid"),
        (ApiError::Censored, 451, "censored"),
        (ApiError::Database, 500, "internal_server_error"),
        (ApiError::Io, 500, "internal_server_error"),
        (ApiError::UpstreamTimeout, 504, "gateway_timeout"),
    ] {
        let registered = RegisteredStatus::get(status).unwrap();
        assert_eq!(err.status(), status);
        assert_eq!(err.code(), code);
        assert_eq!(err.description(), registered.description());
        assert_eq!(err.detail(), registered.description());
        let problem = err.problem();
        assert_eq!(problem.title(), Some(registered.reason()));
        assert_eq!(err.body(), problem.to_json());
    }
    assert_eq!(ApiError::Invalid.problem().title(), Some("Unprocessable Content"));
}
