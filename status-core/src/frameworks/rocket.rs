//! rocket 0.5 integration (feature `rocket`): derived types are responders, and rocket's own
//! errors, the problem-type pages and `instance` are Problem Details as in the other frameworks.
//!
//! With the feature on, every derived type implements
//! [`Responder`](https://api.rocket.rs/v0.5/rocket/response/trait.Responder.html), so handlers
//! return it as is. rocket answers its own errors (an unknown route, a body too large) through
//! catchers: register [`catchers`] to have them in the same envelope. rocket 0.5.2 needs
//! Rust 1.89 (the `rust-version` of its manifest).
//!
//! ```
//! use rocket::local::blocking::Client;
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, thiserror::Error, ApiStatus)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//! }
//!
//! #[rocket::get("/users/<id>")]
//! fn user(id: u64) -> Result<String, ApiError> {
//!     Err(ApiError::UserNotFound { id })
//! }
//!
//! let app = rocket::build()
//!     .mount("/", rocket::routes![user])
//!     // The error catalog, at `/problems/`: each problem type URI opens its own page.
//!     .mount("/", status_core::rocket::problem_types::<ApiError>())
//!     .register("/", status_core::rocket::catchers());
//!
//! let client = Client::tracked(app).expect("a valid rocket");
//! let response = client.get("/users/7").dispatch();
//! assert_eq!(response.status().code, 404);
//! assert_eq!(response.into_bytes().unwrap(), ApiError::UserNotFound { id: 7 }.body());
//! let response = client.get("/no/such/route").dispatch();
//! assert!(response.into_string().unwrap().contains(r#""code":"route_not_found""#));
//! ```
//!
//! rocket itself answers a wrong method with `404`, which the [`catchers`] answer with `405`
//! and `Allow`. A service that keeps rocket's statuses manages
//! [`Statuses`](crate::Statuses) (`.manage(Statuses::Framework)`): the catchers then answer a
//! wrong method as rocket does, `404` `route_not_found`.

use std::borrow::Cow;
use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use ::rocket::catcher::{self, Catcher};
use ::rocket::data::{self, Data, FromData};
use ::rocket::fairing::{Fairing, Info, Kind};
use ::rocket::http::{ContentType, Header, Method, Status};
use ::rocket::outcome::Outcome;
use ::rocket::request::Request;
use ::rocket::response::{self, Responder, Response};
use ::rocket::route::{self, Handler, Route};
use ::rocket::serde::json;
use serde::{Deserialize, Serialize};

use crate::problem::is_problem;
use crate::response::rejection::exact_errors;
use crate::serve::answer::Answer;
use crate::serve::instance::{with_instance, BODY_LIMIT as INSTANCE_BODY_LIMIT};
use crate::serve::negotiate::{
    vary_lacks_accept, Negotiation, Representation, BODY_LIMIT as NEGOTIATED_LIMIT,
};
use crate::serve::pages::ServedPages;
use crate::{ApiStatus, Rejection, RejectionKind, Served, Statuses, PROBLEM_JSON};

/// The rocket response for `value`: what the derived `Responder` answers, with the status,
/// every header and the body of [`ApiStatus::response`].
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(429)]
/// struct Busy;
///
/// let response = status_core::rocket::response(&Busy);
/// assert_eq!(response.status().code, 429);
/// assert_eq!(response.headers().get_one("content-type"), Some("application/problem+json"));
/// ```
pub fn response<T: ApiStatus + ?Sized>(value: &T) -> Response<'static> {
    // A static body is sent as it is, without a copy.
    let response = crate::response::api_status::response_with_body::<Cow<'static, [u8]>, T>(value);
    let (parts, body) = response.into_parts();
    let mut builder = Response::build();
    builder.status(Status::new(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        // Headers this crate writes are ASCII: any other value is not one of them.
        if let Ok(value) = value.to_str() {
            builder.raw_header_adjoin(name.as_str().to_owned(), value.to_owned());
        }
    }
    builder.sized_body(body.len(), Cursor::new(body));
    builder.finalize()
}

/// A framework error's answer as a rocket response, its record kept for the request.
fn answer_response(answer: Answer, request: &Request<'_>) -> Response<'static> {
    if let Some(served) = answer.served {
        record(request, served);
    }
    Response::build()
        .status(Status::new(answer.status.as_u16()))
        .raw_header("content-type", PROBLEM_JSON)
        .sized_body(answer.body.len(), Cursor::new(answer.body))
        .finalize()
}

/// Where the record of what a request was answered with is kept: rocket's responses carry
/// no extensions, so the request's local cache holds it.
#[derive(Default)]
struct ServedSlot(OnceLock<Served>);

/// Keeps `served` as the record of what `request` was answered with; the first one stays.
fn record(request: &Request<'_>, served: Served) {
    let _ = request.local_cache(ServedSlot::default).0.set(served);
}

/// `response`, with `served` kept as the record of what `request` was answered with: what the
/// derived `Responder` does.
#[doc(hidden)]
#[must_use]
pub fn __recorded(
    response: Response<'static>,
    request: &Request<'_>,
    served: Served,
) -> Response<'static> {
    record(request, served);
    response
}

/// The record of what `request` was answered with ([`Served`]): a derived type's `Responder`,
/// the catchers and the [`Json`] guard keep it in the request's local cache, for a fairing that
/// logs, counts or renders errors (its `on_response` has the request).
///
/// ```
/// use rocket::fairing::AdHoc;
///
/// let count = AdHoc::on_response("count errors", |request, _| Box::pin(async move {
///     if let Some(served) = status_core::rocket::served(request) {
///         println!("{} {} ({})", served.status(), served.code(), served.variant());
///     }
/// }));
/// let app = rocket::build().attach(count);
/// ```
#[must_use]
pub fn served<'r>(request: &'r Request<'_>) -> Option<&'r Served> {
    request.local_cache(ServedSlot::default).0.get()
}

/// Implements rocket's `Responder` for a type that implements `ApiStatus`. rocket's trait
/// takes a lifetime of its own, written before the type's generics, which arrive as
/// `< ... >` tokens: the opening `<` is matched, the rest (closing `>` included) follows it.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_rocket {
    ([$keep:ident] [] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__impl_rocket! { @impl [$keep] [<'__r>] [$($ty)*] [$($where_clause)*] }
    };
    ([$keep:ident] [< $($generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__impl_rocket! { @impl [$keep] [<'__r, $($generics)*] [$($ty)*] [$($where_clause)*] }
    };
    (@impl [$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::rocket::response::Responder<'__r, 'static>
            for $($ty)* $($where_clause)*
        {
            fn respond_to(
                self,
                __request: &'__r $crate::__private::rocket::Request<'_>,
            ) -> $crate::__private::rocket::response::Result<'static> {
                $crate::__log_error!(
                    &self,
                    __request.method().as_str(),
                    __request.uri().path().as_str()
                );
                ::core::result::Result::Ok($crate::rocket::__recorded(
                    $crate::rocket::response(&self),
                    __request,
                    $crate::__served!($keep, self),
                ))
            }
        }
    };
}

// A handler may return a rejection, as it returns the service's own enum.
crate::__impl_rocket! { [keep] [] [Rejection] [] }

/// Catchers that answer rocket's own errors as Problem Details.
///
/// One default catcher, for every status, which answers by what it knows:
///
/// - a failure of this module's [`Json`] guard: its [`Rejection`], with rocket's words as the
///   detail (`invalid_json`, `json_data`, `missing_json_content_type`, `content_too_large`);
/// - `404` where no route matched: `route_not_found`; or, where routes of other methods
///   match the path, `405 Method Not Allowed` (`method_not_allowed`) with `Allow` listing
///   them (`HEAD` with `GET`). rocket 0.5 itself answers a wrong method with `404`; the
///   catcher reads the mounted routes' paths to tell the two apart;
/// - `413`, which only a data limit (or a handler saying the same) answers:
///   `content_too_large`;
/// - any other status: a problem of that status with its status's code and the registry's
///   description as the detail, a `404` from a handler among them. rocket gives a catcher
///   the status alone, so a `400` or `422` of rocket's own `Json`, `Form` or of a path
///   segment that does not parse (a `422`) is not told apart: use [`Json`] to have JSON
///   bodies answered by kind. A `5xx` never shows anything of its cause.
///
/// ```
/// let app = rocket::build().register("/", status_core::rocket::catchers());
/// ```
#[must_use]
pub fn catchers() -> Vec<Catcher> {
    vec![Catcher::new(None, problem_catcher)]
}

fn problem_catcher<'r>(status: Status, request: &'r Request<'_>) -> catcher::BoxFuture<'r> {
    let response = caught(status, request);
    Box::pin(async move { Ok(response) })
}

/// What the catcher answers to `status` for `request`.
fn caught(status: Status, request: &Request<'_>) -> Response<'static> {
    if let Some(rejection) = request.local_cache(RejectedBody::default).0.get() {
        if rejection.status().as_u16() == status.code {
            return answer_response(Answer::rejection(rejection.clone()), request);
        }
    }
    let statuses = request
        .rocket()
        .state::<Statuses>()
        .copied()
        .unwrap_or_default();
    match status.code {
        404 if request.route().is_none() => match allowed_methods(request) {
            // rocket's own answer is a 404: kept where its statuses are.
            Some(allow) if statuses == Statuses::Uniform => {
                let rejection = Rejection::of(RejectionKind::MethodNotAllowed);
                let mut answer = answer_response(Answer::rejection(rejection), request);
                answer.set_header(Header::new("allow", allow));
                answer
            }
            _ => answer_response(
                Answer::rejection(Rejection::of(RejectionKind::RouteNotFound)),
                request,
            ),
        },
        413 => answer_response(
            Answer::rejection(Rejection::of(RejectionKind::ContentTooLarge)),
            request,
        ),
        code => {
            let status =
                http::StatusCode::from_u16(code).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
            answer_response(Answer::plain(status, b""), request)
        }
    }
}

/// The methods of the mounted routes whose paths match the request's, as an `Allow` value;
/// `None` when there are none.
fn allowed_methods(request: &Request<'_>) -> Option<String> {
    let mut methods: Vec<&str> = request
        .rocket()
        .routes()
        .filter(|route| route.method != request.method() && path_matches(route, request))
        .map(|route| route.method.as_str())
        .collect();
    if methods.contains(&"GET") && request.method() != Method::Head {
        // rocket answers `HEAD` with the `GET` route.
        methods.push("HEAD");
    }
    methods.sort_unstable();
    methods.dedup();
    (!methods.is_empty()).then(|| methods.join(", "))
}

/// Whether the path of `route` matches the request's, as rocket's router matches it: static
/// segments equal, `<name>` any segment, a trailing `<name..>` any rest, even none.
fn path_matches(route: &Route, request: &Request<'_>) -> bool {
    let mut wanted = route.uri.path().split('/').filter(|s| !s.is_empty());
    let mut given = request.uri().path().segments();
    loop {
        match (wanted.next(), given.next()) {
            (Some(segment), _) if segment.starts_with('<') && segment.ends_with("..>") => {
                return true;
            }
            (Some(segment), Some(_)) if segment.starts_with('<') && segment.ends_with('>') => {}
            (Some(segment), Some(value)) if segment == value => {}
            (None, None) => return true,
            _ => return false,
        }
    }
}

/// The rejection of a failed [`Json`] guard, kept for the catcher, which rocket gives only the
/// status.
#[derive(Default)]
struct RejectedBody(OnceLock<Rejection>);

/// rocket's [`Json`](https://api.rocket.rs/v0.5/rocket/serde/json/struct.Json.html) data
/// guard, whose failure is a [`Rejection`] that [`catchers`] answer with.
///
/// rocket's own guard fails with a bare status (`400` for a syntax error, `422` for JSON of
/// the wrong shape, `413` over the `json` limit), which its catchers cannot tell from any
/// other. This one reads the body with rocket's `Json` (the same limit and deserialization)
/// and names the failure: `invalid_json`, `json_data` (with serde's words as the detail and
/// `errors`), `content_too_large`, `unreadable_body`; and, as axum's and actix-web's do, it
/// takes only a JSON content type (`application/json` or `application/*+json`), else
/// `missing_json_content_type`. As a responder it is rocket's `Json`.
///
/// ```
/// use rocket::local::blocking::Client;
/// use status_core::rocket::Json;
///
/// #[derive(serde::Deserialize)]
/// struct Signup { name: String }
///
/// #[rocket::post("/signup", data = "<signup>")]
/// fn signup(signup: Json<Signup>) -> String {
///     format!("welcome, {}", signup.0.name)
/// }
///
/// let app = rocket::build()
///     .mount("/", rocket::routes![signup])
///     .register("/", status_core::rocket::catchers());
/// let client = Client::tracked(app).expect("a valid rocket");
/// let response = client
///     .post("/signup")
///     .header(rocket::http::ContentType::JSON)
///     .body(r#"{"name": 7}"#)
///     .dispatch();
/// assert_eq!(response.status().code, 422);
/// assert!(response.into_string().unwrap().contains(r#""code":"json_data""#));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

#[::rocket::async_trait]
impl<'r, T: Deserialize<'r>> FromData<'r> for Json<T> {
    type Error = Rejection;

    async fn from_data(request: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self> {
        let result = if is_json(request.content_type()) {
            match json::Json::<T>::from_data(request, data).await {
                Outcome::Success(json::Json(value)) => return Outcome::Success(Self(value)),
                Outcome::Forward(forward) => return Outcome::Forward(forward),
                Outcome::Error((_, error)) => json_rejection::<T>(&error),
            }
        } else {
            Rejection::of(RejectionKind::MissingJsonContentType)
        };
        let status = Status::new(result.status().as_u16());
        // The first failure of the request is the one the catcher answers.
        let _ = request
            .local_cache(RejectedBody::default)
            .0
            .set(result.clone());
        Outcome::Error((status, result))
    }
}

impl<'r, T: Serialize> Responder<'r, 'static> for Json<T> {
    fn respond_to(self, request: &'r Request<'_>) -> response::Result<'static> {
        json::Json(self.0).respond_to(request)
    }
}

/// The rejection of a failure of rocket's `Json` to read a `T`; JSON of the wrong shape is
/// read again, only then, to name exactly where it is wrong.
fn json_rejection<'r, T: Deserialize<'r>>(error: &json::Error<'r>) -> Rejection {
    match error {
        // rocket's words for a body over the limit.
        json::Error::Io(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => {
            Rejection::new(RejectionKind::ContentTooLarge, error.to_string())
        }
        json::Error::Io(error) => Rejection::new(RejectionKind::UnreadableBody, error.to_string()),
        json::Error::Parse(text, error) if error.is_data() => {
            let rejection = Rejection::new(RejectionKind::JsonData, error.to_string());
            let mut deserializer = serde_json::Deserializer::from_str(text);
            match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
                Err(error) => rejection.with_errors(exact_errors(&error)),
                Ok(_) => rejection,
            }
        }
        json::Error::Parse(_, error) => {
            Rejection::new(RejectionKind::InvalidJson, error.to_string())
        }
    }
}

/// Whether the content type is JSON: `application/json` or `application/*+json`.
fn is_json(content_type: Option<&ContentType>) -> bool {
    content_type.is_some_and(|content_type| {
        let sub = content_type.sub().as_str();
        content_type.top() == "application"
            && (sub.eq_ignore_ascii_case("json")
                || sub.len() > 5
                    && sub.is_char_boundary(sub.len() - 5)
                    && sub[sub.len() - 5..].eq_ignore_ascii_case("+json"))
    })
}

/// Routes that serve the HTML catalog of `E`'s problem types, where their type URIs point.
///
/// The catalog ([`html::catalog`](crate::html::catalog)) answers at the path of the type's
/// `type_base` ([`html::base_path`](crate::html::base_path)), with and without a trailing
/// `/`; for a base ending in `/`, the page of each problem type
/// ([`html::problem_type`](crate::html::problem_type)) answers at `base path + code`, which
/// is the type URI's path. A type without a `type_base` is served at `/problems/`. Each page
/// has a strong `ETag`, and a request whose `If-None-Match` names it gets
/// `304 Not Modified`; any other path under the base gets `404 Not Found` as Problem Details.
/// rocket answers `HEAD` with them too; another method finds no route, which [`catchers`]
/// answer with `405` and `Allow: GET, HEAD`.
///
/// Mount them at `/`, since their paths are the full paths of the type URIs. A base at the
/// root of the site (`https://api.example.com/`) is given the largest rank, so that it
/// answers every `GET` no other route takes.
///
/// ```
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// // Serves `/problems/` and `/problems/user_not_found`.
/// let app = rocket::build().mount("/", status_core::rocket::problem_types::<ApiError>());
/// ```
#[must_use]
pub fn problem_types<E: ApiStatus>() -> Vec<Route> {
    let site = ServedPages::new(&E::table(), |html| Arc::<[u8]>::from(html.into_bytes()));
    let prefix = site.prefix();
    let pages = Pages(Arc::new(site));
    let route = if prefix.is_empty() {
        Route::ranked(isize::MAX, Method::Get, "/<path..>", pages)
    } else {
        // The base is a literal path: mounted under it, its `<` would not be a parameter.
        match Route::new(Method::Get, "/<path..>", pages).map_base(|_| prefix.to_owned()) {
            Ok(route) => route,
            // A base rocket cannot route (no URI path holds `<` or a space) has no pages.
            Err(_) => return Vec::new(),
        }
    };
    vec![route]
}

/// The handler of the pages: one route for all of them, since rocket's trailing segment
/// matches the catalog's own path as well.
#[derive(Clone)]
struct Pages(Arc<ServedPages<Arc<[u8]>>>);

#[::rocket::async_trait]
impl Handler for Pages {
    async fn handle<'r>(&self, request: &'r Request<'_>, _: Data<'r>) -> route::Outcome<'r> {
        let if_none_match = request.headers().get("if-none-match").map(str::as_bytes);
        let reply = self.0.reply(request.uri().path().as_str(), if_none_match);
        let response = match reply.into_http() {
            Some(page) => {
                let (parts, body) = page.into_parts();
                let mut response = Response::build();
                response.status(Status::new(parts.status.as_u16()));
                for (name, value) in &parts.headers {
                    if let Ok(value) = value.to_str() {
                        response.raw_header(name.as_str().to_owned(), value.to_owned());
                    }
                }
                if !body.is_empty() {
                    response.sized_body(body.len(), Cursor::new(body));
                }
                response.finalize()
            }
            None => answer_response(
                Answer::rejection(Rejection::of(RejectionKind::RouteNotFound)),
                request,
            ),
        };
        route::Outcome::Success(response)
    }
}

/// A fairing that adds `instance` (RFC 9457 section 3.1.5), the path of the request without
/// its query, to every Problem Details body that has none. Anything else passes untouched.
///
/// Opt-in, since a path can say more than a client should see in a shared log. It sees
/// every response, the catchers' among them.
///
/// ```
/// let app = rocket::build()
///     .register("/", status_core::rocket::catchers())
///     .attach(status_core::rocket::ProblemInstance);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemInstance;

#[::rocket::async_trait]
impl Fairing for ProblemInstance {
    fn info(&self) -> Info {
        Info {
            name: "Problem Details instance",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        if !is_problem(response.headers().get_one("content-type")) {
            return;
        }
        let Some(body) = small_body(response, INSTANCE_BODY_LIMIT).await else {
            return;
        };
        let body = with_instance(&body, request.uri().path().as_str()).unwrap_or(body);
        response.set_sized_body(body.len(), Cursor::new(body));
    }
}

/// The body of `response`, read, where its size is known and at most `limit`: a stream, or a
/// larger body, passes as it is (`None`). A body that fails to read is left empty.
async fn small_body(response: &mut Response<'_>, limit: usize) -> Option<Vec<u8>> {
    let small = response
        .body()
        .preset_size()
        .is_some_and(|size| size <= limit);
    if !small {
        return None;
    }
    let bytes = response.body_mut().to_bytes().await;
    if bytes.is_err() {
        response.set_sized_body(0, Cursor::new(Vec::new()));
    }
    bytes.ok()
}

/// A fairing that sends every problem response in the representation the request's `Accept`
/// prefers, with `Vary: Accept`: a browser gets an HTML page, a `text/plain` client the
/// detail as text, an XML client RFC 9457's XML, and every other client the
/// `application/problem+json` body as it was ([`negotiate`](crate::negotiate) has the rules).
/// Status and headers stay as they are. It sees every response, the catchers' among them;
/// attach it after [`ProblemInstance`], so that it renders the problem with its `instance`.
///
/// ```
/// use status_core::negotiate::Negotiation;
///
/// let app = rocket::build()
///     .register("/", status_core::rocket::catchers())
///     .attach(Negotiation::new());
/// ```
#[::rocket::async_trait]
impl Fairing for Negotiation {
    fn info(&self) -> Info {
        Info {
            name: "Problem Details negotiation",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        if !is_problem(response.headers().get_one("content-type")) {
            return;
        }
        let accept = request.headers().get("accept").map(str::as_bytes);
        let representation = self.representation(accept);
        if vary_lacks_accept(response.headers().get("vary").map(str::as_bytes)) {
            response.adjoin_raw_header("vary", "accept");
        }
        if representation == Representation::ProblemJson {
            return;
        }
        let Some(bytes) = small_body(response, NEGOTIATED_LIMIT).await else {
            return;
        };
        let body = match self.rerender(representation, served(request), &bytes) {
            Some(rendered) => {
                response.set_raw_header("content-type", representation.media_type());
                rendered
            }
            None => bytes,
        };
        response.set_sized_body(body.len(), Cursor::new(body));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types_are_json_and_others_are_not() {
        let parse = |text: &str| ContentType::parse_flexible(text);
        assert!(is_json(parse("application/json").as_ref()));
        assert!(is_json(parse("application/JSON; charset=utf-8").as_ref()));
        assert!(is_json(parse("application/problem+json").as_ref()));
        assert!(!is_json(parse("text/plain").as_ref()));
        assert!(!is_json(parse("text/json").as_ref()));
        assert!(!is_json(parse("application/+json").as_ref()));
        assert!(!is_json(None));
    }

    #[test]
    fn the_json_guard_names_each_failure() {
        let parse = |text: &'static str| {
            let error = serde_json::from_str::<u32>(text).unwrap_err();
            json_rejection::<u32>(&json::Error::Parse(text, error)).kind()
        };
        assert_eq!(parse("\"x\""), RejectionKind::JsonData);
        assert_eq!(parse("x"), RejectionKind::InvalidJson);
        let io = |kind, text| {
            let error = std::io::Error::new(kind, text);
            json_rejection::<u32>(&json::Error::Io(error)).kind()
        };
        assert_eq!(
            io(std::io::ErrorKind::UnexpectedEof, "data limit exceeded"),
            RejectionKind::ContentTooLarge
        );
        assert_eq!(
            io(std::io::ErrorKind::ConnectionReset, "reset"),
            RejectionKind::UnreadableBody
        );
    }
}
