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
//!
//! actix-web answers some of its own errors with other statuses than the rejection table's
//! (`400` for JSON of the wrong shape, `404` for a path segment that does not parse). A
//! service that keeps them says so once, as app data: `.app_data(Statuses::Framework)`
//! ([`Statuses`](crate::Statuses)); [`error_handlers`] and the extractor configurations then
//! answer with actix-web's statuses and leave the error responses actix-web did not make (a
//! middleware's bare `401`) as they were.
//!
//! actix-web 4 has its own copy of the `http` types: [`status_code`], [`http_status`],
//! [`read_problem`] and [`decode`] speak them, so a client or a test reads a problem from an
//! actix-web or awc response without depending on `http` 1 itself.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::body::{to_bytes_limited, BodySize, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PayloadError};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers, Next};
use actix_web::web::{self, Bytes};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, Scope};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::problem::is_problem;
use crate::response::rejection::exact_errors;
use crate::serve::answer::{is_router_error, Answer};
use crate::serve::instance::{with_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::serve::negotiate::{
    vary_lacks_accept, Negotiation, Representation, BODY_LIMIT as NEGOTIATED_LIMIT,
};
use crate::serve::pages::ServedPages;
use crate::statuses::ActixWeb;
use crate::{
    ApiStatus, FromProblem, Problem, ProblemResponse, Rejection, RejectionKind, Served, Statuses,
    PROBLEM_JSON,
};

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

/// An actix-web status as the `http` crate's, for [`ApiStatus`] and [`Problem`], which speak
/// `http` 1 (re-exported as `status_core::http`).
///
/// ```
/// use actix_web::http::StatusCode;
///
/// assert_eq!(status_core::actix::http_status(StatusCode::NOT_FOUND), status_core::http::StatusCode::NOT_FOUND);
/// ```
#[must_use]
pub fn http_status(status: StatusCode) -> http::StatusCode {
    http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The problem an actix-web or awc response carries, from its status, headers and body:
/// [`Problem::from_body`] over actix-web's own types. A body that is no problem (a proxy's
/// HTML page) reads as the problem of its status.
///
/// ```
/// use actix_web::http::{header::HeaderMap, StatusCode};
///
/// let problem = status_core::actix::read_problem(StatusCode::BAD_GATEWAY, &HeaderMap::new(), b"<html>");
/// assert_eq!(problem.status(), Some(502));
/// ```
#[must_use]
pub fn read_problem(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Problem {
    Problem::from_body(http_status(status), &http_headers(headers), body)
}

/// The server's own value, read back from an actix-web or awc response (its status, headers
/// and body) with [`FromProblem`]; what is not one of `E`'s values comes back as the problem.
///
/// With awc: `let body = response.body().await?;` then
/// `decode::<ApiError>(response.status(), response.headers(), &body)`.
///
/// ```
/// use status_core::{ApiStatus, FromProblem};
///
/// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
/// enum ApiError {
///     #[status(404, message = "no user {id}")]
///     NoUser { id: u64 },
/// }
///
/// # actix_web::rt::System::new().block_on(async {
/// let response = status_core::actix::response(&ApiError::NoUser { id: 7 });
/// let (status, headers) = (response.status(), response.headers().clone());
/// let body = actix_web::body::to_bytes(response.into_body()).await.unwrap();
/// assert_eq!(status_core::actix::decode(status, &headers, &body), Ok(ApiError::NoUser { id: 7 }));
/// # });
/// ```
///
/// # Errors
/// The problem itself, when it is none of `E`'s values.
// The problem whole, as `FromProblem::from_response` gives it (which says why it is unboxed).
#[allow(clippy::result_large_err)]
pub fn decode<E: FromProblem>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<E, Problem> {
    let mut response = http::Response::new(body);
    *response.status_mut() = http_status(status);
    *response.headers_mut() = http_headers(headers);
    E::from_response(&response)
}

/// actix-web's headers as the `http` crate's.
fn http_headers(headers: &HeaderMap) -> http::HeaderMap {
    let mut out = http::HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_str().as_bytes()),
            http::HeaderValue::from_bytes(value.as_bytes()),
        ) {
            out.append(name, value);
        }
    }
    out
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
    to_actix_response(&crate::response::api_status::response_with_body(value))
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

/// An [`ApiStatus`] value made into an actix-web error: its response, built once, and the
/// record of what it serves, which middleware finds through `HttpResponse::error()`
/// ([`served`]).
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
pub type ProblemError = ProblemResponse<Bytes>;

impl ResponseError for ProblemError {
    fn status_code(&self) -> StatusCode {
        to_actix_status(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        to_actix_response(self.response())
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
    answer_response(Answer::rejection(Rejection::of(
        RejectionKind::RouteNotFound,
    )))
}

/// The response of a framework error's answer, with its record in the response's extensions.
fn answer_response(answer: Answer) -> HttpResponse {
    let mut response = HttpResponse::build(to_actix_status(answer.status))
        .content_type(PROBLEM_JSON)
        .body(answer.body);
    if let Some(served) = answer.served {
        response.extensions_mut().insert(served);
    }
    response
}

/// The record of what a response served ([`Served`]): a derived type's error carries it,
/// found through `HttpResponse::error()`; the rejections of this module carry it in the
/// response's extensions. For middleware that logs, counts or renders errors:
///
/// ```
/// use actix_web::body::MessageBody;
/// use actix_web::dev::{ServiceRequest, ServiceResponse};
/// use actix_web::middleware::Next;
///
/// async fn count_errors(
///     request: ServiceRequest,
///     next: Next<impl MessageBody>,
/// ) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
///     let response = next.call(request).await?;
///     if let Some(served) = status_core::actix::served(response.response()) {
///         println!("{} {} ({})", served.status(), served.code(), served.variant());
///     }
///     Ok(response)
/// }
///
/// let app = actix_web::App::new().wrap(actix_web::middleware::from_fn(count_errors));
/// ```
#[must_use]
pub fn served<B>(response: &HttpResponse<B>) -> Option<Served> {
    let from_error = response
        .error()
        .and_then(|error| error.as_error::<ProblemError>())
        .and_then(ProblemError::served);
    match from_error {
        Some(served) => Some(served.clone()),
        None => response.extensions().get::<Served>().cloned(),
    }
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
        let rejection = Rejection::of(RejectionKind::MethodNotAllowed);
        let mut response = answer_response(Answer::rejection(rejection));
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let if_none_match = request.headers().get_all(header::IF_NONE_MATCH);
    match site
        .reply(request.path(), if_none_match.map(HeaderValue::as_bytes))
        .into_http()
    {
        Some(page) => to_actix_response(&page),
        None => not_found_response(),
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
    if !small || !is_problem(response.headers().get(header::CONTENT_TYPE)) {
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
/// With `.app_data(Statuses::Framework)`, each rejection keeps actix-web's status, and an
/// error response actix-web did not make itself (neither one of its extractors' errors nor
/// its router's `404`, `405` and `413`: a middleware's bare `401`, a handler's plain `409`)
/// passes as it was.
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
    let statuses = statuses_of(response.request());
    // Text too long to be a framework's is not one: kept as it is where that is wanted.
    let long = matches!(
        response.response().body().size(),
        BodySize::Sized(size) if size > BODY_LIMIT as u64
    ) || matches!(response.response().body().size(), BodySize::Stream);
    if statuses == Statuses::Framework && long && !is_router_error(http_status(response.status())) {
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
        let status = http_status(head.status());
        let ours = Rejection::recognize(status, &text).is_some() || is_router_error(status);
        if statuses == Statuses::Framework && !ours {
            let unchanged = head.set_body(BoxBody::new(text));
            return Ok(ServiceResponse::new(request, unchanged).map_into_right_body());
        }
        let answer = Answer::framework(status, &text, statuses);
        let mut builder = HttpResponse::build(to_actix_status(answer.status));
        for (name, value) in head.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                builder.append_header((name.clone(), value.clone()));
            }
        }
        let mut rewritten = builder.content_type(PROBLEM_JSON).body(answer.body);
        if let Some(served) = answer.served {
            rewritten.extensions_mut().insert(served);
        }
        Ok(ServiceResponse::new(request, rewritten).map_into_right_body())
    })))
}

/// The statuses the app keeps for actix-web's own errors: its `Statuses` app data, else the
/// table's.
fn statuses_of(request: &HttpRequest) -> Statuses {
    request.app_data::<Statuses>().copied().unwrap_or_default()
}

/// Middleware that sends every problem response in the representation the request's `Accept`
/// prefers, with `Vary: Accept`: a browser gets an HTML page, a `text/plain` client the
/// detail as text, an XML client RFC 9457's XML, and every other client the
/// `application/problem+json` body as it was ([`negotiate`](crate::negotiate) has the rules).
/// Status and headers stay as they are.
///
/// Use it with [`actix_web::middleware::from_fn`](https://docs.rs/actix-web/4/actix_web/middleware/fn.from_fn.html),
/// wrapped last so that it is the outermost and sees every problem, those of
/// [`error_handlers`] included. It offers every representation with the built-in page; a
/// [`Negotiation`] in the app data (`.app_data(Negotiation::new().with_page(...))`) says
/// otherwise.
///
/// ```
/// use actix_web::middleware::from_fn;
///
/// let app = actix_web::App::new()
///     .wrap(status_core::actix::error_handlers())
///     .wrap(from_fn(status_core::actix::negotiate));
/// ```
///
/// # Errors
/// Only those of the services it wraps.
pub async fn negotiate<B: MessageBody + 'static>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, Bytes>>, actix_web::Error> {
    let negotiation = request
        .app_data::<Negotiation>()
        .cloned()
        .unwrap_or_default();
    let lines = request.headers().get_all(header::ACCEPT);
    let representation = negotiation.representation(lines.map(HeaderValue::as_bytes));
    let mut response = next.call(request).await?;
    let is_problem = is_problem(response.headers().get(header::CONTENT_TYPE));
    if !is_problem {
        return Ok(response.map_into_left_body());
    }
    let vary = response
        .headers()
        .get_all(header::VARY)
        .map(HeaderValue::as_bytes);
    if vary_lacks_accept(vary) {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("accept"));
    }
    // Only a body of known, small size is read: a stream goes out as it is.
    let small = matches!(
        response.response().body().size(),
        BodySize::Sized(size) if size <= NEGOTIATED_LIMIT as u64
    );
    if representation == Representation::ProblemJson || !small {
        return Ok(response.map_into_left_body());
    }
    let served = served(response.response());
    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = to_bytes_limited(body, NEGOTIATED_LIMIT)
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    let body = match negotiation.rerender(representation, served.as_ref(), &bytes) {
        Some(rendered) => {
            head.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(representation.media_type()),
            );
            Bytes::from(rendered)
        }
        None => bytes,
    };
    // actix-web writes the length of the new body itself.
    head.headers_mut().remove(header::CONTENT_LENGTH);
    let response = ServiceResponse::new(request, head.set_body(body));
    Ok(response.map_into_right_body())
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
///
/// With `.app_data(Statuses::Framework)`, they answer with actix-web's statuses.
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
    web::JsonConfig::default().error_handler(|error, request| {
        let kind = match &error {
            JsonPayloadError::ContentType => RejectionKind::MissingJsonContentType,
            JsonPayloadError::Deserialize(error) if error.is_data() => RejectionKind::JsonData,
            JsonPayloadError::Overflow { .. }
            | JsonPayloadError::OverflowKnownLength { .. }
            | JsonPayloadError::Payload(PayloadError::Overflow) => RejectionKind::ContentTooLarge,
            JsonPayloadError::Payload(_) => RejectionKind::UnreadableBody,
            _ => RejectionKind::InvalidJson,
        };
        let rejection = Rejection::new(kind, error.to_string());
        rejection
            .in_statuses::<ActixWeb>(statuses_of(request))
            .into()
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

json_value_access!("actix");

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let raw = web::Json::<Box<RawValue>>::from_request(request, payload);
        let statuses = statuses_of(request);
        Box::pin(async move {
            let web::Json(raw) = raw.await?;
            let mut deserializer = serde_json::Deserializer::from_str(raw.get());
            serde_path_to_error::deserialize(&mut deserializer)
                .map(Self)
                .map_err(|error| {
                    let text = format!("Json deserialize error: {}", error.inner());
                    Rejection::new(RejectionKind::JsonData, text)
                        .with_errors(exact_errors(&error))
                        .in_statuses::<ActixWeb>(statuses)
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
    web::PathConfig::default().error_handler(|error, request| {
        let rejection = Rejection::new(RejectionKind::InvalidPath, error.to_string());
        rejection
            .in_statuses::<ActixWeb>(statuses_of(request))
            .into()
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
    web::QueryConfig::default().error_handler(|error, request| {
        let rejection = Rejection::new(RejectionKind::InvalidQuery, error.to_string());
        rejection
            .in_statuses::<ActixWeb>(statuses_of(request))
            .into()
    })
}

fn to_actix_status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}
