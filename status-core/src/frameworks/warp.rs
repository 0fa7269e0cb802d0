//! warp integration (feature `warp`): derived types as warp replies and rejections, warp's
//! own rejections as Problem Details, `instance`, and the problem-type pages.
//!
//! With the feature on, every derived type that is `Send` implements warp's
//! [`Reply`](https://docs.rs/warp/0.4/warp/reply/trait.Reply.html), so a handler used with
//! `map` or `then` returns it, or a `Result` of it; and every derived type converts into a
//! [`warp::Rejection`](https://docs.rs/warp/0.4/warp/reject/struct.Rejection.html) (through
//! [`ProblemRejection`]), so `?` works in `and_then` handlers. [`recover`] answers those
//! rejections, and warp's own (an unknown route, a wrong method, a body or query that does
//! not parse), as Problem Details:
//!
//! ```
//! use status_core::ApiStatus;
//! use warp::Filter;
//!
//! #[derive(Debug, thiserror::Error, ApiStatus)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//! }
//!
//! // A reply: `Result<String, ApiError>` is one.
//! fn user(id: u64) -> Result<String, ApiError> {
//!     Err(ApiError::UserNotFound { id })
//! }
//!
//! // A rejection: `?` converts the error.
//! async fn order(id: u64) -> Result<String, warp::Rejection> {
//!     Err(ApiError::UserNotFound { id })?
//! }
//!
//! let routes = warp::path!("users" / u64)
//!     .and(warp::get())
//!     .map(user)
//!     .or(warp::path!("orders" / u64).and(warp::get()).and_then(order))
//!     .recover(status_core::warp::recover);
//! ```
//!
//! warp answers a body that does not deserialize with `400`, where the rejection table says
//! `422` for JSON or a form of the wrong shape. A service that keeps warp's statuses recovers
//! with [`recover_with`]`(Statuses::Framework)` ([`Statuses`](crate::Statuses)).
//!
//! [`json`] reads a JSON body as `warp::body::json` does, but caps it itself (2 MiB, or
//! [`json_with_limit`]), without the `Content-Length` that `warp::body::content_length_limit`
//! requires of every request (`411` without it), and its `json_data` rejection names the
//! exact field (`#/items/1/qty`).

use std::borrow::Cow;
use std::convert::Infallible;
use std::error::Error as _;
use std::fmt;
use std::sync::Arc;

use ::warp::filters::body::BodyDeserializeError;
use ::warp::filters::cors::CorsForbidden;
use ::warp::filters::ext::MissingExtension;
use ::warp::filters::path::FullPath;
use ::warp::reject::{
    InvalidHeader, InvalidQuery, LengthRequired, MethodNotAllowed, MissingCookie, MissingHeader,
    PayloadTooLarge, Reject, UnsupportedMediaType,
};
use ::warp::reply::Response;
use ::warp::Filter;
use http::header::{ALLOW, CONTENT_LENGTH, CONTENT_TYPE, IF_NONE_MATCH};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use http_body_util::BodyExt as _;

use crate::problem::is_problem;
use crate::response::rejection::without_position;
use crate::serve::answer::Answer;
use crate::serve::instance::{add_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::serve::negotiate::{
    is_negotiated, Negotiation, Representation, BODY_LIMIT as NEGOTIATED_LIMIT,
};
use crate::serve::pages::ServedPages;
use crate::statuses::Warp;
use crate::{ApiStatus, ProblemResponse, Rejection, RejectionKind, Served, Statuses};

use super::warp_json::JsonRejected;
pub use super::warp_json::{json, json_with_limit};

/// The warp response for `value`: what the derived `Reply` returns, with the status, headers
/// and body of [`ApiStatus::response`].
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// let response = status_core::warp::response(&Busy);
/// assert_eq!(response.status(), 429);
/// ```
pub fn response<T: ApiStatus + ?Sized>(value: &T) -> Response {
    // The body type is warp's own, which it does not name: inferred from `Response`.
    crate::response::api_status::response_with_body(value)
}

/// An [`ApiStatus`] value made into a warp rejection: its response, built once, and the record
/// of what it serves, which its response carries in its extensions ([`served`]).
///
/// Every derived type converts into a `warp::Rejection` through it, so a handler of
/// `and_then` rejects with `?` or `Err(error.into())`, and [`recover`] answers the rejection
/// with the value's response. A conversion rather than warp's `Reject` on the derived type,
/// so that the type needs neither `Debug` nor `Sync` and [`recover`] needs no type parameter.
/// Its `Debug` shows the status and code only, for warp's logs.
///
/// ```
/// # use status_core::ApiStatus;
/// use status_core::warp::ProblemRejection;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404, code = "user_not_found")]
/// struct UserNotFound;
///
/// let rejection = warp::Rejection::from(UserNotFound);
/// let found = rejection.find::<ProblemRejection>().unwrap();
/// assert_eq!(found.status(), 404);
/// assert_eq!(format!("{found:?}"), "ProblemResponse(404 Not Found, user_not_found)");
/// ```
pub type ProblemRejection = ProblemResponse<Cow<'static, [u8]>>;

/// The response of a prepared problem, as warp's, with its record.
fn to_response(problem: &ProblemRejection) -> Response {
    let prepared = problem.response();
    let mut response = match prepared.body() {
        Cow::Borrowed(body) => Response::new((*body).into()),
        Cow::Owned(body) => Response::new(body.clone().into()),
    };
    *response.status_mut() = prepared.status();
    *response.headers_mut() = prepared.headers().clone();
    if let Some(served) = problem.served() {
        response.extensions_mut().insert(served.clone());
    }
    response
}

impl Reject for ProblemRejection {}

/// The Problem Details response of a `warp::Rejection`: what [`recover`] answers.
///
/// A derived type a handler rejected with ([`ProblemRejection`]) answers with its own
/// response, first of all, since a handler ran. Else, of the rejections warp gathered from
/// the routes that did not match, the one warp itself would answer (an unknown route least,
/// then a wrong method, then the higher status), as a [`Rejection`] with its code:
///
/// | warp's rejection | code |
/// |---|---|
/// | not found | `route_not_found` (404) |
/// | `MethodNotAllowed` | `method_not_allowed` (405, without `Allow`: warp does not know the route's methods) |
/// | `BodyDeserializeError` of `body::json` | `invalid_json` (400), or `json_data` (422) for JSON of the wrong shape |
/// | `BodyDeserializeError` of `body::form` | `form_data` (422) |
/// | `UnsupportedMediaType` | `missing_json_content_type` (415) |
/// | `PayloadTooLarge` | `content_too_large` (413) |
/// | `InvalidQuery` | `invalid_query` (400) |
/// | a [`Rejection`] of [`json`] | its own code |
///
/// `LengthRequired` (411), `MissingHeader`, `InvalidHeader`, `MissingCookie` (400) and
/// `CorsForbidden` (403) are problems of their status with warp's words as the detail. Any
/// other rejection (a custom one of another type, or one whose type warp keeps private) is a
/// `500` that says nothing of it.
///
/// A path segment that does not parse as its parameter (`/orders/ada` for `u64`) is no
/// match to warp: a `route_not_found`, not an `invalid_path`.
///
/// ```
/// let response = status_core::warp::rejection_response(&warp::reject::not_found());
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
#[must_use]
pub fn rejection_response(rejection: &::warp::Rejection) -> Response {
    answer(rejection, Statuses::Uniform)
}

/// The answer to `rejection`, with warp's own statuses where `statuses` keeps them.
fn answer(rejection: &::warp::Rejection, statuses: Statuses) -> Response {
    if let Some(problem) = rejection.find::<ProblemRejection>() {
        return to_response(problem);
    }
    if rejection.is_not_found() {
        return Answer::rejection(Rejection::of(RejectionKind::RouteNotFound)).into_http();
    }
    let answer = match preferred(own_rejections(rejection)) {
        Some(Own::Rejection(rejection)) => {
            Answer::rejection(rejection.in_statuses::<Warp>(statuses))
        }
        Some(Own::Plain(status, text)) => Answer::plain(status, text.as_bytes()),
        None => Answer::plain(StatusCode::INTERNAL_SERVER_ERROR, b""),
    };
    answer.into_http()
}

/// Answers every rejection as Problem Details, for
/// [`Filter::recover`](https://docs.rs/warp/0.4/warp/trait.Filter.html#method.recover): the
/// derived types' own responses and warp's rejections as [`rejection_response`] has them.
///
/// ```
/// use warp::Filter;
///
/// let routes = warp::path!("hello").map(|| "hello").recover(status_core::warp::recover);
/// ```
///
/// A service with custom rejections of its own answers them first in a function of its own,
/// and the rest with [`rejection_response`].
///
/// # Errors
///
/// None: the `Infallible` is what `Filter::recover` asks of a function that answers all.
#[allow(clippy::unused_async)] // `recover` takes a function that returns a future
pub async fn recover(rejection: ::warp::Rejection) -> Result<Response, Infallible> {
    Ok(rejection_response(&rejection))
}

/// [`recover`], answering warp's own errors with the statuses `statuses` says:
/// `recover_with(Statuses::Framework)` keeps warp's (`400` for a body that does not
/// deserialize).
///
/// ```
/// use status_core::Statuses;
/// use warp::Filter;
///
/// let routes = warp::path!("hello")
///     .map(|| "hello")
///     .recover(status_core::warp::recover_with(Statuses::Framework));
/// ```
pub fn recover_with(
    statuses: Statuses,
) -> impl Fn(::warp::Rejection) -> std::future::Ready<Result<Response, Infallible>>
       + Clone
       + Send
       + Sync
       + 'static {
    move |rejection| std::future::ready(Ok(answer(&rejection, statuses)))
}

/// One of warp's own rejections, as it is answered.
enum Own {
    /// One of the [`Rejection`] table.
    Rejection(Rejection),
    /// A problem of the status, with warp's words as the detail of a 4xx.
    Plain(StatusCode, String),
}

impl Own {
    fn status(&self) -> StatusCode {
        match self {
            Self::Rejection(rejection) => rejection.status(),
            Self::Plain(status, _) => *status,
        }
    }
}

/// Every rejection of warp's own that `rejection` holds, of the types warp makes public.
fn own_rejections(rejection: &::warp::Rejection) -> Vec<Own> {
    let of = |kind| Some(Own::Rejection(Rejection::of(kind)));
    let plain = |status, text: &dyn fmt::Display| Some(Own::Plain(status, text.to_string()));
    [
        rejection
            .find::<JsonRejected>()
            .map(|rejected| Own::Rejection(rejected.0.clone())),
        rejection
            .find::<BodyDeserializeError>()
            .map(|error| Own::Rejection(body_rejection(error))),
        rejection
            .find::<InvalidQuery>()
            .and_then(|_| of(RejectionKind::InvalidQuery)),
        rejection
            .find::<UnsupportedMediaType>()
            .and_then(|_| of(RejectionKind::MissingJsonContentType)),
        rejection
            .find::<PayloadTooLarge>()
            .and_then(|_| of(RejectionKind::ContentTooLarge)),
        rejection
            .find::<LengthRequired>()
            .and_then(|error| plain(StatusCode::LENGTH_REQUIRED, error)),
        rejection
            .find::<MissingHeader>()
            .and_then(|error| plain(StatusCode::BAD_REQUEST, error)),
        rejection
            .find::<InvalidHeader>()
            .and_then(|error| plain(StatusCode::BAD_REQUEST, error)),
        rejection
            .find::<MissingCookie>()
            .and_then(|error| plain(StatusCode::BAD_REQUEST, error)),
        rejection
            .find::<CorsForbidden>()
            .and_then(|error| plain(StatusCode::FORBIDDEN, error)),
        rejection
            .find::<MissingExtension>()
            .and_then(|error| plain(StatusCode::INTERNAL_SERVER_ERROR, error)),
        // warp does not know the route's methods: no `Allow`, and a detail that names none.
        rejection
            .find::<MethodNotAllowed>()
            .map(|_| Own::Rejection(Rejection::method_not_allowed_without_allow())),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The rejection warp answers of several: not a `404` if another is there, then not a `405`,
/// then the higher status; the first of equals.
fn preferred(rejections: Vec<Own>) -> Option<Own> {
    let rank = |own: &Own| match own.status().as_u16() {
        404 => (0, 0),
        405 => (1, 0),
        status => (2, status),
    };
    rejections
        .into_iter()
        .fold(None, |best: Option<Own>, own| match best {
            Some(best) if rank(&best) >= rank(&own) => Some(best),
            _ => Some(own),
        })
}

/// The rejection of a body `body::json` or `body::form` could not read: serde's error tells
/// text that is not JSON from JSON of the wrong shape.
fn body_rejection(error: &BodyDeserializeError) -> Rejection {
    let Some(cause) = error.source() else {
        return Rejection::of(RejectionKind::InvalidJson);
    };
    match cause.downcast_ref::<serde_json::Error>() {
        Some(json) if json.is_data() => {
            Rejection::new(RejectionKind::JsonData, without_position(&json.to_string()))
        }
        Some(json) => Rejection::new(RejectionKind::InvalidJson, json.to_string()),
        // `body::form` reads with `serde_urlencoded`.
        None => Rejection::new(RejectionKind::FormData, cause.to_string()),
    }
}

/// Adds `instance` (RFC 9457 section 3.1.5), the path of the request without its query, to
/// every Problem Details body that has none; anything else passes untouched. For
/// [`warp::wrap_fn`](https://docs.rs/warp/0.4/warp/fn.wrap_fn.html), around routes that
/// [`recover`] has answered, so that warp's own errors get it too.
///
/// Opt-in, since a path can say more than a client should see in a shared log. Only a body
/// of known size up to 64 KiB is read (every problem of this crate is one); any other passes
/// as it is. `Content-Length`, where the response has one, is that of the new body.
///
/// ```
/// use warp::Filter;
///
/// let routes = warp::path!("hello")
///     .map(|| "hello")
///     .recover(status_core::warp::recover)
///     .with(warp::wrap_fn(status_core::warp::problem_instance));
/// ```
pub fn problem_instance<F, R>(
    filter: F,
) -> impl Filter<Extract = (Response,), Error = Infallible> + Clone + Send + Sync + 'static
where
    F: Filter<Extract = (R,), Error = Infallible> + Clone + Send + Sync + 'static,
    R: ::warp::Reply + 'static,
{
    ::warp::path::full()
        .and(filter.map(::warp::Reply::into_response))
        .then(|path: FullPath, response: Response| async move {
            instance_added(path.as_str(), response).await
        })
}

/// `response` with `instance` in its problem body, where it has one.
async fn instance_added(path: &str, response: Response) -> Response {
    let content_type = response.headers().get(CONTENT_TYPE);
    if !is_problem(content_type) {
        return response;
    }
    let small = http_body::Body::size_hint(response.body())
        .exact()
        .is_some_and(|size| size <= INSTANCE_BODY_LIMIT as u64);
    if !small {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(collected) = body.collect().await else {
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, Vec::new().into());
    };
    let bytes = collected.to_bytes();
    let body = match add_instance(&mut parts.headers, &bytes, path) {
        Some(body) => body.into(),
        None => bytes.into(),
    };
    Response::from_parts(parts, body)
}

/// Sends every problem response in the representation the request's `Accept` prefers, with
/// `Vary: Accept`: a browser gets an HTML page, a `text/plain` client the detail as text, an
/// XML client RFC 9457's XML, and every other client the `application/problem+json` body as
/// it was ([`negotiate`](crate::negotiate) has the rules). Status and headers stay as they
/// are. For [`warp::wrap_fn`](https://docs.rs/warp/0.4/warp/fn.wrap_fn.html), around routes
/// that [`recover`] has answered, outermost, so that it sees every problem; it offers every
/// representation with the built-in page, and [`negotiate_with`] takes a [`Negotiation`].
///
/// ```
/// use warp::Filter;
///
/// let routes = warp::path!("hello")
///     .map(|| "hello")
///     .recover(status_core::warp::recover)
///     .with(warp::wrap_fn(status_core::warp::negotiate));
/// ```
pub fn negotiate<F, R>(
    filter: F,
) -> impl Filter<Extract = (Response,), Error = Infallible> + Clone + Send + Sync + 'static
where
    F: Filter<Extract = (R,), Error = Infallible> + Clone + Send + Sync + 'static,
    R: ::warp::Reply + 'static,
{
    negotiate_with(Negotiation::new(), filter)
}

/// [`negotiate`] as `negotiation` says: with pages of your own, say.
///
/// ```
/// use status_core::negotiate::{Negotiation, Representation};
/// use warp::Filter;
///
/// let negotiation = Negotiation::new().without(Representation::ProblemXml);
/// let routes = warp::path!("hello")
///     .map(|| "hello")
///     .recover(status_core::warp::recover)
///     .with(warp::wrap_fn(move |routes| status_core::warp::negotiate_with(negotiation.clone(), routes)));
/// ```
pub fn negotiate_with<F, R>(
    negotiation: Negotiation,
    filter: F,
) -> impl Filter<Extract = (Response,), Error = Infallible> + Clone + Send + Sync + 'static
where
    F: Filter<Extract = (R,), Error = Infallible> + Clone + Send + Sync + 'static,
    R: ::warp::Reply + 'static,
{
    // An `Accept` that is no text reads as none: it gets the JSON answer.
    let accept = ::warp::header::optional::<String>("accept")
        .or(::warp::any().map(|| None))
        .unify();
    accept.and(filter.map(::warp::Reply::into_response)).then(
        move |accept: Option<String>, response: Response| {
            let negotiation = negotiation.clone();
            async move {
                let representation =
                    negotiation.representation(accept.as_deref().map(str::as_bytes));
                negotiated(&negotiation, representation, response).await
            }
        },
    )
}

/// `response` in `representation`, where it is a problem.
async fn negotiated(
    negotiation: &Negotiation,
    representation: Representation,
    response: Response,
) -> Response {
    let (mut parts, body) = response.into_parts();
    if !is_negotiated(&mut parts.headers) {
        return Response::from_parts(parts, body);
    }
    // Only a body of known, small size is read: a stream goes out as it is.
    let small = http_body::Body::size_hint(&body)
        .exact()
        .is_some_and(|size| size <= NEGOTIATED_LIMIT as u64);
    if representation == Representation::ProblemJson || !small {
        return Response::from_parts(parts, body);
    }
    let Ok(collected) = body.collect().await else {
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, Vec::new().into());
    };
    let bytes = collected.to_bytes();
    let served = parts.extensions.get::<Served>().cloned();
    match negotiation.rerender_http(representation, &mut parts.headers, served.as_ref(), &bytes) {
        Some(rendered) => Response::from_parts(parts, rendered.into()),
        None => Response::from_parts(parts, bytes.into()),
    }
}

/// The record of what a response served ([`Served`]): the responses of derived types carry
/// one in their extensions, and so do those [`recover`] makes, for filters that log, count or
/// render them.
///
/// ```
/// use status_core::ApiStatus;
/// use warp::Reply;
///
/// #[derive(Debug, thiserror::Error, ApiStatus)]
/// #[error("no user {0}")]
/// #[status(404, message = "no user {0}")]
/// struct NoUser(u64);
///
/// let response = NoUser(7).into_response();
/// assert_eq!(status_core::warp::served(&response).unwrap().value::<NoUser>().unwrap().0, 7);
/// ```
#[must_use]
pub fn served(response: &Response) -> Option<&Served> {
    response.extensions().get::<Served>()
}

/// A filter that serves the HTML catalog of `E`'s problem types, where their type URIs point.
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
/// A path outside the base is rejected as not found, so it composes with `or`, at the top
/// level, since it matches the full path of the type URIs. A base at the root of the site
/// (`https://api.example.com/`) answers every path.
///
/// ```
/// use status_core::ApiStatus;
/// use warp::Filter;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// // Serves `/problems/` and `/problems/user_not_found`.
/// let routes = warp::path!("hello")
///     .map(|| "hello")
///     .or(status_core::warp::problem_types::<ApiError>())
///     .recover(status_core::warp::recover);
/// ```
#[must_use]
pub fn problem_types<E: ApiStatus>(
) -> impl Filter<Extract = (Response,), Error = ::warp::Rejection> + Clone + Send + Sync + 'static {
    let site = Arc::new(ServedPages::new(&E::table(), |html| html));
    ::warp::method()
        .and(::warp::path::full())
        .and(::warp::header::headers_cloned())
        .and_then(move |method: Method, path: FullPath, headers: HeaderMap| {
            let answer = page(&site, &method, path.as_str(), &headers).ok_or_else(::warp::reject);
            std::future::ready(answer)
        })
}

/// The answer of `site` to a request, or `None` for a path outside its base.
fn page(
    site: &ServedPages<String>,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
) -> Option<Response> {
    let prefix = site.prefix();
    let under = path
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if !under {
        return None;
    }
    if method != Method::GET && method != Method::HEAD {
        let rejection = Rejection::of(RejectionKind::MethodNotAllowed);
        let mut response: Response = Answer::rejection(rejection).into_http();
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return Some(response);
    }
    let if_none_match = headers.get_all(IF_NONE_MATCH);
    let reply = site.reply(path, if_none_match.iter().map(HeaderValue::as_bytes));
    Some(reply.into_http().map_or_else(
        || Answer::rejection(Rejection::of(RejectionKind::RouteNotFound)).into_http(),
        ::warp::Reply::into_response,
    ))
}

// A handler may return it, or reject with it, as with the service's own enum.
crate::__impl_warp! { [keep] [] [Rejection] [] }

/// Implements warp's `Reply` and `From<T> for warp::Rejection` for a derived type.
///
/// `Reply` needs `Send`: it is implemented where the type is `Send`, the bound naming a
/// lifetime of its own, so that a type that is not `Send` only lacks the impl, rather than
/// failing to build. The `From` impl, through `ProblemRejection`, needs nothing of the type;
/// it takes the place of warp's `Reject` (whose `From` would conflict with it), which would
/// need `Debug + Send + Sync + 'static` and a type parameter on `recover` to find it again.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_warp {
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] []) => {
        $crate::__impl_warp! { @impl [$keep] [$($impl_generics)*] [$($ty)*] [where] }
    };
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [where $($predicates:tt)*]) => {
        $crate::__impl_warp! { @impl [$keep] [$($impl_generics)*] [$($ty)*] [where $($predicates)*] }
    };
    (@impl [$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [where $($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::warp::Reply for $($ty)*
        where
            for<'__send> Self: ::core::marker::Send,
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::warp::reply::Response {
                $crate::__log_error!(&self);
                $crate::__private::with_served(
                    $crate::warp::response(&self),
                    $crate::__served!($keep, self),
                )
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private::warp::Rejection
        where
            $($predicates)*
        {
            fn from(__value: $($ty)*) -> Self {
                $crate::__log_error!(&__value);
                $crate::__private::warp::reject::custom(
                    $crate::warp::ProblemRejection::new(&__value)
                        .with_served($crate::__served!($keep, __value)),
                )
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::warp::Reply as _;

    use crate::PROBLEM_JSON;

    /// Runs a future whose work is all ready: warp's filters and full bodies are.
    fn ready<F: std::future::Future>(future: F) -> F::Output {
        struct Noop;
        impl std::task::Wake for Noop {
            fn wake(self: Arc<Self>) {}
        }
        let waker = std::task::Waker::from(Arc::new(Noop));
        let mut context = std::task::Context::from_waker(&waker);
        let mut future = std::pin::pin!(future);
        loop {
            if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    fn body(response: Response) -> Vec<u8> {
        ready(response.into_body().collect())
            .unwrap()
            .to_bytes()
            .to_vec()
    }

    fn problem(response: Response) -> (u16, serde_json::Value) {
        assert_eq!(response.headers()[CONTENT_TYPE], PROBLEM_JSON);
        let status = response.status().as_u16();
        (status, serde_json::from_slice(&body(response)).unwrap())
    }

    #[test]
    fn warp_rejections_are_their_problems() {
        /// A custom rejection of another type: it says nothing of itself.
        #[derive(Debug)]
        struct Secret;
        impl Reject for Secret {}

        let answer = |rejection: ::warp::Rejection| problem(rejection_response(&rejection));
        let (status, body) = answer(::warp::reject::not_found());
        assert_eq!((status, &body["code"]), (404, &"route_not_found".into()));
        let (status, body) = answer(::warp::reject::custom(Secret));
        assert_eq!(
            (status, &body["code"]),
            (500, &"internal_server_error".into())
        );
        assert!(!body.to_string().contains("Secret"), "{body}");
    }

    #[test]
    fn a_derived_rejection_answers_with_its_response() {
        let expected = crate::Rejection::of(RejectionKind::InvalidPath);
        let rejection = ::warp::Rejection::from(expected.clone());
        let response = rejection_response(&rejection);
        assert_eq!(response.status(), 400);
        assert_eq!(body(response), expected.body());
    }

    #[test]
    fn the_preferred_rejection_is_warps() {
        let plain = |status: u16| Own::Plain(StatusCode::from_u16(status).unwrap(), String::new());
        let status = |list| preferred(list).map(|own| own.status().as_u16());
        assert_eq!(status(vec![plain(404), plain(405)]), Some(405));
        assert_eq!(status(vec![plain(405), plain(400)]), Some(400));
        assert_eq!(status(vec![plain(400), plain(415), plain(413)]), Some(415));
        assert_eq!(status(vec![]), None);
    }

    #[test]
    fn instance_is_added_to_a_problem_only() {
        let mut problem = response(&Rejection::of(RejectionKind::RouteNotFound));
        problem
            .headers_mut()
            .insert(CONTENT_LENGTH, HeaderValue::from(1));
        let added = ready(instance_added("/a/b", problem));
        let length = added.headers()[CONTENT_LENGTH].clone();
        let bytes = body(added);
        assert_eq!(length, bytes.len().to_string().as_str());
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value["instance"], "/a/b");

        let text = ready(instance_added("/a", "{}".into_response()));
        assert_eq!(body(text), b"{}");
    }

    #[test]
    fn pages_answer_under_their_base_only() {
        let site = ServedPages::new(&crate::Rejection::table(), |html| html);
        let headers = HeaderMap::new();
        let get = |path: &str| page(&site, &Method::GET, path, &headers);
        assert!(get("/elsewhere").is_none());
        assert!(get("/problemsx").is_none());
        assert_eq!(get("/problems").map(|r| r.status()), Some(StatusCode::OK));
        let (status, body) = problem(get("/problems/nope").unwrap());
        assert_eq!((status, &body["code"]), (404, &"route_not_found".into()));
        let refused = page(&site, &Method::DELETE, "/problems/", &headers).unwrap();
        assert_eq!(refused.status(), 405);
        assert_eq!(refused.headers()[ALLOW], "GET, HEAD");
    }
}
