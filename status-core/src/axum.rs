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

use std::sync::Arc;

use ::axum::body::{Body, Bytes, HttpBody as _};
use ::axum::extract::rejection::JsonRejection;
use ::axum::extract::{FromRequest, Request};
use ::axum::middleware::Next;
use ::axum::response::{IntoResponse, Response};
use ::axum::routing::get;
use ::axum::Router;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, IF_NONE_MATCH};
use http::HeaderValue;

use crate::instance::{is_problem, with_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::rejection::framework_error;
use crate::served_pages::ServedPages;
use crate::{ApiStatus, Rejection, RejectionKind, PROBLEM_JSON};

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
    crate::api_status::response_with_body(value)
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
    response(&Rejection::of(RejectionKind::RouteNotFound))
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
    if status.as_u16() < 400
        || is_problem(
            response
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
        )
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A body too large to be a short message is not one: the registry's text stands instead.
    let text = ::axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .unwrap_or_default();
    let (status, body) = framework_error(status, &text);
    parts.status = status;
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Response::from_parts(parts, Body::from(body))
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
        return Rejection::of(crate::RejectionKind::UnreadableBody);
    };
    let mut source = std::error::Error::source(rejection);
    while let Some(error) = source {
        if let Some(error) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            return converted.with_errors(crate::rejection::exact_errors(error));
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
    if !is_problem(
        response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    ) {
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
    let body = match with_instance(&bytes, &path) {
        Some(body) => {
            if parts.headers.contains_key(CONTENT_LENGTH) {
                parts
                    .headers
                    .insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
            }
            Body::from(body)
        }
        None => Body::from(bytes),
    };
    Response::from_parts(parts, body)
}
