//! axum integration (feature `axum`).
//!
//! With the feature on, every derived type implements
//! [`IntoResponse`], so handlers return it as is:
//!
//! ```
//! use axum::{routing::get, Router};
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, thiserror::Error, ApiStatus)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//! }
//!
//! async fn user() -> Result<String, ApiError> {
//!     Err(ApiError::UserNotFound { id: 7 })
//! }
//!
//! let app: Router = Router::new()
//!     .route("/user", get(user))
//!     .fallback(status_core::axum::not_found)
//!     .layer(axum::middleware::map_response(status_core::axum::problem_details));
//! ```

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};

use crate::{ApiStatus, Problem, PROBLEM_JSON};

/// How much of a framework's own error body is read to become the problem's detail.
const BODY_LIMIT: usize = 16 * 1024;

/// The axum response for `value`: what the derived `IntoResponse` returns.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// let response = status_core::axum::response(&Busy);
/// assert_eq!(response.status(), 429);
/// ```
pub fn response<T: ApiStatus + ?Sized>(value: &T) -> Response {
    value.response().map(Body::from)
}

/// A fallback handler for unknown routes: `404 Not Found` as Problem Details.
///
/// ```
/// let app: axum::Router = axum::Router::new().fallback(status_core::axum::not_found);
/// ```
#[allow(clippy::unused_async)] // a handler must be async
pub async fn not_found() -> Response {
    problem_response(
        StatusCode::NOT_FOUND,
        &Problem::from_framework_error(StatusCode::NOT_FOUND, b""),
    )
}

/// Rewrites the error responses axum makes itself (wrong method, a body that fails to parse,
/// a payload too large) as Problem Details, keeping their status and headers (`Allow` among
/// them). Responses that already are `application/problem+json`, and successes, pass as they
/// are. Use it with [`axum::middleware::map_response`].
///
/// ```
/// let app: axum::Router = axum::Router::new()
///     .layer(axum::middleware::map_response(status_core::axum::problem_details));
/// ```
pub async fn problem_details(response: Response) -> Response {
    let status = response.status();
    if status.as_u16() < 400 || is_problem(response.headers().get(CONTENT_TYPE)) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A body too large to be a short message is not one: the catalog's text stands instead.
    let text = ::axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .unwrap_or_default();
    let problem = Problem::from_framework_error(status, &text);
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Response::from_parts(parts, Body::from(problem.to_json()))
}

fn problem_response(status: StatusCode, problem: &Problem) -> Response {
    let mut response = (status, problem.to_json()).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}

fn is_problem(content_type: Option<&HeaderValue>) -> bool {
    content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(PROBLEM_JSON))
}
