//! axum integration (feature `axum`).
//!
//! With the feature on, every derived type implements
//! [`IntoResponse`](https://docs.rs/axum/0.8/axum/response/trait.IntoResponse.html), so handlers return it as is:
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
//!
//! axum answers its own errors with the statuses of the rejection table, so there is no
//! [`Statuses`](crate::Statuses) to choose here.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use ::axum::body::{Body, Bytes, HttpBody as _};
use ::axum::extract::rejection::JsonRejection;
use ::axum::extract::{FromRequest, Request};
use ::axum::middleware::Next;
use ::axum::response::{IntoResponse, Response};
use ::axum::routing::get;
use ::axum::Router;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, IF_NONE_MATCH};
use http::HeaderValue;

use crate::problem::is_problem;
use crate::serve::answer::Answer;
use crate::serve::instance::{add_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::serve::negotiate::{
    accept_lines, is_negotiated, Negotiation, Representation, BODY_LIMIT as NEGOTIATED_LIMIT,
};
use crate::serve::pages::ServedPages;
use crate::{ApiStatus, Rejection, RejectionKind, Served, Statuses, PROBLEM_JSON};

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
    crate::response::api_status::response_with_body(value)
}

/// A fallback handler for unknown routes: `404 Not Found` as Problem Details.
///
/// ```
/// let app: axum::Router = axum::Router::new().fallback(status_core::axum::not_found);
/// ```
#[allow(clippy::unused_async)] // a handler must be async
pub async fn not_found() -> Response {
    not_found_response()
}

fn not_found_response() -> Response {
    Answer::rejection(Rejection::of(RejectionKind::RouteNotFound)).into_http()
}

/// The record of what a response served ([`Served`]): the derived types' responses carry one
/// in their extensions, and so do the rejections of this module, for middleware that logs,
/// counts or renders them.
///
/// ```
/// use axum::response::IntoResponse;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, thiserror::Error, ApiStatus)]
/// #[error("no user {0}")]
/// #[status(404, message = "no user {0}")]
/// struct NoUser(u64);
///
/// let response = NoUser(7).into_response();
/// let served = status_core::axum::served(&response).unwrap();
/// assert_eq!((served.code(), served.status().as_u16()), ("no_user", 404));
/// assert_eq!(served.value::<NoUser>().unwrap().0, 7);
/// ```
#[must_use]
pub fn served(response: &Response) -> Option<&Served> {
    response.extensions().get::<Served>()
}

/// Rewrites the error responses axum makes itself (wrong method, a body that fails to parse,
/// a payload too large) as Problem Details, keeping their headers (`Allow` among them).
/// axum's extractor rejections become [`Rejection`]s, with their codes (`invalid_json`,
/// `invalid_path`, `method_not_allowed`...); any other plain error keeps its status and gets
/// the status's code. Responses that already are `application/problem+json`, and successes,
/// pass as they are. Use it with [`axum::middleware::map_response`](https://docs.rs/axum/0.8/axum/middleware/fn.map_response.html).
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
    // A body too large to be a short message is not one: the registry's text stands instead.
    let text = ::axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .unwrap_or_default();
    // axum's statuses are the table's: there is nothing to keep.
    let answer = Answer::framework(status, &text, Statuses::Uniform);
    parts.status = answer.status;
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    if let Some(served) = answer.served {
        parts.extensions.insert(served);
    }
    Response::from_parts(parts, Body::from(answer.body))
}

/// A [`Negotiation`] is a tower layer: every problem response goes out in the representation
/// the request's `Accept` prefers, with `Vary: Accept`. A browser gets an HTML page, a
/// `text/plain` client the detail as text, an XML client RFC 9457's XML, and every other
/// client the `application/problem+json` body as it was ([`negotiate`](crate::negotiate) has
/// the rules). Status and headers stay as they are.
///
/// Add it last, so that it is the outermost layer and sees every problem, those of
/// [`problem_details`] and [`problem_instance`] included:
///
/// ```
/// use axum::middleware::map_response;
/// use status_core::negotiate::Negotiation;
///
/// let app: axum::Router = axum::Router::new()
///     .fallback(status_core::axum::not_found)
///     .layer(map_response(status_core::axum::problem_details))
///     .layer(Negotiation::new());
/// ```
impl<S> tower_layer::Layer<S> for Negotiation {
    type Service = NegotiateService<S>;

    fn layer(&self, inner: S) -> NegotiateService<S> {
        NegotiateService {
            inner,
            negotiation: self.clone(),
        }
    }
}

/// The service a [`Negotiation`] wraps another in.
#[derive(Debug, Clone)]
pub struct NegotiateService<S> {
    inner: S,
    negotiation: Negotiation,
}

impl<S> tower_service::Service<Request> for NegotiateService<S>
where
    S: tower_service::Service<Request, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = NegotiateFuture<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let representation = self
            .negotiation
            .representation(accept_lines(request.headers()));
        // A JSON client's response passes with `Vary` added: nothing else is kept for it.
        let rerender = (representation != Representation::ProblemJson)
            .then(|| (self.negotiation.clone(), representation));
        NegotiateFuture {
            inner: self.inner.call(request),
            rerender,
            rendering: None,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of a [`NegotiateService`].
    pub struct NegotiateFuture<F> {
        #[pin]
        inner: F,
        rerender: Option<(Negotiation, Representation)>,
        rendering: Option<Pin<Box<dyn Future<Output = Response> + Send>>>,
    }
}

impl<F, E> Future for NegotiateFuture<F>
where
    F: Future<Output = Result<Response, E>>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        if let Some(rendering) = this.rendering {
            return rendering.as_mut().poll(cx).map(Ok);
        }
        let mut response = ready!(this.inner.poll(cx))?;
        if !is_negotiated(response.headers_mut()) {
            return Poll::Ready(Ok(response));
        }
        let Some((negotiation, representation)) = this.rerender.take() else {
            return Poll::Ready(Ok(response));
        };
        let mut rendering = Box::pin(rerendered(negotiation, representation, response));
        match rendering.as_mut().poll(cx) {
            Poll::Ready(response) => Poll::Ready(Ok(response)),
            Poll::Pending => {
                *this.rendering = Some(rendering);
                Poll::Pending
            }
        }
    }
}

/// A problem `response` in `representation` (not JSON): its body read, then rendered again.
async fn rerendered(
    negotiation: Negotiation,
    representation: Representation,
    response: Response,
) -> Response {
    // Only a body of known, small size is read: a stream goes out as it is.
    let small = response
        .body()
        .size_hint()
        .exact()
        .is_some_and(|size| size <= NEGOTIATED_LIMIT as u64);
    if !small {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = ::axum::body::to_bytes(body, NEGOTIATED_LIMIT).await else {
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    };
    let served = parts.extensions.get::<Served>().cloned();
    match negotiation.rerender_http(representation, &mut parts.headers, served.as_ref(), &bytes) {
        Some(rendered) => Response::from_parts(parts, Body::from(rendered)),
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// axum's [`Json`](https://docs.rs/axum/0.8/axum/struct.Json.html) extractor, whose rejection
/// is a [`Rejection`]: a `json_data` one names, in its `errors`, exactly where serde failed,
/// by the wire names of the fields, whatever the keys hold.
///
/// axum's own `Json` through [`problem_details`] gives the same pointers but reads them from
/// axum's text, where a map key holding `.` or `[` cannot be told from a path: use this one
/// where keys may hold them. It is `Json` otherwise: the same content type check, body limit
/// and deserialization; as a response it is axum's `Json`.
///
/// With aide (features `axum` and `aide`) it documents what aide's own `Json` does, its
/// request body or its response, and as a request body the rejections it answers too
/// (`invalid_json`, `json_data`, `missing_json_content_type`, `content_too_large`).
///
/// ```
/// use axum::{routing::post, Router};
/// use status_core::axum::Json;
///
/// #[derive(serde::Deserialize)]
/// struct Signup { name: String }
///
/// async fn signup(Json(signup): Json<Signup>) -> String {
///     format!("welcome, {}", signup.name)
/// }
///
/// let app: Router = Router::new().route("/signup", post(signup));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

json_value_access!("axum");

impl<T, S> FromRequest<S> for Json<T>
where
    ::axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

/// The [`Rejection`] of axum's `Json` rejection, with the exact pointer of a data error.
fn json_rejection(rejection: &JsonRejection) -> Rejection {
    let text = rejection.body_text();
    let Some(converted) = Rejection::recognize(rejection.status(), text.as_bytes()) else {
        return Rejection::of(RejectionKind::UnreadableBody);
    };
    let mut source = std::error::Error::source(rejection);
    while let Some(error) = source {
        if let Some(error) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            return converted.with_errors(crate::response::rejection::exact_errors(error));
        }
        source = error.source();
    }
    converted
}

/// A router that serves the HTML catalog of `E`'s problem types, where their type URIs point.
///
/// The catalog ([`html::catalog`](crate::html::catalog)) answers at the path of the type's
/// `type_base` ([`html::base_path`](crate::html::base_path)), with and without a trailing
/// `/`; for a base ending in `/`, the page of each problem type
/// ([`html::problem_type`](crate::html::problem_type)) answers at `base path + code`, which
/// is the type URI's path. A type without a `type_base` is served at `/problems/`. Each page
/// has a strong `ETag`, and a request whose `If-None-Match` names it gets
/// `304 Not Modified`; any other path under the base gets `404 Not Found` as Problem Details.
///
/// Generic over the app's state, it merges into any router; merge it rather than nest it,
/// since its routes are the full paths of the type URIs. A base at the root of the site
/// (`https://api.example.com/`) answers every path no other route takes.
///
/// ```
/// use axum::Router;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// // Serves `/problems/` and `/problems/user_not_found`.
/// let app: Router = Router::new().merge(status_core::axum::problem_types::<ApiError, _>());
/// ```
pub fn problem_types<E, S>() -> Router<S>
where
    E: ApiStatus,
    S: Clone + Send + Sync + 'static,
{
    let site = Arc::new(ServedPages::new(&E::table(), Bytes::from));
    // The base is a literal path: braces would be captures in axum's syntax.
    let prefix = site.prefix().replace('{', "{{").replace('}', "}}");
    let page = move |request: Request| {
        let site = Arc::clone(&site);
        async move { page_response(&site, &request) }
    };
    let mut router = Router::new();
    if !prefix.is_empty() {
        router = router.route(&prefix, get(page.clone()));
    }
    router
        .route(&format!("{prefix}/"), get(page.clone()))
        .route(&format!("{prefix}/{{*path}}"), get(page))
}

fn page_response(site: &ServedPages<Bytes>, request: &Request) -> Response {
    let if_none_match = request.headers().get_all(IF_NONE_MATCH);
    site.reply(
        request.uri().path(),
        if_none_match.iter().map(HeaderValue::as_bytes),
    )
    .into_http()
    .map_or_else(not_found_response, |page| page.map(Body::from))
}

/// Middleware that adds `instance` (RFC 9457 section 3.1.5), the path of the request without
/// its query, to every Problem Details body that has none. Anything else passes untouched.
///
/// Opt-in, since a path can say more than a client should see in a shared log; use it with
/// [`axum::middleware::from_fn`](https://docs.rs/axum/0.8/axum/middleware/fn.from_fn.html),
/// as the outermost layer so that it sees the whole path.
///
/// ```
/// let app: axum::Router = axum::Router::new()
///     .fallback(status_core::axum::not_found)
///     .layer(axum::middleware::from_fn(status_core::axum::problem_instance));
/// ```
pub async fn problem_instance(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if !is_problem(response.headers().get(CONTENT_TYPE)) {
        return response;
    }
    // Only a body of known, small size is read: a stream passes as it is.
    let small = response
        .body()
        .size_hint()
        .exact()
        .is_some_and(|size| size <= INSTANCE_BODY_LIMIT as u64);
    if !small {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = ::axum::body::to_bytes(body, INSTANCE_BODY_LIMIT).await else {
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    };
    let body = match add_instance(&mut parts.headers, &bytes, &path) {
        Some(body) => Body::from(body),
        None => Body::from(bytes),
    };
    Response::from_parts(parts, body)
}
