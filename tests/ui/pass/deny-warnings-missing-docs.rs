//! A user crate that denies every warning.
#![deny(warnings, missing_docs, unused, rust_2018_idioms, unreachable_pub)]

use status_core::ApiStatus;

/// Errors of this crate.
#[derive(Debug, ApiStatus)]
pub enum ApiError<T> {
    /// Not there.
    #[status(404, message = "{0} not found")]
    NotFound(T),
    /// Too many.
    #[status(429)]
    Limited {
        /// Seconds to wait.
        #[status(retry_after)]
        wait: u64,
        /// The limit that was hit.
        #[status(extension)]
        limit: u32,
    },
    /// Same status as `NotFound`, on purpose.
    #[status(404, code = "gone_too")]
    Gone,
    /// Detail from Display.
    #[status(400, display)]
    Invalid,
    /// Only in some builds.
    #[cfg(any())]
    #[status(503)]
    Never,
    /// Forwarded.
    #[status(transparent)]
    Auth(Unauthenticated),
}

impl<T> std::fmt::Display for ApiError<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid request")
    }
}

/// Not signed in.
#[derive(Debug, ApiStatus)]
#[status(401, www_authenticate = "Bearer")]
pub struct Unauthenticated;

fn main() {
    assert_eq!(ApiError::NotFound("page").detail(), "page not found");
    assert_eq!(ApiError::<u8>::Gone.status(), 404);
    assert_eq!(ApiError::<u8>::Limited { wait: 1, limit: 2 }.code(), "limited");
    assert_eq!(ApiError::<u8>::Invalid.detail(), "invalid request");
    assert_eq!(ApiError::<u8>::Auth(Unauthenticated).status(), 401);
}
