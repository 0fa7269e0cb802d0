//! actix-web integration (feature `actix-web`).
//!
//! With the feature on, every derived type converts into [`actix_web::Error`] (through
//! [`ProblemError`], which implements [`ResponseError`]), so handlers return it as is, and
//! `?` works in handlers that return `actix_web::Result`:
//!
//! ```
//! use actix_web::{web, App, HttpResponse};
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, thiserror::Error, ApiStatus)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//! }
//!
//! async fn user() -> Result<HttpResponse, ApiError> {
//!     Err(ApiError::UserNotFound { id: 7 })
//! }
//!
//! let app = App::new()
//!     .wrap(status_core::actix::error_handlers())
//!     .route("/user", web::get().to(user))
//!     .default_service(web::to(status_core::actix::not_found));
//! ```

use actix_web::body::{to_bytes_limited, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{HttpResponse, ResponseError};

use crate::{ApiStatus, Problem, PROBLEM_JSON};

/// How much of a framework's own error body is read to become the problem's detail.
const BODY_LIMIT: usize = 16 * 1024;

/// The actix-web status of `value` (actix-web uses its own copy of the `http` types).
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// assert_eq!(status_core::actix::status_code(&Busy).as_u16(), 429);
/// ```
pub fn status_code<T: ApiStatus + ?Sized>(value: &T) -> StatusCode {
    to_actix_status(value.status())
}

/// The actix-web response for `value`: what a handler that returns it sends.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// assert_eq!(status_core::actix::response(&Busy).status().as_u16(), 429);
/// ```
pub fn response<T: ApiStatus + ?Sized>(value: &T) -> HttpResponse {
    to_actix_response(&value.response())
}

fn to_actix_response(response: &http::Response<Vec<u8>>) -> HttpResponse {
    let mut builder = HttpResponse::build(to_actix_status(response.status()));
    for (name, value) in response.headers() {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            builder.append_header((name, value));
        }
    }
    builder.body(response.body().clone())
}

/// An [`ApiStatus`] value made into an actix-web error: its response, built once.
///
/// Derived types convert into `actix_web::Error` through it. Its `Display` names the status
/// and code only, so actix-web's own logging shows no more than the client sees.
///
/// ```
/// # use status_core::ApiStatus;
/// use actix_web::ResponseError;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404, code = "user_not_found")]
/// struct UserNotFound;
///
/// let error = status_core::actix::ProblemError::new(&UserNotFound);
/// assert_eq!(error.to_string(), "404 Not Found (user_not_found)");
/// assert_eq!(error.error_response().status().as_u16(), 404);
/// ```
#[derive(Debug)]
pub struct ProblemError {
    response: http::Response<Vec<u8>>,
    code: &'static str,
}

impl ProblemError {
    /// Builds the response of `value` now, keeping it for actix-web to send.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// #[derive(Debug, ApiStatus)]
    /// #[status(503)]
    /// struct Maintenance;
    ///
    /// let error: actix_web::Error = status_core::actix::ProblemError::new(&Maintenance).into();
    /// assert_eq!(error.as_response_error().status_code().as_u16(), 503);
    /// ```
    pub fn new<T: ApiStatus + ?Sized>(value: &T) -> Self {
        Self {
            response: value.response(),
            code: value.code(),
        }
    }
}

impl std::fmt::Display for ProblemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.response.status(), self.code)
    }
}

impl ResponseError for ProblemError {
    fn status_code(&self) -> StatusCode {
        to_actix_status(self.response.status())
    }

    fn error_response(&self) -> HttpResponse {
        to_actix_response(&self.response)
    }
}

/// A default service for unknown routes: `404 Not Found` as Problem Details.
///
/// ```
/// let app = actix_web::App::new()
///     .default_service(actix_web::web::to(status_core::actix::not_found));
/// ```
#[allow(clippy::unused_async)] // a handler must be async
pub async fn not_found() -> HttpResponse {
    let problem = Problem::from_framework_error(http::StatusCode::NOT_FOUND, b"");
    HttpResponse::NotFound()
        .content_type(PROBLEM_JSON)
        .body(problem.to_json())
}

/// Middleware that rewrites the error responses actix-web makes itself (a body that fails to
/// parse, a payload too large, a wrong method) as Problem Details, keeping their status and
/// headers. Responses that already are `application/problem+json` pass as they are.
///
/// ```
/// let app = actix_web::App::new().wrap(status_core::actix::error_handlers());
/// ```
#[must_use]
pub fn error_handlers<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(rewrite)
}

// `ErrorHandlers` takes exactly this signature.
#[allow(clippy::unnecessary_wraps)]
fn rewrite<B: MessageBody + 'static>(
    response: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if is_problem(response.headers().get(header::CONTENT_TYPE)) {
        return Ok(ErrorHandlerResponse::Response(
            response.map_into_left_body(),
        ));
    }
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        // A body too large to be a short message is not one: the catalog's text stands instead.
        let text = to_bytes_limited(body, BODY_LIMIT)
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        let status = http::StatusCode::from_u16(head.status().as_u16())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let problem = Problem::from_framework_error(status, &text);
        let mut builder = HttpResponse::build(head.status());
        for (name, value) in head.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                builder.append_header((name.clone(), value.clone()));
            }
        }
        let rewritten = builder.content_type(PROBLEM_JSON).body(problem.to_json());
        Ok(ServiceResponse::new(request, rewritten).map_into_right_body())
    })))
}

fn to_actix_status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn is_problem(content_type: Option<&HeaderValue>) -> bool {
    content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(PROBLEM_JSON))
}
