//! poem integration (feature `poem`): derived types as poem responses and errors, poem's own
//! errors as Problem Details, and the problem-type pages.
//!
//! With the feature on, every derived type implements poem's
//! [`IntoResponse`](https://docs.rs/poem/3/poem/web/trait.IntoResponse.html) and converts
//! into [`poem::Error`](https://docs.rs/poem/3/poem/struct.Error.html) (through
//! [`ProblemError`]), so a handler returns it as is, or in a `Result`, and `?` works in
//! handlers that return `poem::Result`:
//!
//! ```
//! use poem::{get, handler, EndpointExt, Route};
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, thiserror::Error, ApiStatus)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//! }
//!
//! #[handler]
//! fn user() -> Result<String, ApiError> {
//!     Err(ApiError::UserNotFound { id: 7 })
//! }
//!
//! let app = Route::new()
//!     .at("/user", get(user))
//!     .with(status_core::poem::ProblemDetails);
//! ```
//!
//! poem answers JSON and forms of the wrong shape with `400`, where the rejection table says
//! `422`. A service that keeps poem's statuses says so once, as data of the app:
//! `.data(Statuses::Framework)` ([`Statuses`](crate::Statuses)), outside [`ProblemDetails`],
//! which then answers with poem's statuses and leaves the error responses poem did not make
//! (a middleware's bare `401`) as they were.
//!
//! ## JSON bodies and their limit
//!
//! [`Json`] reads a JSON body as poem's `Json` does, but its `json_data` rejection names the
//! exact field (`#/items/1/qty`), and it caps the body itself: 2 MiB, or what the app's
//! [`JsonLimit`] data says. Limit bodies with it rather than with poem's
//! [`SizeLimit`](https://docs.rs/poem/3/poem/middleware/struct.SizeLimit.html), which reads
//! only `Content-Length` and so answers `411 Length Required` to every request without one
//! (every `GET`, every `POST` without a body, every chunked upload) on the routes it wraps;
//! through [`ProblemDetails`] that is a problem of status `411`, whose code is no rejection's.
//!
//! ```
//! use poem::{get, handler, post, EndpointExt, Route};
//! use status_core::poem::{Json, JsonLimit, ProblemDetails};
//!
//! #[handler]
//! fn create(Json(note): Json<serde_json::Value>) -> String { note.to_string() }
//!
//! #[handler]
//! fn list() -> &'static str { "[]" }
//!
//! // A `GET` passes, and a body over 64 KiB, with or without `Content-Length`, is a 413.
//! let app = Route::new()
//!     .at("/notes", post(create).get(list))
//!     .data(JsonLimit(64 * 1024))
//!     .with(ProblemDetails);
//! ```

use std::borrow::Cow;
use std::sync::Arc;

use ::poem::error::{
    MethodNotAllowedError, NotFoundError, ParseFormError, ParseJsonError, ParsePathError,
    ParseQueryError, ReadBodyError, ResponseError, SizedLimitError,
};
use ::poem::http::header::{CONTENT_LENGTH, IF_NONE_MATCH};
use ::poem::http::{HeaderValue, Method, StatusCode};
use ::poem::{Body, Endpoint, IntoResponse, Middleware, Request, Response};

use crate::problem::is_problem;
use crate::serve::answer::{is_router_error, Answer};
use crate::serve::instance::{add_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::serve::negotiate::{
    accept_lines, is_negotiated, Negotiation, Representation, BODY_LIMIT as NEGOTIATED_LIMIT,
};
use crate::serve::pages::ServedPages;
use crate::{ApiStatus, ProblemResponse, Rejection, RejectionKind, Served, Statuses};

pub use super::poem_json::{Json, JsonLimit};

/// How much of a framework's own error body is read to become the problem's detail.
const BODY_LIMIT: usize = 16 * 1024;

/// The poem response for `value`: what the derived `IntoResponse` returns, with the status,
/// headers and body of [`ApiStatus::response`].
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// let response = status_core::poem::response(&Busy);
/// assert_eq!(response.status(), 429);
/// ```
pub fn response<T: ApiStatus + ?Sized>(value: &T) -> Response {
    let (parts, body) =
        crate::response::api_status::response_with_body::<Body, T>(value).into_parts();
    let mut response = Response::builder().status(parts.status).body(body);
    *response.headers_mut() = parts.headers;
    response
}

/// An [`ApiStatus`] value made into a poem error: its response, built once, and the record of
/// what it serves, which its response carries in its extensions ([`served`]).
///
/// Derived types convert into `poem::Error` through it, so `?` and poem-openapi's
/// `Result<T, ApiError>` work for every derived type. Its `Display` names the status and code
/// only, so that poem's own logging (its `Tracing` middleware) shows no more than the client
/// sees, and `poem::Error::downcast_ref` finds it.
///
/// ```
/// # use status_core::ApiStatus;
/// use status_core::poem::ProblemError;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404, code = "user_not_found")]
/// struct UserNotFound;
///
/// let error = poem::Error::from(UserNotFound);
/// assert_eq!(error.status(), 404);
/// assert_eq!(error.to_string(), "404 Not Found (user_not_found)");
/// assert!(error.downcast_ref::<ProblemError>().is_some());
/// ```
pub type ProblemError = ProblemResponse<Cow<'static, [u8]>>;

impl ResponseError for ProblemError {
    fn status(&self) -> StatusCode {
        ProblemResponse::status(self)
    }

    fn as_response(&self) -> Response {
        let prepared = self.response();
        let body = match prepared.body() {
            Cow::Borrowed(body) => Body::from(*body),
            Cow::Owned(body) => Body::from(body.clone()),
        };
        let mut response = Response::builder().status(prepared.status()).body(body);
        *response.headers_mut() = prepared.headers().clone();
        if let Some(served) = self.served() {
            response.extensions_mut().insert(served.clone());
        }
        response
    }
}

/// The record of what a response served ([`Served`]): the responses of derived types carry
/// one in their extensions, and so do the rejections of this module, for middleware that
/// logs, counts or renders them.
///
/// ```
/// use poem::IntoResponse;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, thiserror::Error, ApiStatus)]
/// #[error("no user {0}")]
/// #[status(404, message = "no user {0}")]
/// struct NoUser(u64);
///
/// let response = NoUser(7).into_response();
/// let served = status_core::poem::served(&response).unwrap();
/// assert_eq!(served.value::<NoUser>().unwrap().0, 7);
/// ```
#[must_use]
pub fn served(response: &Response) -> Option<&Served> {
    response.extensions().get::<Served>()
}

/// `response` with `served` in its extensions: what the derived `IntoResponse` returns.
#[doc(hidden)]
#[must_use]
pub fn __with_served(mut response: Response, served: Served) -> Response {
    response.extensions_mut().insert(served);
    response
}

/// `problem` as a poem error, its record in the error's data: poem gives a response made of an
/// error the error's extensions, and only those.
#[doc(hidden)]
#[must_use]
pub fn __error(problem: ProblemError) -> ::poem::Error {
    let served = problem.served().cloned();
    let mut error = ::poem::Error::from(problem);
    if let Some(served) = served {
        error.set_data(served);
    }
    error
}

/// A framework error's answer as a poem response, with its record.
fn answer_response(answer: Answer) -> Response {
    let (parts, body) = answer.into_http::<Vec<u8>>().into_parts();
    let mut response = Response::builder().status(parts.status).body(body);
    *response.headers_mut() = parts.headers;
    *response.extensions_mut() = parts.extensions;
    response
}

/// The Problem Details response of any `poem::Error`: poem's own errors (an unknown route, a
/// wrong method, a body or parameter its extractors reject) as [`Rejection`]s with their
/// codes, an error that already answers with Problem Details as it does, and any other as a
/// problem of its status. What [`ProblemDetails`] answers for an error; for
/// [`EndpointExt::catch_all_error`](https://docs.rs/poem/3/poem/endpoint/trait.EndpointExt.html#method.catch_all_error).
///
/// ```
/// use poem::error::NotFoundError;
///
/// let response = status_core::poem::error_response(NotFoundError.into());
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.content_type(), Some("application/problem+json"));
/// ```
#[must_use]
pub fn error_response(error: ::poem::Error) -> Response {
    match rejection_of(&error, None) {
        Some(rejection) => answer_response(Answer::rejection(rejection)),
        None => plain_error(error.into_response(), &[], Statuses::Uniform),
    }
}

/// The rejection poem's own `error` stands for; `query` tells a query parameter from the others.
fn rejection_of(error: &::poem::Error, query: Option<&str>) -> Option<Rejection> {
    let text = || error.to_string();
    let kind = if error.is::<NotFoundError>() {
        return Some(Rejection::of(RejectionKind::RouteNotFound));
    } else if error.is::<MethodNotAllowedError>() {
        // poem's router does not say which methods the path has ([`Methods`] does).
        return Some(Rejection::method_not_allowed_without_allow());
    } else if error.is::<ParsePathError>() {
        // poem's text says no more than the description.
        return Some(Rejection::of(RejectionKind::InvalidPath));
    } else if error.is::<ParseQueryError>() {
        RejectionKind::InvalidQuery
    } else if let Some(json) = error.downcast_ref::<ParseJsonError>() {
        match json {
            ParseJsonError::InvalidContentType(_) | ParseJsonError::ContentTypeRequired => {
                RejectionKind::MissingJsonContentType
            }
            ParseJsonError::Parse(parse) if parse.is_data() => RejectionKind::JsonData,
            ParseJsonError::Parse(parse) if parse.is_io() => RejectionKind::UnreadableBody,
            ParseJsonError::Parse(_) => RejectionKind::InvalidJson,
        }
    } else if let Some(form) = error.downcast_ref::<ParseFormError>() {
        match form {
            ParseFormError::InvalidContentType(_) | ParseFormError::ContentTypeRequired => {
                RejectionKind::MissingFormContentType
            }
            ParseFormError::UrlDecode(_) => RejectionKind::FormData,
        }
    } else if let Some(read) = error.downcast_ref::<ReadBodyError>() {
        match read {
            ReadBodyError::PayloadTooLarge => RejectionKind::ContentTooLarge,
            ReadBodyError::Utf8(_) | ReadBodyError::Io(_) => RejectionKind::UnreadableBody,
            // A handler's own mistake, not the request's.
            ReadBodyError::BodyHasBeenTaken => return None,
        }
    } else if error.downcast_ref::<SizedLimitError>() == Some(&SizedLimitError::PayloadTooLarge) {
        RejectionKind::ContentTooLarge
    } else {
        return openapi_rejection(error, query);
    };
    Some(Rejection::new(kind, text()))
}

/// The rejections of poem-openapi's extractors, which have errors of their own.
#[cfg(feature = "poem-openapi")]
fn openapi_rejection(error: &::poem::Error, query: Option<&str>) -> Option<Rejection> {
    use ::poem_openapi::error::{
        ContentTypeError, ParseParamError, ParsePathError, ParseRequestPayloadError,
    };

    let kind = if error.is::<ParsePathError>() {
        RejectionKind::InvalidPath
    } else if error.is::<ContentTypeError>() {
        // A payload's content type, missing or not the one the operation takes: the same
        // code as poem's own `Json` gives it, not the registry's `unsupported_media_type`.
        RejectionKind::MissingJsonContentType
    } else if let Some(param) = error.downcast_ref::<ParseParamError>() {
        // The same error stands for a header or a cookie: only a parameter the query names
        // is the query's.
        let named = query.is_some_and(|query| {
            query
                .split('&')
                .any(|pair| pair.split('=').next() == Some(param.name))
        });
        if !named {
            return None;
        }
        RejectionKind::InvalidQuery
    } else if let Some(payload) = error.downcast_ref::<ParseRequestPayloadError>() {
        // Text that does not parse fails with serde's position; a value of the wrong shape
        // with poem-openapi's words.
        if crate::response::rejection::without_position(&payload.reason) == payload.reason {
            RejectionKind::JsonData
        } else {
            RejectionKind::InvalidJson
        }
    } else {
        return None;
    };
    Some(Rejection::new(kind, error.to_string()))
}

#[cfg(not(feature = "poem-openapi"))]
fn openapi_rejection(_: &::poem::Error, _: Option<&str>) -> Option<Rejection> {
    None
}

/// A plain (not Problem Details) error response as a problem: what [`ProblemDetails`] makes of
/// the error responses a handler writes itself, keeping their headers.
fn plain_error(response: Response, text: &[u8], statuses: Statuses) -> Response {
    let status = response.status();
    if status.as_u16() < 400 || is_problem(response.content_type()) {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let answer = Answer::framework(status, text, statuses);
    let problem = answer_response(answer);
    parts.status = problem.status();
    parts.headers.remove(CONTENT_LENGTH);
    let (problem, body) = problem.into_parts();
    parts.headers.extend(problem.headers);
    parts.extensions = problem.extensions;
    Response::from_parts(parts, body)
}

/// Middleware that answers every error as Problem Details: poem's own errors (an unknown
/// route, a wrong method, a body or parameter the extractors reject, a body over
/// [`SizeLimit`](https://docs.rs/poem/3/poem/middleware/struct.SizeLimit.html)) become
/// [`Rejection`]s with their codes (`route_not_found`, `invalid_json`, `json_data`,
/// `content_too_large`...), and error responses a handler writes as plain text become
/// problems of their status, the text the detail, their headers kept. Responses that already
/// are `application/problem+json`, and successes, pass as they are.
///
/// poem's `405` names no allowed methods: serve the route with [`Methods`] to answer it with
/// `Allow`.
///
/// ```
/// use poem::{EndpointExt, Route};
///
/// let app = Route::new().with(status_core::poem::ProblemDetails);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemDetails;

impl<E: Endpoint> Middleware<E> for ProblemDetails {
    type Output = ProblemDetailsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        ProblemDetailsEndpoint { inner }
    }
}

/// The endpoint [`ProblemDetails`] wraps another in.
#[derive(Debug)]
pub struct ProblemDetailsEndpoint<E> {
    inner: E,
}

impl<E: Endpoint> Endpoint for ProblemDetailsEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        let query = request.uri().query().map(str::to_owned);
        let statuses = request.data::<Statuses>().copied().unwrap_or_default();
        let response = match self.inner.call(request).await {
            Ok(output) => output.into_response(),
            Err(error) => match rejection_of(&error, query.as_deref()) {
                Some(rejection) => {
                    let rejection = match statuses {
                        // poem's own status for it, which its error holds.
                        Statuses::Framework => rejection.with_status(error.status()),
                        Statuses::Uniform => rejection,
                    };
                    return Ok(answer_response(Answer::rejection(rejection)));
                }
                // Its text, which poem would send, is read below like a handler's own.
                None => error.into_response(),
            },
        };
        if response.status().as_u16() < 400 || is_problem(response.content_type()) {
            return Ok(response);
        }
        // poem's own errors are its `Error`s, answered above: with its statuses kept, an error
        // response of another making (a middleware's bare `401`) is left as it is.
        if statuses == Statuses::Framework && !is_router_error(response.status()) {
            return Ok(response);
        }
        let (parts, body) = response.into_parts();
        // A body too large to be a short message is not one: the registry's text stands instead.
        let text = body.into_bytes_limit(BODY_LIMIT).await.unwrap_or_default();
        Ok(plain_error(
            Response::from_parts(parts, Body::empty()),
            &text,
            statuses,
        ))
    }
}

/// Middleware that sends every problem response in the representation the request's `Accept`
/// prefers, with `Vary: Accept`: a browser gets an HTML page, a `text/plain` client the
/// detail as text, an XML client RFC 9457's XML, and every other client the
/// `application/problem+json` body as it was ([`negotiate`](crate::negotiate) has the rules).
/// Status and headers stay as they are.
///
/// Wrap it around everything else, [`ProblemDetails`] and [`ProblemInstance`] included, so that
/// it sees every problem.
///
/// ```
/// use poem::{EndpointExt, Route};
/// use status_core::negotiate::Negotiation;
/// use status_core::poem::ProblemDetails;
///
/// let app = Route::new().with(ProblemDetails).with(Negotiation::new());
/// ```
impl<E: Endpoint> Middleware<E> for Negotiation {
    type Output = NegotiateEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        NegotiateEndpoint {
            inner,
            negotiation: self.clone(),
        }
    }
}

/// The endpoint a [`Negotiation`] wraps another in.
#[derive(Debug)]
pub struct NegotiateEndpoint<E> {
    inner: E,
    negotiation: Negotiation,
}

impl<E: Endpoint> Endpoint for NegotiateEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        let representation = self
            .negotiation
            .representation(accept_lines(request.headers()));
        let response = match self.inner.call(request).await {
            Ok(output) => output.into_response(),
            Err(error) => error.into_response(),
        };
        let (mut parts, body) = response.into_parts();
        if !is_negotiated(&mut parts.headers) || representation == Representation::ProblemJson {
            return Ok(Response::from_parts(parts, body));
        }
        // poem tells no body's size ahead: a problem body is read whole, one over the limit
        // goes out as it is.
        let Ok(bytes) = body.into_bytes().await else {
            parts.headers.remove(CONTENT_LENGTH);
            return Ok(Response::from_parts(parts, Body::empty()));
        };
        let served = parts.extensions.get::<Served>().cloned();
        let rendered = (bytes.len() <= NEGOTIATED_LIMIT)
            .then(|| {
                self.negotiation.rerender_http(
                    representation,
                    &mut parts.headers,
                    served.as_ref(),
                    &bytes,
                )
            })
            .flatten();
        Ok(match rendered {
            Some(rendered) => Response::from_parts(parts, Body::from(rendered)),
            None => Response::from_parts(parts, Body::from(bytes)),
        })
    }
}

/// A method router, as poem's [`RouteMethod`](https://docs.rs/poem/3/poem/struct.RouteMethod.html),
/// that answers a method it lacks with `405 Method Not Allowed` as Problem Details and with
/// `Allow` listing the methods it has, which RFC 9110 requires and poem's own router omits.
/// `HEAD` is answered by the `GET` endpoint where none is given, as poem does.
///
/// ```
/// use poem::{handler, Route};
/// use status_core::poem::Methods;
///
/// #[handler]
/// fn order() -> &'static str { "an order" }
///
/// let app = Route::new().at("/orders/:id", Methods::new().get(order).delete(order));
/// ```
#[derive(Default)]
pub struct Methods {
    route: ::poem::RouteMethod,
    allow: Vec<Method>,
}

impl Methods {
    /// A router with no method yet.
    ///
    /// ```
    /// let methods = status_core::poem::Methods::new();
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Answers `method` with `endpoint`.
    ///
    /// ```
    /// use poem::{handler, http::Method};
    ///
    /// #[handler]
    /// fn purge() {}
    ///
    /// let methods = status_core::poem::Methods::new().method(Method::from_bytes(b"PURGE").unwrap(), purge);
    /// ```
    #[must_use]
    pub fn method<E>(mut self, method: Method, endpoint: E) -> Self
    where
        E: ::poem::IntoEndpoint,
        E::Endpoint: 'static,
    {
        if !self.allow.contains(&method) {
            self.allow.push(method.clone());
        }
        self.route = self.route.method(method, endpoint);
        self
    }

    /// Answers `GET` (and `HEAD`, unless given) with `endpoint`.
    ///
    /// ```
    /// # #[poem::handler] fn list() {}
    /// let methods = status_core::poem::Methods::new().get(list);
    /// ```
    #[must_use]
    pub fn get<E>(self, endpoint: E) -> Self
    where
        E: ::poem::IntoEndpoint,
        E::Endpoint: 'static,
    {
        self.method(Method::GET, endpoint)
    }

    /// Answers `POST` with `endpoint`.
    ///
    /// ```
    /// # #[poem::handler] fn create() {}
    /// let methods = status_core::poem::Methods::new().post(create);
    /// ```
    #[must_use]
    pub fn post<E>(self, endpoint: E) -> Self
    where
        E: ::poem::IntoEndpoint,
        E::Endpoint: 'static,
    {
        self.method(Method::POST, endpoint)
    }

    /// Answers `PUT` with `endpoint`.
    ///
    /// ```
    /// # #[poem::handler] fn replace() {}
    /// let methods = status_core::poem::Methods::new().put(replace);
    /// ```
    #[must_use]
    pub fn put<E>(self, endpoint: E) -> Self
    where
        E: ::poem::IntoEndpoint,
        E::Endpoint: 'static,
    {
        self.method(Method::PUT, endpoint)
    }

    /// Answers `PATCH` with `endpoint`.
    ///
    /// ```
    /// # #[poem::handler] fn update() {}
    /// let methods = status_core::poem::Methods::new().patch(update);
    /// ```
    #[must_use]
    pub fn patch<E>(self, endpoint: E) -> Self
    where
        E: ::poem::IntoEndpoint,
        E::Endpoint: 'static,
    {
        self.method(Method::PATCH, endpoint)
    }

    /// Answers `DELETE` with `endpoint`.
    ///
    /// ```
    /// # #[poem::handler] fn remove() {}
    /// let methods = status_core::poem::Methods::new().delete(remove);
    /// ```
    #[must_use]
    pub fn delete<E>(self, endpoint: E) -> Self
    where
        E: ::poem::IntoEndpoint,
        E::Endpoint: 'static,
    {
        self.method(Method::DELETE, endpoint)
    }
}

/// The `Allow` value of a path with `methods`: those, with `HEAD` where `GET` answers it, as
/// poem's method routers do.
pub(crate) fn allow_value(methods: &[Method]) -> Option<HeaderValue> {
    let mut names: Vec<&str> = methods.iter().map(Method::as_str).collect();
    if methods.contains(&Method::GET) && !methods.contains(&Method::HEAD) {
        names.push(Method::HEAD.as_str());
    }
    HeaderValue::from_str(&names.join(", ")).ok()
}

/// The `405` of a path whose methods make `allow`, as Problem Details with its record.
pub(crate) fn method_not_allowed(allow: Option<HeaderValue>) -> Response {
    let rejection = Rejection::of(RejectionKind::MethodNotAllowed);
    let mut response = answer_response(Answer::rejection(rejection));
    if let Some(allow) = allow {
        response
            .headers_mut()
            .insert(::poem::http::header::ALLOW, allow);
    }
    response
}

impl Endpoint for Methods {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        match self.route.call(request).await {
            Err(error) if error.is::<MethodNotAllowedError>() => {
                Ok(method_not_allowed(allow_value(&self.allow)))
            }
            other => other,
        }
    }
}

/// Middleware that adds `instance` (RFC 9457 section 3.1.5), the path of the request without
/// its query, to every Problem Details body that has none. Anything else passes untouched.
///
/// Opt-in, since a path can say more than a client should see in a shared log. Wrap it around
/// everything else (and around [`ProblemDetails`]), so that it sees the whole path and every
/// error: it answers the errors that reach it with their responses. poem tells no body's size
/// ahead, so a problem body is read whole; one over 64 KiB passes as it is.
///
/// ```
/// use poem::{EndpointExt, Route};
///
/// let app = Route::new()
///     .with(status_core::poem::ProblemDetails)
///     .with(status_core::poem::ProblemInstance);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemInstance;

impl<E: Endpoint> Middleware<E> for ProblemInstance {
    type Output = ProblemInstanceEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        ProblemInstanceEndpoint { inner }
    }
}

/// The endpoint [`ProblemInstance`] wraps another in.
#[derive(Debug)]
pub struct ProblemInstanceEndpoint<E> {
    inner: E,
}

impl<E: Endpoint> Endpoint for ProblemInstanceEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        let path = request.original_uri().path().to_owned();
        let response = match self.inner.call(request).await {
            Ok(output) => output.into_response(),
            Err(error) => error.into_response(),
        };
        if !is_problem(response.content_type()) {
            return Ok(response);
        }
        let (mut parts, body) = response.into_parts();
        let Ok(bytes) = body.into_bytes().await else {
            parts.headers.remove(CONTENT_LENGTH);
            return Ok(Response::from_parts(parts, Body::empty()));
        };
        let added = (bytes.len() <= INSTANCE_BODY_LIMIT)
            .then(|| add_instance(&mut parts.headers, &bytes, &path))
            .flatten();
        let body = match added {
            Some(body) => Body::from(body),
            None => Body::from(bytes.to_vec()),
        };
        Ok(Response::from_parts(parts, body))
    }
}

/// An endpoint that serves the HTML catalog of `E`'s problem types, where their type URIs
/// point; made by [`problem_types`].
pub struct ProblemTypes {
    site: Arc<ServedPages<String>>,
}

impl ProblemTypes {
    /// The path to nest it at: the path of the type's `type_base`, without a trailing `/`
    /// (`/problems` for a type without one; empty for a base at the root of the site).
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// #[derive(Debug, ApiStatus)]
    /// #[status(404)]
    /// struct Missing;
    ///
    /// assert_eq!(status_core::poem::problem_types::<Missing>().path(), "/problems");
    /// ```
    #[must_use]
    pub fn path(&self) -> &'static str {
        self.site.prefix()
    }
}

/// An endpoint that serves the HTML catalog of `E`'s problem types, where their type URIs point.
///
/// The catalog ([`html::catalog`](crate::html::catalog)) answers at the path of the type's
/// `type_base` ([`html::base_path`](crate::html::base_path)), with and without a trailing
/// `/`; for a base ending in `/`, the page of each problem type
/// ([`html::problem_type`](crate::html::problem_type)) answers at `base path + code`, which
/// is the type URI's path. A type without a `type_base` is served at `/problems/`. Each page
/// has a strong `ETag`, and a request whose `If-None-Match` names it gets
/// `304 Not Modified`; any other path under the base gets `404 Not Found` as Problem Details,
/// and a method other than `GET` or `HEAD` gets `405 Method Not Allowed` with `Allow`.
///
/// Nest it at its [`path`](ProblemTypes::path), with or without stripping the prefix: it
/// answers by the full path of the request, the type URI's.
///
/// ```
/// use poem::Route;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// // Serves `/problems/` and `/problems/user_not_found`.
/// let pages = status_core::poem::problem_types::<ApiError>();
/// let app = Route::new().nest(pages.path(), pages);
/// ```
#[must_use]
pub fn problem_types<E: ApiStatus>() -> ProblemTypes {
    ProblemTypes {
        site: Arc::new(ServedPages::new(&E::table(), |html| html)),
    }
}

impl Endpoint for ProblemTypes {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        if request.method() != Method::GET && request.method() != Method::HEAD {
            let rejection = Rejection::of(RejectionKind::MethodNotAllowed);
            let mut response = answer_response(Answer::rejection(rejection));
            response.headers_mut().insert(
                ::poem::http::header::ALLOW,
                HeaderValue::from_static("GET, HEAD"),
            );
            return Ok(response);
        }
        let if_none_match = request.headers().get_all(IF_NONE_MATCH);
        let reply = self.site.reply(
            request.original_uri().path(),
            if_none_match.iter().map(HeaderValue::as_bytes),
        );
        Ok(reply.into_http().map_or_else(
            || {
                answer_response(Answer::rejection(Rejection::of(
                    RejectionKind::RouteNotFound,
                )))
            },
            |page| {
                let (parts, body) = page.into_parts();
                let mut response = Response::from(body);
                response.set_status(parts.status);
                *response.headers_mut() = parts.headers;
                response
            },
        ))
    }
}

// A handler may return it, as it returns the service's own enum.
crate::__impl_poem! { [keep] [] [Rejection] [] }

/// Implements poem's `IntoResponse` and `From<T> for poem::Error` for a derived type.
///
/// A `From` impl rather than `ResponseError`: poem's `From` for that trait, and the trait's
/// `as_response`, need `std::error::Error`, and a feature turned on anywhere in the build must
/// not add requirements to every derived type. For the same reason `IntoResponse`, which needs
/// `Send`, is implemented where the type is `Send`: the bound names a lifetime of its own, so
/// that a type that is not `Send` only lacks the impl, rather than failing to build.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] []) => {
        $crate::__impl_poem! { @impl [$keep] [$($impl_generics)*] [$($ty)*] [where] }
    };
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [where $($predicates:tt)*]) => {
        $crate::__impl_poem! { @impl [$keep] [$($impl_generics)*] [$($ty)*] [where $($predicates)*] }
    };
    (@impl [$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [where $($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::poem::IntoResponse for $($ty)*
        where
            for<'__send> Self: ::core::marker::Send,
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::poem::Response {
                $crate::__log_error!(&self);
                $crate::poem::__with_served(
                    $crate::poem::response(&self),
                    $crate::__served!($keep, self),
                )
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private::poem::Error
        where
            $($predicates)*
        {
            fn from(__value: $($ty)*) -> Self {
                $crate::__log_error!(&__value);
                $crate::poem::__error(
                    $crate::poem::ProblemError::new(&__value)
                        .with_served($crate::__served!($keep, __value)),
                )
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PROBLEM_JSON;

    #[test]
    fn poem_errors_are_their_rejections() {
        let code = |error: ::poem::Error, query: Option<&str>| {
            rejection_of(&error, query).map(|rejection| rejection.code())
        };
        assert_eq!(code(NotFoundError.into(), None), Some("route_not_found"));
        assert_eq!(
            code(MethodNotAllowedError.into(), None),
            Some("method_not_allowed")
        );
        assert_eq!(code(ParsePathError.into(), None), Some("invalid_path"));
        assert_eq!(
            code(ParseJsonError::ContentTypeRequired.into(), None),
            Some("missing_json_content_type")
        );
        let syntax = serde_json::from_str::<serde_json::Value>("{\"a\" 1}").unwrap_err();
        assert_eq!(
            code(ParseJsonError::Parse(syntax).into(), None),
            Some("invalid_json")
        );
        let data = serde_json::from_str::<u8>("\"x\"").unwrap_err();
        assert_eq!(
            code(ParseJsonError::Parse(data).into(), None),
            Some("json_data")
        );
        assert_eq!(
            code(ReadBodyError::PayloadTooLarge.into(), None),
            Some("content_too_large")
        );
        assert_eq!(
            code(SizedLimitError::PayloadTooLarge.into(), None),
            Some("content_too_large")
        );
        assert_eq!(
            code(SizedLimitError::MissingContentLength.into(), None),
            None
        );
        assert_eq!(code(ReadBodyError::BodyHasBeenTaken.into(), None), None);
        assert_eq!(
            code(::poem::Error::from_status(StatusCode::CONFLICT), None),
            None
        );
    }

    #[cfg(feature = "poem-openapi")]
    #[test]
    fn poem_openapi_errors_are_their_rejections() {
        use ::poem_openapi::error::{ContentTypeError, ParseParamError, ParseRequestPayloadError};

        let code = |error: ::poem::Error, query: Option<&str>| {
            rejection_of(&error, query).map(|rejection| rejection.code())
        };
        let param = || ParseParamError {
            name: "limit",
            reason: "not a number".to_owned(),
        };
        assert_eq!(
            code(param().into(), Some("limit=many")),
            Some("invalid_query")
        );
        assert_eq!(code(param().into(), Some("other=1")), None);
        assert_eq!(code(param().into(), None), None);
        let payload = |reason: &str| ParseRequestPayloadError {
            reason: reason.to_owned(),
        };
        assert_eq!(
            code(
                payload("EOF while parsing a value at line 1 column 0").into(),
                None
            ),
            Some("invalid_json")
        );
        assert_eq!(
            code(payload("failed to parse \"Order\"").into(), None),
            Some("json_data")
        );
        for missing_or_wrong in [
            ContentTypeError::ExpectContentType,
            ContentTypeError::NotSupported {
                content_type: "text/plain".to_owned(),
            },
        ] {
            assert_eq!(
                code(missing_or_wrong.into(), None),
                Some("missing_json_content_type")
            );
        }
    }

    #[test]
    fn a_plain_error_keeps_its_status_and_headers_and_a_success_passes() {
        let mut plain = Response::builder()
            .status(StatusCode::CONFLICT)
            .header("x-kept", "1")
            .body("taken");
        plain
            .headers_mut()
            .insert(CONTENT_LENGTH, HeaderValue::from(5));
        let rewritten = plain_error(plain, b"taken", Statuses::Uniform);
        assert_eq!(rewritten.status(), StatusCode::CONFLICT);
        assert_eq!(rewritten.content_type(), Some(PROBLEM_JSON));
        assert_eq!(rewritten.headers()["x-kept"], "1");
        assert!(rewritten.headers().get(CONTENT_LENGTH).is_none());
        let ok = plain_error(Response::builder().body("fine"), &[], Statuses::Uniform);
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.content_type(), None);
    }
}
