//! aide integration (feature `aide`).
//!
//! With the feature on, every derived type implements [`aide::OperationOutput`](https://docs.rs/aide/0.15/aide/operation/trait.OperationOutput.html) with inferred
//! responses, so a handler that returns `Result<Json<T>, ApiError>` and is routed with
//! `ApiRouter::api_route` documents every error `ApiError` can produce, with no annotation:
//!
//! ```
//! use aide::OperationOutput;
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, ApiStatus)]
//! enum ApiError {
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//!     #[status(429)]
//!     RateLimited { #[status(retry_after)] seconds: u64 },
//! }
//!
//! // What aide collects for a handler returning `Result<_, ApiError>`:
//! let responses = aide::generate::in_context(|ctx| {
//!     ApiError::inferred_responses(ctx, &mut Default::default())
//! });
//! let statuses: Vec<Option<u16>> = responses.iter().map(|(status, _)| *status).collect();
//! assert_eq!(statuses, [Some(404), Some(429)]);
//! ```
//!
//! The responses are the ones [`openapi::responses`](crate::openapi::responses) builds: one per
//! status (aide keeps only the first response it infers for a status), with the Problem
//! Details schema inline.

use ::aide::openapi::Response;

use crate::openapi::status_responses;
use crate::ApiStatus;

/// Every response `T` can produce, with its status: what the derived
/// [`OperationOutput::inferred_responses`](https://docs.rs/aide/0.15/aide/operation/trait.OperationOutput.html#method.inferred_responses) returns.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let responses = status_core::aide::inferred_responses::<Maintenance>();
/// assert_eq!(responses[0].0, Some(503));
/// assert!(responses[0].1.headers.contains_key("Retry-After"));
/// ```
#[must_use]
pub fn inferred_responses<T: ApiStatus>() -> Vec<(Option<u16>, Response)> {
    status_responses(&T::table())
        .map(|(status, response)| {
            // The same JSON every output documents; aide's types read all of it (a test
            // compares the two), so the default is never taken.
            let response = serde_json::from_value(response).unwrap_or_default();
            (Some(status.as_u16()), response)
        })
        .collect()
}

/// The response of `T` when it has a single status, for aide's
/// [`OperationOutput::operation_response`](https://docs.rs/aide/0.15/aide/operation/trait.OperationOutput.html#method.operation_response);
/// `None` when it has several, which no single response describes.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503)]
/// struct Maintenance;
///
/// assert!(status_core::aide::single_response::<Maintenance>().is_some());
/// ```
#[must_use]
pub fn single_response<T: ApiStatus>() -> Option<Response> {
    let mut responses = inferred_responses::<T>();
    if responses.len() == 1 {
        responses.pop().map(|(_, response)| response)
    } else {
        None
    }
}
