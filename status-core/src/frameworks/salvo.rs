//! salvo integration (feature `salvo`).
//!
//! With the feature on, every derived type implements salvo's
//! [`Scribe`](https://docs.rs/salvo/1/salvo/trait.Scribe.html), and so `Writer`: handlers
//! return it, or a `Result` of it, and `?` works. [`ProblemDetails`] in the service's
//! catcher answers salvo's own errors (an unknown route, a wrong method, a body that does not
//! parse) as Problem Details too:
//!
//! ```
//! use salvo_core::catcher::Catcher;
//! use salvo_core::prelude::*;
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
//! async fn user() -> Result<&'static str, ApiError> {
//!     Err(ApiError::UserNotFound { id: 7 })
//! }
//!
//! let router = Router::with_path("user").get(user);
//! let service = Service::new(router)
//!     .catcher(Catcher::default().hoop(status_core::salvo::ProblemDetails));
//!
//! let response = status_core::salvo::response(&ApiError::UserNotFound { id: 7 });
//! assert_eq!(response.status_code, Some(StatusCode::NOT_FOUND));
//! ```
//!
//! salvo answers every error of its extractors with `400` (but a body over the limit), where
//! the rejection table says `422` for JSON of the wrong shape and `415` for a missing JSON
//! content type. A service that keeps salvo's statuses hoops [`Statuses`](crate::Statuses)
//! on the service (`.hoop(Statuses::Framework)`): [`ProblemDetails`] then answers with
//! salvo's statuses and leaves the error responses salvo did not make as they were.
//!
//! [`Json`] reads a JSON body as salvo's `JsonBody` does, under the same limit, but its
//! `json_data` rejection names the exact field (`#/items/1/qty`).

use std::sync::Arc;

use ::salvo_core::http::{ParseError, ResBody, StatusError};
use ::salvo_core::hyper::body::Bytes;
use ::salvo_core::{async_trait, Depot, FlowCtrl, Handler, Request, Response, Router};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, IF_NONE_MATCH};
use http::{HeaderMap, HeaderValue, StatusCode};

use crate::problem::is_problem;
use crate::serve::answer::{is_router_error, Answer};
use crate::serve::instance::BODY_LIMIT as INSTANCE_BODY_LIMIT;
use crate::serve::negotiate::{
    accept_lines, is_negotiated, Negotiation, Representation, BODY_LIMIT as NEGOTIATED_LIMIT,
};
use crate::serve::pages::ServedPages;
use crate::statuses::Salvo;
use crate::{ApiStatus, Rejection, RejectionKind, Served, Statuses, PROBLEM_JSON};

pub use super::salvo_json::Json;

/// The salvo response for `value`: the status, headers and body of
/// [`ApiStatus::response`], as the derived `Scribe` writes them.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// let response = status_core::salvo::response(&Busy);
/// assert_eq!(response.status_code.map(|s| s.as_u16()), Some(429));
/// ```
#[must_use]
pub fn response<T: ApiStatus + ?Sized>(value: &T) -> Response {
    let mut response = Response::new();
    render(value, &mut response);
    response
}

/// Writes `value` into `response`: its status, its headers (replacing any of the same name)
/// and its body (replacing any written before): what the derived `Scribe` does.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let mut response = salvo_core::Response::new();
/// status_core::salvo::render(&Maintenance, &mut response);
/// assert_eq!(response.headers()["retry-after"], "60");
/// ```
pub fn render<T: ApiStatus + ?Sized>(value: &T, response: &mut Response) {
    let (parts, body) =
        crate::response::api_status::response_with_body::<ResBody, T>(value).into_parts();
    response.status_code(parts.status);
    replace_headers(response.headers_mut(), parts.headers);
    response.headers_mut().remove(CONTENT_LENGTH);
    response.replace_body(body);
}

/// Sets each header of `headers` in `into`, in place of what `into` had under its name.
fn replace_headers(into: &mut HeaderMap, headers: HeaderMap) {
    let mut current = None;
    for (name, value) in headers {
        match name {
            Some(name) => {
                into.insert(name.clone(), value);
                current = Some(name);
            }
            None => {
                if let Some(name) = &current {
                    into.append(name.clone(), value);
                }
            }
        }
    }
}

/// A handler that writes the error responses salvo makes itself as Problem Details: an
/// unknown route (`route_not_found`), a wrong method (`method_not_allowed`, with the `Allow`
/// salvo adds), and the [`ParseError`](https://docs.rs/salvo/1/salvo/http/errors/enum.ParseError.html)s
/// of its extractors (`JsonBody`, `PathParam`, `QueryParam`, `req.parse_json()`...) as
/// [`Rejection`]s: `invalid_json`, `json_data` (a 422, where salvo says 400),
/// `missing_json_content_type` (a 415, where salvo says 400), `content_too_large` (over the
/// `SecureMaxSize` limit), `invalid_path`, `invalid_query`, `unreadable_body`. Any other
/// `StatusError` keeps its status and gets the status's code, with its `brief` as the detail
/// where the handler wrote one (never its `detail` or `cause`, which salvo keeps for logs).
/// With `.hoop(Statuses::Framework)` on the service, each rejection has salvo's status, and
/// an error that is not salvo's own (a handler's `StatusError`) keeps salvo's answer.
///
/// Responses that have a body pass as they are; so do successes. A bare `404` is taken for
/// an unknown route: salvo answers those without a body.
///
/// Put it in the service's catcher, which salvo runs for every error response without a
/// body, after the handlers and hoops: `Catcher::default().hoop(ProblemDetails)` or
/// `Catcher::new(ProblemDetails)`. It also works as a hoop of the service.
///
/// ```
/// use salvo_core::catcher::Catcher;
/// use salvo_core::{Router, Service};
///
/// let service = Service::new(Router::new())
///     .catcher(Catcher::default().hoop(status_core::salvo::ProblemDetails));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemDetails;

#[async_trait]
impl Handler for ProblemDetails {
    async fn handle(
        &self,
        req: &mut Request,
        depot: &mut Depot,
        res: &mut Response,
        ctrl: &mut FlowCtrl,
    ) {
        // In a catcher the response is already the bare error; as a hoop, it comes after.
        if !is_bare_error(res) {
            ctrl.call_next(req, depot, res).await;
        }
        if is_bare_error(res) {
            let statuses = depot.get_typed::<Statuses>().copied().unwrap_or_default();
            if !write_framework_error(res, statuses) {
                return;
            }
            if depot.contains_key(INSTANCE_WANTED) {
                add_instance(res, req.uri().path());
            }
            // The catcher runs after the hoops: a `Negotiate` hoop left its choice here.
            if let Ok(negotiated) = depot.get_typed::<Negotiated>() {
                negotiate_response(&negotiated.0, negotiated.1, res);
            }
        }
    }
}

/// What the service keeps of salvo's own statuses: hooped on the service
/// (`.hoop(Statuses::Framework)`), it puts itself in the depot, where [`ProblemDetails`]
/// reads it.
#[async_trait]
impl Handler for Statuses {
    async fn handle(
        &self,
        req: &mut Request,
        depot: &mut Depot,
        res: &mut Response,
        ctrl: &mut FlowCtrl,
    ) {
        depot.insert_typed(*self);
        ctrl.call_next(req, depot, res).await;
    }
}

/// Whether `res` is an error salvo's catcher would write: an error status without a body,
/// or with the `StatusError` salvo defers to the catcher.
fn is_bare_error(res: &Response) -> bool {
    let status = res.status_code.unwrap_or(StatusCode::NOT_FOUND);
    (status.is_client_error() || status.is_server_error())
        && (res.body.is_none() || res.body.is_error())
}

/// Replaces the bare error in `res` with its Problem Details, keeping its other headers;
/// `false`, leaving `res` as it is, for an error that is not salvo's own when `statuses`
/// keeps salvo's.
fn write_framework_error(res: &mut Response, statuses: Statuses) -> bool {
    let status = res.status_code.unwrap_or(StatusCode::NOT_FOUND);
    let answer = match &res.body {
        ResBody::Error(error) => status_error(error, statuses),
        _ => bare_status(status, statuses),
    };
    let Some(answer) = answer else {
        return false;
    };
    write_answer(answer, res);
    true
}

/// The answer to an error status answered without a body: salvo's router's, or, where
/// `statuses` keeps salvo's, `None` for one of another making (a middleware's bare `401`).
fn bare_status(status: StatusCode, statuses: Statuses) -> Option<Answer> {
    let kind = match status.as_u16() {
        404 => RejectionKind::RouteNotFound,
        405 => RejectionKind::MethodNotAllowed,
        413 => RejectionKind::ContentTooLarge,
        _ if statuses == Statuses::Framework => return None,
        _ => return Some(Answer::plain(status, b"")),
    };
    Some(Answer::rejection(
        Rejection::of(kind).in_statuses::<Salvo>(statuses),
    ))
}

/// The answer to a `StatusError`: the rejection of the `ParseError` it was made of, if any,
/// else a problem of its status with its brief, where the handler wrote one; `None` for an
/// error that is not salvo's own when `statuses` keeps salvo's.
fn status_error(error: &StatusError, statuses: Statuses) -> Option<Answer> {
    let parse_error = error
        .cause
        .as_deref()
        .and_then(|cause| cause.downcast_ref::<ParseError>());
    if let Some(rejection) = parse_error.and_then(parse_rejection) {
        return Some(Answer::rejection(rejection.in_statuses::<Salvo>(statuses)));
    }
    let status = error.code;
    if statuses == Statuses::Framework && parse_error.is_none() && !is_router_error(status) {
        return None;
    }
    let default_brief = StatusError::from_code(status).map(|default| default.brief);
    let own_brief = parse_error.is_none() && default_brief.as_ref() != Some(&error.brief);
    let text = if own_brief {
        error.brief.as_bytes()
    } else {
        b""
    };
    Some(Answer::plain(status, text))
}

/// The rejection a `ParseError` of salvo's extractors is, where it is one.
fn parse_rejection(error: &ParseError) -> Option<Rejection> {
    let text = error.to_string();
    let kind = match error {
        ParseError::PayloadTooLarge => RejectionKind::ContentTooLarge,
        ParseError::InvalidContentType => RejectionKind::MissingJsonContentType,
        ParseError::SerdeJson(json) => {
            let text = crate::response::rejection::without_position(&json.to_string()).to_owned();
            let kind = if json.is_data() {
                RejectionKind::JsonData
            } else {
                RejectionKind::InvalidJson
            };
            return Some(Rejection::new(kind, text));
        }
        ParseError::Io(_) | ParseError::Hyper(_) => RejectionKind::UnreadableBody,
        // How salvo's `PathParam` and `QueryParam` word a value that does not parse.
        ParseError::Other(_) if text.starts_with("other error: path parameter ") => {
            RejectionKind::InvalidPath
        }
        ParseError::Other(_) if text.starts_with("other error: query parameter ") => {
            RejectionKind::InvalidQuery
        }
        _ => return None,
    };
    let text = text.strip_prefix("other error: ").unwrap_or(&text);
    Some(Rejection::new(kind, text))
}

/// The depot key [`ProblemInstance`] sets, so that the catcher's [`ProblemDetails`] adds
/// `instance` to the problems it writes after the hoops have run.
const INSTANCE_WANTED: &str = "status_core::salvo::instance";

/// A hoop that adds `instance` (RFC 9457 section 3.1.5), the path of the request without its
/// query, to every Problem Details body that has none. Anything else passes untouched.
///
/// Opt-in, since a path can say more than a client should see in a shared log. Hoop it on
/// the service, so that it sees every request, the unknown routes too; the problems
/// [`ProblemDetails`] writes in the catcher, which salvo runs after the hoops, get their
/// `instance` there.
///
/// ```
/// use salvo_core::catcher::Catcher;
/// use salvo_core::{Router, Service};
/// use status_core::salvo::{ProblemDetails, ProblemInstance};
///
/// let service = Service::new(Router::new())
///     .hoop(ProblemInstance)
///     .catcher(Catcher::default().hoop(ProblemDetails));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemInstance;

#[async_trait]
impl Handler for ProblemInstance {
    async fn handle(
        &self,
        req: &mut Request,
        depot: &mut Depot,
        res: &mut Response,
        ctrl: &mut FlowCtrl,
    ) {
        depot.insert(INSTANCE_WANTED, ());
        ctrl.call_next(req, depot, res).await;
        add_instance(res, req.uri().path());
    }
}

/// Adds `instance` to the problem body of `res`, if it is one held whole and small enough.
fn add_instance(res: &mut Response, path: &str) {
    use crate::serve::instance::add_instance as added;

    if !is_problem(res.headers().get(CONTENT_TYPE)) {
        return;
    }
    let Some(bytes) = whole_body(res, INSTANCE_BODY_LIMIT) else {
        return;
    };
    if let Some(body) = added(res.headers_mut(), &bytes, path) {
        res.replace_body(ResBody::from(body));
    }
}

/// The body of `res`, where it is held whole and has at most `limit` bytes: a stream passes.
fn whole_body(res: &Response, limit: usize) -> Option<Vec<u8>> {
    match &res.body {
        ResBody::Once(bytes) if bytes.len() <= limit => Some(bytes.to_vec()),
        ResBody::Chunks(chunks) if chunks.iter().map(Bytes::len).sum::<usize>() <= limit => Some(
            chunks
                .iter()
                .flat_map(|chunk| chunk.iter().copied())
                .collect(),
        ),
        _ => None,
    }
}

/// The record of what a response served ([`Served`]): the responses of derived types carry
/// one in their extensions, and so do the rejections of this module, for middleware that
/// logs, counts or renders them.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, thiserror::Error, ApiStatus)]
/// #[error("no user {0}")]
/// #[status(404, message = "no user {0}")]
/// struct NoUser(u64);
///
/// let mut response = salvo_core::Response::new();
/// salvo_core::Scribe::render(NoUser(7), &mut response);
/// let served = status_core::salvo::served(&response).unwrap();
/// assert_eq!(served.value::<NoUser>().unwrap().0, 7);
/// ```
#[must_use]
pub fn served(response: &Response) -> Option<&Served> {
    response.extensions.get::<Served>()
}

/// A hoop that sends every problem response in the representation the request's `Accept`
/// prefers, with `Vary: Accept`: a browser gets an HTML page, a `text/plain` client the
/// detail as text, an XML client RFC 9457's XML, and every other client the
/// `application/problem+json` body as it was ([`negotiate`](crate::negotiate) has the rules).
/// Status and headers stay as they are.
///
/// Hoop it on the service; the problems [`ProblemDetails`] writes in the catcher, which salvo
/// runs after the hoops, are negotiated there.
///
/// ```
/// use salvo_core::catcher::Catcher;
/// use salvo_core::{Router, Service};
/// use status_core::negotiate::Negotiation;
/// use status_core::salvo::ProblemDetails;
///
/// let service = Service::new(Router::new())
///     .hoop(Negotiation::new())
///     .catcher(Catcher::default().hoop(ProblemDetails));
/// ```
#[async_trait]
impl Handler for Negotiation {
    async fn handle(
        &self,
        req: &mut Request,
        depot: &mut Depot,
        res: &mut Response,
        ctrl: &mut FlowCtrl,
    ) {
        let representation = self.representation(accept_lines(req.headers()));
        depot.insert_typed(Negotiated(self.clone(), representation));
        ctrl.call_next(req, depot, res).await;
        negotiate_response(self, representation, res);
    }
}

/// The negotiation of the request and the representation it chose, for the catcher.
struct Negotiated(Negotiation, Representation);

/// Sends the problem in `res`, if it holds one whole, in `representation`, with `Vary: Accept`.
fn negotiate_response(
    negotiation: &Negotiation,
    representation: Representation,
    res: &mut Response,
) {
    if !is_negotiated(res.headers_mut()) || representation == Representation::ProblemJson {
        return;
    }
    let Some(bytes) = whole_body(res, NEGOTIATED_LIMIT) else {
        return;
    };
    let served = res.extensions.get::<Served>().cloned();
    if let Some(rendered) =
        negotiation.rerender_http(representation, res.headers_mut(), served.as_ref(), &bytes)
    {
        res.replace_body(ResBody::from(rendered));
    }
}

/// A router that serves the HTML catalog of `E`'s problem types, where their type URIs point.
///
/// The catalog ([`html::catalog`](crate::html::catalog)) answers at the path of the type's
/// `type_base` ([`html::base_path`](crate::html::base_path)), with and without a trailing
/// `/`; for a base ending in `/`, the page of each problem type
/// ([`html::problem_type`](crate::html::problem_type)) answers at `base path + code`, which
/// is the type URI's path. A type without a `type_base` is served at `/problems/`. Each page
/// has a strong `ETag`, and a request whose `If-None-Match` names it gets
/// `304 Not Modified`; any other path under the base gets `404 Not Found` as Problem Details,
/// and another method than `GET` gets salvo's `405` (as Problem Details with
/// [`ProblemDetails`]).
///
/// Push it on the root router, since its path is the full path of the type URIs.
///
/// ```
/// use salvo_core::Router;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// // Serves `/problems/` and `/problems/user_not_found`.
/// let router = Router::new().push(status_core::salvo::problem_types::<ApiError>());
/// ```
#[must_use]
pub fn problem_types<E: ApiStatus>() -> Router {
    let site = ServedPages::new(&E::table(), Bytes::from);
    // `{**rest}` takes what follows the base, nothing included.
    let path = format!("{}/{{**rest}}", site.prefix());
    Router::with_path(path).get(Pages(Arc::new(site)))
}

/// The handler of [`problem_types`]: the pages of one type's catalog.
struct Pages(Arc<ServedPages<Bytes>>);

#[async_trait]
impl Handler for Pages {
    async fn handle(&self, req: &mut Request, _: &mut Depot, res: &mut Response, _: &mut FlowCtrl) {
        let if_none_match = req.headers().get_all(IF_NONE_MATCH);
        let reply = self.0.reply(
            req.uri().path(),
            if_none_match.iter().map(HeaderValue::as_bytes),
        );
        let Some(page) = reply.into_http() else {
            write_answer(
                Answer::rejection(Rejection::of(RejectionKind::RouteNotFound)),
                res,
            );
            return;
        };
        let (parts, body) = page.into_parts();
        res.status_code(parts.status);
        replace_headers(res.headers_mut(), parts.headers);
        res.replace_body(ResBody::from(body));
    }
}

/// Writes a framework error's answer into `res`, with its record.
fn write_answer(answer: Answer, res: &mut Response) {
    res.status_code(answer.status);
    res.headers_mut().remove(CONTENT_LENGTH);
    res.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    if let Some(served) = answer.served {
        res.extensions.insert(served);
    }
    res.replace_body(ResBody::from(answer.body));
}

/// Derived types implement salvo's `Scribe`, and so `Writer`: a handler returns them, or a
/// `Result` of them.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_salvo {
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::salvo_core::Scribe for $($ty)* $($where_clause)* {
            fn render(self, __res: &mut $crate::__private::salvo_core::Response) {
                $crate::__log_error!(&self);
                $crate::salvo::render(&self, __res);
                __res.extensions.insert($crate::__served!($keep, self));
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(answer: &Answer) -> (u16, serde_json::Value) {
        let body = serde_json::from_slice(&answer.body).unwrap();
        (answer.status.as_u16(), body)
    }

    fn answered(error: &StatusError, statuses: Statuses) -> Option<(u16, serde_json::Value)> {
        status_error(error, statuses).as_ref().map(problem)
    }

    fn rejected_in(error: ParseError, statuses: Statuses) -> (u16, serde_json::Value) {
        let error = StatusError::bad_request()
            .brief("parse http data failed")
            .cause(error);
        answered(&error, statuses).unwrap()
    }

    fn rejected(error: ParseError) -> (u16, serde_json::Value) {
        rejected_in(error, Statuses::Uniform)
    }

    #[test]
    fn parse_errors_become_their_rejections() {
        let json = |text: &str| serde_json::from_str::<u32>(text).unwrap_err();
        let (status, body) = rejected(ParseError::SerdeJson(json("\"x\"")));
        assert_eq!((status, &body["code"]), (422, &"json_data".into()));
        assert_eq!(body["detail"], "invalid type: string \"x\", expected u32");
        let (status, body) = rejected(ParseError::SerdeJson(json("1x")));
        assert_eq!((status, &body["code"]), (400, &"invalid_json".into()));
        let (status, body) = rejected(ParseError::InvalidContentType);
        assert_eq!(
            (status, &body["code"]),
            (415, &"missing_json_content_type".into())
        );
        let (status, body) = rejected(ParseError::PayloadTooLarge);
        assert_eq!((status, &body["code"]), (413, &"content_too_large".into()));
        let (status, body) = rejected(ParseError::other(
            "path parameter id not found or convert to type failed",
        ));
        assert_eq!((status, &body["code"]), (400, &"invalid_path".into()));
        assert_eq!(
            body["detail"],
            "path parameter id not found or convert to type failed"
        );
        let (status, body) = rejected(ParseError::other("query parameter limit not found"));
        assert_eq!((status, &body["code"]), (400, &"invalid_query".into()));
        // Another parse error is a plain 400, without salvo's brief.
        let (status, body) = rejected(ParseError::DuplicateKey);
        assert_eq!((status, &body["code"]), (400, &"bad_request".into()));
        assert_ne!(body["detail"], "parse http data failed");
    }

    #[test]
    fn salvo_s_own_statuses_are_kept_where_asked() {
        let json = |text: &str| serde_json::from_str::<u32>(text).unwrap_err();
        let framework = Statuses::Framework;
        let (status, body) = rejected_in(ParseError::SerdeJson(json("\"x\"")), framework);
        assert_eq!((status, &body["code"]), (400, &"json_data".into()));
        let (status, body) = rejected_in(ParseError::InvalidContentType, framework);
        assert_eq!(
            (status, &body["code"]),
            (400, &"missing_json_content_type".into())
        );
        let (status, _) = rejected_in(ParseError::PayloadTooLarge, framework);
        assert_eq!(status, 413);
        // A handler's own `StatusError` is not salvo's: left as salvo answers it.
        assert!(answered(&StatusError::conflict().brief("taken"), framework).is_none());
    }

    #[test]
    fn a_status_error_keeps_its_status_and_its_own_brief_only() {
        let uniform = Statuses::Uniform;
        let (status, body) =
            answered(&StatusError::forbidden().brief("not yours"), uniform).unwrap();
        assert_eq!((status, &body["detail"]), (403, &"not yours".into()));
        let (_, body) = answered(&StatusError::forbidden().detail("secret"), uniform).unwrap();
        assert_eq!(body["detail"], crate::Status::Forbidden.description());
        // A handler's 404 is not an unknown route.
        let (_, body) = answered(&StatusError::not_found(), uniform).unwrap();
        assert_eq!(body["code"], "not_found");
        let down = StatusError::internal_server_error().brief("db.internal down");
        let (status, body) = answered(&down, uniform).unwrap();
        assert_eq!(status, 500);
        assert!(!body.to_string().contains("db.internal"), "{body}");
    }

    #[test]
    fn bare_statuses_become_their_rejections_or_their_statuses_problems() {
        let code = |status: u16| {
            let answer = bare_status(StatusCode::from_u16(status).unwrap(), Statuses::Uniform);
            problem(&answer.unwrap()).1["code"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_eq!(code(404), "route_not_found");
        assert_eq!(code(405), "method_not_allowed");
        assert_eq!(code(413), "content_too_large");
        assert_eq!(code(415), "unsupported_media_type");
        assert_eq!(code(500), "internal_server_error");
    }

    #[test]
    fn headers_replace_those_of_the_same_name() {
        let mut into = HeaderMap::new();
        into.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        into.insert("x-kept", HeaderValue::from_static("1"));
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        headers.append("vary", HeaderValue::from_static("a"));
        headers.append("vary", HeaderValue::from_static("b"));
        replace_headers(&mut into, headers);
        assert_eq!(into[CONTENT_TYPE], PROBLEM_JSON);
        assert_eq!(into["x-kept"], "1");
        assert_eq!(into.get_all("vary").iter().count(), 2);
    }
}
