//! Deprecated types, variants and fields derive without a warning in a crate that denies them.
#![deny(warnings, missing_docs)]

use status_core::ApiStatus;

/// Kept for old clients.
#[deprecated = "match on `ApiError` instead"]
#[derive(Debug, ApiStatus)]
#[status(404)]
pub struct OldNotFound;

/// Errors of this crate.
#[derive(Debug, ApiStatus)]
pub enum ApiError {
    /// Kept for old clients.
    #[deprecated]
    #[status(404, message = "user {id} not found")]
    Old {
        /// The user.
        id: u64,
    },
    /// Too many requests.
    #[status(429)]
    Limited {
        /// Seconds to wait.
        #[deprecated]
        #[status(retry_after)]
        wait: u64,
    },
}

// Only the uses below are allowed; the generated code needs no allowance.
#[allow(deprecated)]
fn main() {
    assert_eq!(ApiError::Old { id: 1 }.detail(), "user 1 not found");
    assert_eq!(ApiError::Limited { wait: 2 }.headers()["retry-after"], "2");
    assert_eq!(OldNotFound.status(), 404);
}
