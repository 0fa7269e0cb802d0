//! actix-web integration (feature `actix-web`).
//!
//! With the feature on, every derived type converts into [`actix_web::Error`](https://docs.rs/actix-web/4/actix_web/error/struct.Error.html) (through
//! [`ProblemError`], which implements [`ResponseError`](https://docs.rs/actix-web/4/actix_web/error/trait.ResponseError.html)), so handlers return it as is, and
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

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::body::{to_bytes_limited, BodySize, EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PayloadError};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::web::{self, Bytes};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, Scope};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::instance::{is_problem, with_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::rejection::{exact_errors, framework_error};
use crate::served_pages::{Reply, ServedPages, HTML};
use crate::{ApiStatus, Rejection, RejectionKind, PROBLEM_JSON};

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
    to_actix_response(&crate::api_status::response_with_body(value))
}

// `Bytes`, so that a static body is sent as it is and the error's kept response is not
// copied each time actix-web asks for it.
fn to_actix_response(response: &http::Response<Bytes>) -> HttpResponse {
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
    response: http::Response<Bytes>,
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
            response: crate::api_status::response_with_body(value),
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
    not_found_response()
}

fn not_found_response() -> HttpResponse {
    response(&Rejection::of(RejectionKind::RouteNotFound))
}

/// A scope that serves the HTML catalog of `E`'s problem types, where their type URIs point.
///
/// The catalog ([`html::catalog`](crate::html::catalog)) answers at the path of the type's
/// `type_base` ([`html::base_path`](crate::html::base_path)), with and without a trailing
/// `/`; for a base ending in `/`, the page of each problem type
/// ([`html::problem_type`](crate::html::problem_type)) answers at `base path + code`, which
/// is the type URI's path. A type without a `type_base` is served at `/problems/`. Each page
/// has a strong `ETag`, and a request whose `If-None-Match` names it gets
/// `304 Not Modified`; any other path under the base gets `404 Not Found` as Problem Details,
/// and a method other than `GET` or `HEAD` gets `405 Method Not Allowed`.
///
/// Register it on the app itself, not inside another scope, since its path is the full path
/// of the type URIs. A base at the root of the site (`https://api.example.com/`) takes every
/// path: register it after the app's other services.
///
/// ```
/// use actix_web::App;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// // Serves `/problems/` and `/problems/user_not_found`.
/// let app = App::new().service(status_core::actix::problem_types::<ApiError>());
/// ```
#[must_use]
pub fn problem_types<E: ApiStatus + 'static>() -> Scope {
    let site = Arc::new(ServedPages::new(&E::table(), Bytes::from));
    let prefix = site.prefix();
    web::scope(prefix).default_service(web::to(move |request: HttpRequest| {
        let site = Arc::clone(&site);
        async move { page_response(&site, &request) }
    }))
}

fn page_response(site: &ServedPages<Bytes>, request: &HttpRequest) -> HttpResponse {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = response(&Rejection::of(RejectionKind::MethodNotAllowed));
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let if_none_match = request.headers().get_all(header::IF_NONE_MATCH);
    match site.reply(request.path(), if_none_match.map(HeaderValue::as_bytes)) {
        Reply::Page(page) => HttpResponse::Ok()
            .content_type(HTML)
            .insert_header((header::ETAG, page.etag.as_str()))
            .body(page.body.clone()),
        Reply::NotModified(etag) => HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish(),
        Reply::NotFound => not_found_response(),
    }
}

/// Middleware that adds `instance` (RFC 9457 section 3.1.5), the path of the request without
/// its query, to every Problem Details body that has none. Anything else passes untouched.
///
/// Opt-in, since a path can say more than a client should see in a shared log; use it with
/// [`actix_web::middleware::from_fn`](https://docs.rs/actix-web/4/actix_web/middleware/fn.from_fn.html).
/// Wrapped after [`error_handlers`], it sees the bodies those rewrite too.
///
/// ```
/// use actix_web::middleware::from_fn;
///
/// let app = actix_web::App::new()
///     .wrap(status_core::actix::error_handlers())
///     .wrap(from_fn(status_core::actix::problem_instance))
///     .default_service(actix_web::web::to(status_core::actix::not_found));
/// ```
///
/// # Errors
/// Only those of the services it wraps.
pub async fn problem_instance<B: MessageBody + 'static>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, Bytes>>, actix_web::Error> {
    let path = request.path().to_owned();
    let response = next.call(request).await?;
    // Only a body of known, small size is read: a stream passes as it is.
    let small = matches!(
        response.response().body().size(),
        BodySize::Sized(size) if size <= INSTANCE_BODY_LIMIT as u64
    );
    if !small
        || !is_problem(
            response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
        )
    {
        return Ok(response.map_into_left_body());
    }
    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = to_bytes_limited(body, INSTANCE_BODY_LIMIT)
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let body = with_instance(&bytes, &path).map_or(bytes, Bytes::from);
    // actix-web writes the length of the new body itself.
    head.headers_mut().remove(header::CONTENT_LENGTH);
    let response = ServiceResponse::new(request, head.set_body(body));
    Ok(response.map_into_right_body())
}

/// Middleware that rewrites the error responses actix-web makes itself (a body that fails to
/// parse, a payload too large, a wrong method) as Problem Details, keeping their headers.
/// actix-web's extractor errors become [`Rejection`]s, with their codes (`invalid_json`,
/// `invalid_path`...) and their rows' statuses: JSON of the wrong shape is `json_data`, a
/// 422, where actix-web says 400. Any other plain error keeps its status and gets the
/// status's code. Responses that already are `application/problem+json` pass as they are.
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
    if is_problem(
        response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    ) {
        return Ok(ErrorHandlerResponse::Response(
            response.map_into_left_body(),
        ));
    }
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    Ok(ErrorHandlerResponse::Future(Box::pin(async move {
        // A body too large to be a short message is not one: the registry's text stands instead.
        let text = to_bytes_limited(body, BODY_LIMIT)
            .await
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        let status = http::StatusCode::from_u16(head.status().as_u16())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        let (status, body) = framework_error(status, &text);
        let mut builder = HttpResponse::build(to_actix_status(status));
        for (name, value) in head.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                builder.append_header((name.clone(), value.clone()));
            }
        }
        let rewritten = builder.content_type(PROBLEM_JSON).body(body);
        Ok(ServiceResponse::new(request, rewritten).map_into_right_body())
    })))
}

/// The three extractor configurations at once, for
/// [`App::configure`](https://docs.rs/actix-web/4/actix_web/struct.App.html#method.configure):
/// [`json_config`], [`path_config`] and [`query_config`]. Set a configuration of your own
/// after it to change one (a JSON limit, say): the last one given for a type is the one used.
///
/// ```
/// let app = actix_web::App::new()
///     .wrap(status_core::actix::error_handlers())
///     .configure(status_core::actix::rejections)
///     .app_data(status_core::actix::json_config().limit(4096));
/// ```
pub fn rejections(config: &mut web::ServiceConfig) {
    config
        .app_data(json_config())
        .app_data(path_config())
        .app_data(query_config());
}

/// actix-web's JSON extractor configuration, answering its errors as [`Rejection`]s:
/// `invalid_json`, `json_data` (a 422, where actix-web says 400),
/// `missing_json_content_type` (a 415, where actix-web says 400), `content_too_large` and
/// `unreadable_body`. Set the limit and the rest on it as on `JsonConfig::default()`.
///
/// ```
/// let app = actix_web::App::new().app_data(status_core::actix::json_config().limit(4096));
/// ```
#[must_use]
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().error_handler(|error, _| {
        let kind = match &error {
            JsonPayloadError::ContentType => RejectionKind::MissingJsonContentType,
            JsonPayloadError::Deserialize(error) if error.is_data() => RejectionKind::JsonData,
            JsonPayloadError::Overflow { .. }
            | JsonPayloadError::OverflowKnownLength { .. }
            | JsonPayloadError::Payload(PayloadError::Overflow) => RejectionKind::ContentTooLarge,
            JsonPayloadError::Payload(_) => RejectionKind::UnreadableBody,
            _ => RejectionKind::InvalidJson,
        };
        Rejection::new(kind, error.to_string()).into()
    })
}

/// actix-web's [`Json`](https://docs.rs/actix-web/4/actix_web/web/struct.Json.html) extractor,
/// whose `json_data` rejection names, in its `errors`, exactly where serde failed, by the
/// wire names of the fields. actix-web's own `Json` says only what failed, so through
/// [`json_config`] its pointer is the whole body (`#`).
///
/// Everything else is actix-web's: the body is read by its `Json` (the limit and the content
/// type of the [`json_config`] in the app's data, and its rejections) as raw JSON, which is
/// then deserialized into `T`.
///
/// ```
/// use actix_web::{web, App, HttpResponse};
/// use status_core::actix::Json;
///
/// #[derive(serde::Deserialize)]
/// struct Signup { name: String }
///
/// async fn signup(Json(signup): Json<Signup>) -> HttpResponse {
///     HttpResponse::Ok().body(format!("welcome, {}", signup.name))
/// }
///
/// let app = App::new()
///     .configure(status_core::actix::rejections)
///     .route("/signup", web::post().to(signup));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let raw = web::Json::<Box<RawValue>>::from_request(request, payload);
        Box::pin(async move {
            let web::Json(raw) = raw.await?;
            let mut deserializer = serde_json::Deserializer::from_str(raw.get());
            serde_path_to_error::deserialize(&mut deserializer)
                .map(Self)
                .map_err(|error| {
                    let text = format!("Json deserialize error: {}", error.inner());
                    Rejection::new(RejectionKind::JsonData, text)
                        .with_errors(exact_errors(&error))
                        .into()
                })
        })
    }
}

/// actix-web's path extractor configuration, answering a segment that does not parse as
/// `invalid_path`, a 400, where actix-web says 404.
///
/// ```
/// let app = actix_web::App::new().app_data(status_core::actix::path_config());
/// ```
#[must_use]
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|error, _| {
        Rejection::new(RejectionKind::InvalidPath, error.to_string()).into()
    })
}

/// actix-web's query extractor configuration, answering a query that does not fit as
/// `invalid_query`.
///
/// ```
/// let app = actix_web::App::new().app_data(status_core::actix::query_config());
/// ```
#[must_use]
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|error, _| {
        Rejection::new(RejectionKind::InvalidQuery, error.to_string()).into()
    })
}

fn to_actix_status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}
