//! Generated code compiles without a warning in a crate that denies them all, pedantic
//! Clippy lints included (`cargo clippy --all-targets` checks this file in CI).
#![deny(warnings, missing_docs, clippy::pedantic)]

use std::collections::BTreeMap;
use std::fmt::Display;
use std::time::Duration;

use status_core::ApiStatus;

/// An inner error, forwarded transparently.
#[derive(Debug, ApiStatus)]
#[status(401, www_authenticate = "Bearer")]
pub struct Unauthenticated;

/// Every feature of the derive in one generic enum.
#[derive(Debug, ApiStatus)]
#[status(500)]
pub enum ApiError<'a, T: Display, I> {
    /// A value was not found.
    #[status(404, message = "{value} ({kind:?}) not found")]
    NotFound {
        /// The value looked for.
        value: T,
        /// What kind of thing it was.
        kind: &'a str,
    },
    /// Too many requests.
    #[status(429)]
    Limited {
        /// How long to wait.
        #[status(retry_after)]
        wait: Duration,
        /// The limit that was hit.
        #[status(extension)]
        limit: u32,
    },
    /// Validation failed.
    #[status(422, description = "The request body failed validation.")]
    Invalid(#[status(extension = "errors")] BTreeMap<String, Vec<String>>),
    /// Forwarded.
    #[status(transparent)]
    Inner(I),
    /// Only in some builds.
    #[cfg(any())]
    #[status(400)]
    Never,
    /// The enum's default status.
    Internal,
}

#[test]
fn generated_code_behaves_under_pedantic_lints() {
    let err: ApiError<'_, u32, Unauthenticated> = ApiError::NotFound {
        value: 7,
        kind: "user",
    };
    assert_eq!(err.detail(), "7 (\"user\") not found");
    let err: ApiError<'_, u32, Unauthenticated> = ApiError::Inner(Unauthenticated);
    assert_eq!(err.status(), 401);
    let err: ApiError<'_, u32, Unauthenticated> = ApiError::Internal;
    assert_eq!(err.status(), 500);
}
