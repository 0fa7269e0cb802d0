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
    },
    /// Same status as `NotFound`, on purpose.
    #[status(404, code = "gone_too")]
    Gone,
}

fn main() {
    assert_eq!(ApiError::NotFound("page").detail(), "page not found");
    assert_eq!(ApiError::<u8>::Gone.status(), 404);
    assert_eq!(ApiError::<u8>::Limited { wait: 1 }.code(), "limited");
}
