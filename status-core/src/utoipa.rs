//! utoipa integration (feature `utoipa`).
//!
//! With the feature on, every derived type implements [`utoipa::IntoResponses`](https://docs.rs/utoipa/6/utoipa/trait.IntoResponses.html), so naming the
//! error type in `#[utoipa::path(responses(...))]` documents every response it can produce,
//! and [`Problem`] implements [`utoipa::ToSchema`](https://docs.rs/utoipa/6/utoipa/trait.ToSchema.html):
//!
//! ```
//! use status_core::ApiStatus;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, ApiStatus)]
//! enum ApiError {
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//!     #[status(429)]
//!     RateLimited { #[status(retry_after)] seconds: u64 },
//! }
//!
//! // What `#[utoipa::path(get, path = "/users/{id}", responses(ApiError))]` collects:
//! let responses = ApiError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "429"]);
//! ```
//!
//! The responses are the ones [`openapi::responses`](crate::openapi::responses) builds, with
//! the Problem Details schema inline, since utoipa does not register the schemas of an
//! `IntoResponses` type.

use std::borrow::Cow;
use std::collections::BTreeMap;

use ::utoipa::openapi::{RefOr, Response, Schema};
use ::utoipa::{PartialSchema, ToSchema};

use crate::openapi::{problem_schema, status_responses, PROBLEM_SCHEMA};
use crate::{ApiStatus, Problem};

/// Every response `T` can produce, keyed by status: what the derived
/// [`IntoResponses`](https://docs.rs/utoipa/6/utoipa/trait.IntoResponses.html) returns.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let responses = status_core::utoipa::responses::<Maintenance>();
/// assert!(responses.contains_key("503"));
/// ```
#[must_use]
pub fn responses<T: ApiStatus>() -> BTreeMap<String, RefOr<Response>> {
    status_responses(&T::table())
        .map(|(status, response)| {
            let description = response["description"].as_str().unwrap_or("").to_owned();
            // The same JSON every output documents; utoipa's types read all of it (a test
            // compares the two), so the fallback is never taken.
            let response =
                serde_json::from_value(response).unwrap_or_else(|_| Response::new(description));
            (status.as_str().to_owned(), RefOr::T(response))
        })
        .collect()
}

/// The Problem Details schema, as [`openapi::problem_schema`](crate::openapi::problem_schema)
/// writes it.
impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        RefOr::T(serde_json::from_value(problem_schema()).unwrap_or_default())
    }
}

/// Registered under the name [`PROBLEM_SCHEMA`], for `body = Problem` in your own responses.
///
/// ```
/// use utoipa::ToSchema;
///
/// assert_eq!(status_core::Problem::name(), "Problem");
/// ```
impl ToSchema for Problem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(PROBLEM_SCHEMA)
    }
}
