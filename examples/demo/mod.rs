//! The error types of an example service, shared by the examples and the snapshot tests.

use std::collections::BTreeMap;
use std::time::Duration;

use status_core::ApiStatus;

/// Errors of an example authentication layer, forwarded by `ApiError::Auth`.
#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum AuthError {
    /// The access token is missing, malformed or expired.
    #[error("invalid access token")]
    #[status(401, www_authenticate = "Bearer")]
    InvalidToken,
    #[error("missing role {role}")]
    #[status(403, message = "this action needs the `{role}` role")]
    MissingRole { role: String },
}

/// The error type of an example service: what its handlers return.
#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "user_not_found", message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[error("slow down")]
    #[status(429, message = "rate limit exceeded; retry later")]
    RateLimited {
        #[status(retry_after)]
        retry_after: Duration,
    },
    #[error("wrong method")]
    #[status(405, allow = "GET, HEAD")]
    MethodNotAllowed,
    /// The resource changed since the client last read it.
    #[error("conflict")]
    #[status(409)]
    Conflict,
    #[error("validation failed")]
    #[status(422, description = "The request body failed validation.")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
    #[error("database error: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
}
