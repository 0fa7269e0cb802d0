//! The client's side: a problem read back into the type whose value the server sent.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::pull::Pull;
use crate::problem::view::ProblemView;
use crate::{Problem, VariantInfo};

/// A type that a client rebuilds from the problem a server sent: the inverse of
/// [`ApiStatus`](crate::ApiStatus).
///
/// `#[derive(FromProblem)]` implements it from the same `#[status(...)]` attributes. A
/// variant is chosen by its `code` and its status together; its fields come back from where
/// the server put them:
///
/// - an extension member is deserialized (an `Option` is `None` when the member is absent);
/// - a `retry_after` field is read from `Retry-After`, by [`from_response`] only, in whole
///   seconds, the header's precision (a `Duration` of 1.5 s was sent as 2 s);
/// - an `allow` field is read from `Allow`, by [`from_response`] only;
/// - a `www_authenticate` field is read from `WWW-Authenticate`, by [`from_response`] only
///   (without the header, the variant does not come back);
/// - a field the `message` shows is parsed back from the detail with `FromStr`, when the
///   template has no format spec and text stands between any two of its placeholders;
/// - a transparent variant asks its inner type.
///
/// A `forward` variant never comes back: its problem is its field's, so a client gets that
/// type's value where the enum reaches the type through a transparent variant, else the
/// problem.
///
/// A source (`#[from]`, `#[source]`) and a field a 5xx does not show stay on the server, so a
/// variant that has one is never rebuilt: its problem comes back as the `Err`, whole.
/// [`VariantInfo::decodes`] tells which variants come back.
///
/// ```
/// use status_core::{ApiStatus, FromProblem};
///
/// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
///     #[status(429)]
///     RateLimited { #[status(retry_after)] retry_in: u64 },
/// }
///
/// // The server's response, as a client receives it.
/// let response = ApiError::RateLimited { retry_in: 30 }.response();
/// assert_eq!(ApiError::from_response(&response), Ok(ApiError::RateLimited { retry_in: 30 }));
///
/// let problem = ApiError::UserNotFound { id: 7 }.problem();
/// assert_eq!(ApiError::from_problem(problem), Ok(ApiError::UserNotFound { id: 7 }));
///
/// // Another service's problem is handed back as it came.
/// let other = status_core::Problem::new(http::StatusCode::CONFLICT).with_code("taken");
/// assert_eq!(ApiError::from_problem(other.clone()), Err(other));
/// ```
///
/// [`from_response`]: FromProblem::from_response
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `FromProblem`",
    label = "a client cannot rebuild this type from a problem",
    note = "derive it with `#[derive(FromProblem)]` beside `#[derive(ApiStatus)]`"
)]
// The `Err` is the problem the server sent, whole, as the issue of a client's request: not
// worth a box, and clippy's `result_large_err` would ask for one.
#[allow(clippy::result_large_err)]
pub trait FromProblem: Sized {
    /// The value `received` describes, if it is one of this type's; what the derive writes.
    ///
    /// ```
    /// use status_core::{ApiStatus, FromProblem, Received};
    ///
    /// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
    /// enum ApiError {
    ///     #[status(409)]
    ///     Taken,
    /// }
    ///
    /// let problem = ApiError::Taken.problem();
    /// let headers = http::HeaderMap::new();
    /// let received = Received::new(&problem, &headers);
    /// assert_eq!(ApiError::from_received(&received), Some(ApiError::Taken));
    /// ```
    fn from_received(received: &Received<'_>) -> Option<Self>;

    /// The value the problem and the response headers describe; the problem itself when it is
    /// not one of this type's.
    ///
    /// ```
    /// use status_core::{ApiStatus, FromProblem};
    ///
    /// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
    /// enum ApiError {
    ///     #[status(503)]
    ///     Busy { #[status(retry_after)] retry_in: Option<u32> },
    /// }
    ///
    /// let sent = ApiError::Busy { retry_in: Some(5) };
    /// let back = ApiError::from_parts(sent.problem(), &sent.headers());
    /// assert_eq!(back, Ok(sent));
    /// ```
    ///
    /// # Errors
    /// The problem, unchanged, when no variant of this type answers it.
    fn from_parts(problem: Problem, headers: &HeaderMap) -> Result<Self, Problem> {
        match Self::from_received(&Received::new(&problem, headers)) {
            Some(value) => Ok(value),
            None => Err(problem),
        }
    }

    /// The value the problem describes, without headers: a field read from a header is then
    /// absent (`None` if it is an `Option`, else the variant does not come back).
    ///
    /// ```
    /// use status_core::{ApiStatus, FromProblem};
    ///
    /// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
    /// enum ApiError {
    ///     #[status(422, message = "{field} is required")]
    ///     Missing { field: String },
    /// }
    ///
    /// let problem = ApiError::Missing { field: "email".into() }.problem();
    /// assert_eq!(ApiError::from_problem(problem), Ok(ApiError::Missing { field: "email".into() }));
    /// ```
    ///
    /// # Errors
    /// The problem, unchanged, when no variant of this type answers it.
    fn from_problem(problem: Problem) -> Result<Self, Problem> {
        Self::from_parts(problem, &HeaderMap::new())
    }

    /// The value a whole response describes: its body read as Problem Details, and its
    /// headers.
    ///
    /// A body that is not Problem Details (an HTML page from a proxy, an empty 503) is read as
    /// the problem of the response's status, which is then the `Err`. Only the members a
    /// variant reads are parsed into values: one that a `serde_json::Value` cannot hold (a
    /// number beyond `f64`, nesting deeper than 128) fails only a field that reads it, where
    /// [`Problem::from_response`] reads the whole body as the problem of its status.
    ///
    /// ```
    /// use status_core::{ApiStatus, FromProblem};
    ///
    /// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
    /// enum ApiError {
    ///     #[status(502)]
    ///     Upstream,
    /// }
    ///
    /// let proxy_page = http::Response::builder()
    ///     .status(502)
    ///     .header("content-type", "text/html")
    ///     .body("<h1>Bad Gateway</h1>")
    ///     .unwrap();
    /// let problem = ApiError::from_response(&proxy_page).unwrap_err();
    /// assert_eq!(problem.status(), Some(502));
    /// assert_eq!(problem.code(), None);
    /// ```
    ///
    /// # Errors
    /// The problem the response carries, or that of its status, when no variant of this type
    /// answers it.
    fn from_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<Self, Problem> {
        let (status, headers, body) = (response.status(), response.headers(), response.body());
        let body = body.as_ref();
        if !is_json(headers) {
            return Self::from_parts(Problem::new(status), headers);
        }
        // First the body read as the questions of `from_received` need it, each member once;
        // then, if the rest of the body could change an answer, from a view of the body that
        // copies nothing it does not need. Only what is not one of this type's values pays for
        // the whole `Problem`.
        let pull = Pull::new(status, body);
        if pull.opens() {
            let value = Self::from_received(&Received::of_pull(&pull, headers));
            if pull.finish() {
                return match value {
                    Some(value) => Ok(value),
                    None => Self::from_parts(Problem::from_json(status, body), headers),
                };
            }
        }
        if let Some(view) = ProblemView::parse_json(status, body) {
            if let Some(value) = Self::from_received(&Received::of_view(&view, headers)) {
                return Ok(value);
            }
        }
        Self::from_parts(Problem::from_json(status, body), headers)
    }

    /// The value a gRPC status describes, as [`status_core::tonic::status`](crate::tonic::status)
    /// wrote it: the variant from `ErrorInfo`'s reason and the status's code, extension
    /// members from `ErrorInfo`'s metadata (strings and numbers only), a `retry_after` field
    /// from `RetryInfo`, and fields the message shows from the message.
    ///
    /// ```
    /// use status_core::{ApiStatus, FromProblem};
    ///
    /// #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
    /// #[status(grpc_domain = "api.example.com")]
    /// enum ApiError {
    ///     #[status(404, message = "user {id} not found")]
    ///     UserNotFound { #[status(extension)] id: u64 },
    /// }
    ///
    /// let status = tonic::Status::from(ApiError::UserNotFound { id: 7 });
    /// assert_eq!(ApiError::from_status(&status).unwrap(), ApiError::UserNotFound { id: 7 });
    ///
    /// let elsewhere = tonic::Status::not_found("no such page");
    /// assert_eq!(ApiError::from_status(&elsewhere).unwrap_err().message(), "no such page");
    /// ```
    ///
    /// # Errors
    /// A clone of the status when no variant of this type answers it.
    #[cfg(feature = "tonic")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
    fn from_status(status: &::tonic::Status) -> Result<Self, ::tonic::Status> {
        let (problem, headers) = crate::tonic::received_parts(status);
        let received = Received {
            via: Via::Grpc(status.code() as i32),
            ..Received::new(&problem, &headers)
        };
        Self::from_received(&received).ok_or_else(|| status.clone())
    }
}

impl<T: FromProblem> FromProblem for Box<T> {
    fn from_received(received: &Received<'_>) -> Option<Self> {
        T::from_received(received).map(Box::new)
    }
}

impl<T: FromProblem> FromProblem for Arc<T> {
    fn from_received(received: &Received<'_>) -> Option<Self> {
        T::from_received(received).map(Arc::new)
    }
}

/// What a client received: the problem's members and the response's headers, for
/// [`FromProblem::from_received`]. An extension member is read with
/// [`ExtensionMember::from_member`].
#[derive(Debug, Clone, Copy)]
pub struct Received<'a> {
    members: Members<'a>,
    headers: &'a HeaderMap,
    via: Via,
}

/// Where the members come from: a whole problem, or a view of a body.
#[derive(Debug, Clone, Copy)]
enum Members<'a> {
    Problem(&'a Problem),
    View(&'a ProblemView<'a>),
    /// A body read as far as the questions asked of it need.
    Pull(&'a Pull<'a>),
}

/// Which protocol the problem came over: it decides how a variant's status is compared.
#[derive(Debug, Clone, Copy)]
enum Via {
    Http,
    /// A gRPC status of this code, whose HTTP status was inferred from it.
    #[cfg(feature = "tonic")]
    Grpc(i32),
}

impl<'a> Received<'a> {
    /// The problem and headers of an HTTP response.
    #[must_use]
    pub fn new(problem: &'a Problem, headers: &'a HeaderMap) -> Self {
        Self {
            members: Members::Problem(problem),
            headers,
            via: Via::Http,
        }
    }

    fn of_view(view: &'a ProblemView<'a>, headers: &'a HeaderMap) -> Self {
        Self {
            members: Members::View(view),
            headers,
            via: Via::Http,
        }
    }

    fn of_pull(pull: &'a Pull<'a>, headers: &'a HeaderMap) -> Self {
        Self {
            members: Members::Pull(pull),
            headers,
            via: Via::Http,
        }
    }

    /// The problem's `code`.
    #[must_use]
    pub fn code(&self) -> Option<&'a str> {
        match self.members {
            Members::Problem(problem) => problem.code(),
            Members::View(view) => view.code.as_deref(),
            Members::Pull(pull) => pull.code(),
        }
    }

    /// The problem's `status` (the response's, where the body names none).
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self.members {
            Members::Problem(problem) => problem.status(),
            Members::View(view) => view.status,
            Members::Pull(pull) => Some(pull.status()),
        }
    }

    /// The problem's `detail`.
    #[must_use]
    pub fn detail(&self) -> Option<&'a str> {
        match self.members {
            Members::Problem(problem) => problem.detail(),
            Members::View(view) => view.detail.as_deref(),
            Members::Pull(pull) => pull.detail(),
        }
    }

    /// The response's headers (empty for [`FromProblem::from_problem`]).
    #[must_use]
    pub fn headers(&self) -> &'a HeaderMap {
        self.headers
    }

    /// Whether the problem is an occurrence of `row`: the same code, and the same status (over
    /// gRPC, the same gRPC code).
    ///
    /// ```
    /// use status_core::{Problem, Received, VariantInfo};
    ///
    /// let row = VariantInfo::new("Taken", 409).with_code("taken");
    /// let headers = http::HeaderMap::new();
    /// let taken = Problem::new(http::StatusCode::CONFLICT).with_code("taken");
    /// assert!(Received::new(&taken, &headers).is(&row));
    /// let elsewhere = Problem::new(http::StatusCode::BAD_REQUEST).with_code("taken");
    /// assert!(!Received::new(&elsewhere, &headers).is(&row));
    /// ```
    #[must_use]
    pub fn is(&self, row: &VariantInfo) -> bool {
        if self.code() != Some(row.code()) {
            return false;
        }
        match self.via {
            Via::Http => self.status() == Some(row.status().as_u16()),
            #[cfg(feature = "tonic")]
            Via::Grpc(code) => crate::status::grpc::row_code(row.grpc(), row.status()) == code,
        }
    }

    /// The extension member `name` as a `T`; an absent member reads as `null`, which an
    /// `Option` takes as `None`. Over gRPC members arrive as text, so a number is also read
    /// from its text.
    pub(crate) fn member<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        let problem = match self.members {
            Members::Problem(problem) => problem,
            Members::View(view) => return view.member(name),
            Members::Pull(pull) => return pull.member(name),
        };
        let value = problem.extensions().get(name).unwrap_or(&Value::Null);
        match (T::deserialize(value), value, self.via) {
            (Ok(member), _, _) => Some(member),
            #[cfg(feature = "tonic")]
            (Err(_), Value::String(text), Via::Grpc(_)) => serde_json::from_str(text).ok(),
            (Err(_), _, _) => None,
        }
    }

    /// The delay `Retry-After` gives in seconds; `None` when it is absent or an HTTP date.
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("retry-after", "30".parse().unwrap());
    /// let problem = status_core::Problem::new(http::StatusCode::TOO_MANY_REQUESTS);
    /// assert_eq!(status_core::Received::new(&problem, &headers).retry_after_seconds(), Some(30));
    /// ```
    #[must_use]
    pub fn retry_after_seconds(&self) -> Option<u64> {
        self.headers
            .get(http::header::RETRY_AFTER)
            .and_then(|value| value.to_str().ok()?.trim().parse().ok())
    }

    /// The `Allow` header's text; empty when it is absent or not text.
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("allow", "GET, HEAD".parse().unwrap());
    /// let problem = status_core::Problem::new(http::StatusCode::METHOD_NOT_ALLOWED);
    /// assert_eq!(status_core::Received::new(&problem, &headers).allow(), "GET, HEAD");
    /// ```
    #[must_use]
    pub fn allow(&self) -> &'a str {
        self.headers
            .get(http::header::ALLOW)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }

    /// The `WWW-Authenticate` header's text; `None` when it is absent or not text.
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("www-authenticate", "Bearer".parse().unwrap());
    /// let problem = status_core::Problem::new(http::StatusCode::UNAUTHORIZED);
    /// let received = status_core::Received::new(&problem, &headers);
    /// assert_eq!(received.www_authenticate(), Some("Bearer"));
    /// ```
    #[must_use]
    pub fn www_authenticate(&self) -> Option<&'a str> {
        self.headers
            .get(http::header::WWW_AUTHENTICATE)
            .and_then(|value| value.to_str().ok())
    }

    /// Every way the detail splits at the `literals` of a message template, leftmost split
    /// first: `literals` are the text before the first placeholder, between each two, and
    /// after the last, and each candidate holds the text of each placeholder. A value may
    /// hold the text between two placeholders, so there can be more than one; there are at
    /// most [`MAX_SPLITS`], so a hostile detail costs little.
    pub(crate) fn detail_splits<const N: usize>(&self, literals: &[&str]) -> Splits<'a, N> {
        let middle = (|| {
            let (prefix, rest) = literals.split_first()?;
            let (suffix, _) = rest.split_last()?;
            self.detail()?.strip_prefix(prefix)?.strip_suffix(suffix)
        })();
        let Some(middle) = middle else {
            return Splits::One(None);
        };
        let separators = &literals[1..literals.len() - 1];
        if separators.is_empty() {
            let mut parts = [""; N];
            if let Some(only) = parts.first_mut() {
                *only = middle;
            }
            return Splits::One(Some(parts));
        }
        let mut found = Vec::new();
        split_at_each(middle, separators, &mut [""; N], 0, &mut found);
        Splits::Many(found.into_iter())
    }
}

/// The most ways a detail is split to find a value ([`Received::detail_splits`]).
const MAX_SPLITS: usize = 64;

/// Fills `parts[at..]` from `rest`, split at `separators[at..]`, every way, into `found`.
fn split_at_each<'a, const N: usize>(
    rest: &'a str,
    separators: &[&str],
    parts: &mut [&'a str; N],
    at: usize,
    found: &mut Vec<[&'a str; N]>,
) {
    let Some(separator) = separators.get(at) else {
        if let Some(last) = parts.get_mut(at) {
            *last = rest;
            found.push(*parts);
        }
        return;
    };
    for (position, _) in rest.match_indices(separator) {
        if found.len() >= MAX_SPLITS {
            return;
        }
        if let Some(part) = parts.get_mut(at) {
            *part = &rest[..position];
        }
        split_at_each(
            &rest[position + separator.len()..],
            separators,
            parts,
            at + 1,
            found,
        );
    }
}

/// The candidate splits of a detail: one without searching, for a template with one
/// placeholder, else those found.
pub(crate) enum Splits<'a, const N: usize> {
    One(Option<[&'a str; N]>),
    Many(std::vec::IntoIter<[&'a str; N]>),
}

impl<'a, const N: usize> Iterator for Splits<'a, N> {
    type Item = [&'a str; N];

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Splits::One(only) => only.take(),
            Splits::Many(found) => found.next(),
        }
    }
}

impl Problem {
    /// The problem a response carries: its body, when that is a JSON object, with the
    /// response's status where the body names none; else the problem of the status alone, as
    /// for an HTML page from a proxy or an empty body.
    ///
    /// ```
    /// use status_core::Problem;
    ///
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("content-type", "application/problem+json")
    ///     .body(r#"{"title":"Not Found","code":"user_not_found"}"#)
    ///     .unwrap();
    /// let problem = Problem::from_response(&response);
    /// assert_eq!(problem.code(), Some("user_not_found"));
    /// assert_eq!(problem.status(), Some(404));
    ///
    /// let empty = http::Response::builder().status(503).body("").unwrap();
    /// assert_eq!(Problem::from_response(&empty), Problem::new(http::StatusCode::SERVICE_UNAVAILABLE));
    /// ```
    #[must_use]
    pub fn from_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        Self::from_body(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// [`Problem::from_response`] from the parts of a response, for a client whose response
    /// type is not `http`'s.
    ///
    /// ```
    /// use status_core::Problem;
    ///
    /// let headers = http::HeaderMap::new();
    /// let problem = Problem::from_body(http::StatusCode::BAD_GATEWAY, &headers, b"<html>");
    /// assert_eq!(problem, Problem::new(http::StatusCode::BAD_GATEWAY));
    /// ```
    #[must_use]
    pub fn from_body(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Self {
        if is_json(headers) {
            Self::from_json(status, body)
        } else {
            Self::new(status)
        }
    }

    /// [`Problem::from_body`] of a body that may be JSON.
    fn from_json(status: StatusCode, body: &[u8]) -> Self {
        match serde_json::from_slice::<Self>(body) {
            Ok(mut problem) => {
                problem.status.get_or_insert(status.as_u16());
                problem
            }
            Err(_) => Self::new(status),
        }
    }
}

impl<'a> ProblemView<'a> {
    /// [`Problem::from_json`]'s reading, as a view: `None` where that gives the problem of
    /// the status alone.
    fn parse_json(status: StatusCode, body: &'a [u8]) -> Option<Self> {
        let mut view = Self::parse(body)?;
        view.status.get_or_insert(status.as_u16());
        Some(view)
    }
}

/// Whether a response's body may be JSON: its `Content-Type` is absent, or is
/// `application/problem+json`, `application/json`, or another `+json` type, with or without
/// parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(http::header::CONTENT_TYPE) else {
        return true;
    };
    // What this crate's servers send, compared as bytes before anything is checked as text.
    if content_type.as_bytes() == crate::PROBLEM_JSON.as_bytes() {
        return true;
    }
    let Ok(content_type) = content_type.to_str() else {
        return false;
    };
    // Compared without allocating a lowercase copy: this runs for every response decoded.
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let suffix = essence.len().checked_sub("+json".len());
    essence.eq_ignore_ascii_case("application/json")
        || suffix
            .and_then(|at| essence.get(at..))
            .is_some_and(|end| end.eq_ignore_ascii_case("+json"))
}

/// A field type that comes back from `Retry-After`: unsigned integers, [`Duration`] (in whole
/// seconds), and `Option`s of those (`None` when the header is absent).
#[diagnostic::on_unimplemented(
    message = "`FromProblem` cannot read `{Self}` back from Retry-After",
    label = "this field comes back from Retry-After",
    note = "use an unsigned integer of seconds, `std::time::Duration`, or an `Option` of either"
)]
pub trait FromRetryAfter: Sized {
    /// The field for a header of `seconds`, or for no header (`None`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use status_core::FromRetryAfter;
    ///
    /// assert_eq!(Duration::from_retry_after(Some(2)), Some(Duration::from_secs(2)));
    /// assert_eq!(u8::from_retry_after(Some(300)), None);
    /// assert_eq!(Option::<u64>::from_retry_after(None), Some(None));
    /// ```
    fn from_retry_after(seconds: Option<u64>) -> Option<Self>;
}

macro_rules! from_retry_after_integers {
    ($($ty:ty),*) => {$(
        impl FromRetryAfter for $ty {
            fn from_retry_after(seconds: Option<u64>) -> Option<Self> {
                Self::try_from(seconds?).ok()
            }
        }
    )*};
}

from_retry_after_integers!(u8, u16, u32, u64, u128, usize);

impl FromRetryAfter for Duration {
    fn from_retry_after(seconds: Option<u64>) -> Option<Self> {
        seconds.map(Duration::from_secs)
    }
}

impl<T: FromRetryAfter> FromRetryAfter for Option<T> {
    fn from_retry_after(seconds: Option<u64>) -> Option<Self> {
        match seconds {
            None => Some(None),
            Some(_) => T::from_retry_after(seconds).map(Some),
        }
    }
}

/// A field type that comes back from `Allow`: owned lists of methods, and owned text (as the
/// server wrote it: `"GET,HEAD"` is sent, and comes back, as `"GET, HEAD"`).
#[diagnostic::on_unimplemented(
    message = "`FromProblem` cannot read `{Self}` back from Allow",
    label = "this field comes back from Allow",
    note = "use an owned list, `Vec<http::Method>`, or a `String`: a borrowed one cannot be rebuilt on the client"
)]
pub trait FromAllow: Sized {
    /// The field for the header's value.
    ///
    /// ```
    /// use status_core::FromAllow;
    ///
    /// assert_eq!(Vec::<http::Method>::from_allow("GET, HEAD"), Some(vec![http::Method::GET, http::Method::HEAD]));
    /// assert_eq!(String::from_allow("GET, HEAD").as_deref(), Some("GET, HEAD"));
    /// ```
    fn from_allow(value: &str) -> Option<Self>;
}

impl FromAllow for Vec<Method> {
    fn from_allow(value: &str) -> Option<Self> {
        value
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| Method::from_bytes(name.as_bytes()).ok())
            .collect()
    }
}

impl FromAllow for String {
    fn from_allow(value: &str) -> Option<Self> {
        Some(value.to_owned())
    }
}

/// A field type that comes back from a header's text, as `WWW-Authenticate` brings back a
/// `#[status(www_authenticate)]` field: owned text (`String`, `Box<str>`, `Arc<str>`,
/// `Cow<'static, str>`) and `http::HeaderValue`.
#[diagnostic::on_unimplemented(
    message = "`FromProblem` cannot read `{Self}` back from a header",
    label = "this field comes back from WWW-Authenticate",
    note = "use owned text, `String`, `Box<str>`, `Arc<str>`, `Cow<'static, str>` or `http::HeaderValue`: a borrowed one cannot be rebuilt on the client"
)]
pub trait FromHeaderText: Sized {
    /// The field for the header's text.
    ///
    /// ```
    /// use status_core::FromHeaderText;
    ///
    /// assert_eq!(String::from_header_text("Bearer").as_deref(), Some("Bearer"));
    /// assert_eq!(http::HeaderValue::from_header_text("Bearer").unwrap(), "Bearer");
    /// ```
    fn from_header_text(text: &str) -> Option<Self>;
}

impl FromHeaderText for String {
    fn from_header_text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl FromHeaderText for Box<str> {
    fn from_header_text(text: &str) -> Option<Self> {
        Some(text.into())
    }
}

impl FromHeaderText for Arc<str> {
    fn from_header_text(text: &str) -> Option<Self> {
        Some(text.into())
    }
}

impl FromHeaderText for Cow<'static, str> {
    fn from_header_text(text: &str) -> Option<Self> {
        Some(Cow::Owned(text.to_owned()))
    }
}

impl FromHeaderText for http::HeaderValue {
    fn from_header_text(text: &str) -> Option<Self> {
        Self::from_str(text).ok()
    }
}

/// A field type that comes back from an extension member: any type serde deserializes.
#[diagnostic::on_unimplemented(
    message = "`FromProblem` cannot read `{Self}` back from its extension member: it does not implement `serde::Deserialize`",
    label = "a client deserializes this member",
    note = "add `#[derive(serde::Deserialize)]` to `{Self}` (for a type of another crate, look for its `serde` feature), or derive only `ApiStatus` for this enum"
)]
pub trait ExtensionMember: Sized {
    /// The member `name` of the problem received; an absent member reads as `null`, which
    /// an `Option` takes as `None`.
    ///
    /// ```
    /// use status_core::{ExtensionMember, Problem, Received};
    ///
    /// let problem = Problem::new(http::StatusCode::NOT_FOUND).with_extension("id", 7);
    /// let headers = http::HeaderMap::new();
    /// let received = Received::new(&problem, &headers);
    /// assert_eq!(u64::from_member(&received, "id"), Some(7));
    /// assert_eq!(Option::<String>::from_member(&received, "name"), Some(None));
    /// ```
    fn from_member(received: &Received<'_>, name: &str) -> Option<Self>;
}

impl<T: DeserializeOwned> ExtensionMember for T {
    fn from_member(received: &Received<'_>, name: &str) -> Option<Self> {
        received.member(name)
    }
}

/// A field type that comes back from the text a message shows: any type with `FromStr`.
#[diagnostic::on_unimplemented(
    message = "`FromProblem` cannot read `{Self}` back from the message: it does not implement `FromStr`",
    label = "a client parses this field from the detail",
    note = "implement `FromStr` for `{Self}`, the inverse of its `Display`; or send the field as an extension member too, `#[status(extension)]`, which a client reads instead"
)]
pub trait DetailField: Sized {
    /// The field the `text` shows.
    ///
    /// ```
    /// use status_core::DetailField;
    ///
    /// assert_eq!(u64::from_detail("42"), Some(42));
    /// assert_eq!(u64::from_detail("x"), None);
    /// ```
    fn from_detail(text: &str) -> Option<Self>;
}

impl<T: core::str::FromStr> DetailField for T {
    fn from_detail(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// The decoding steps generated code calls besides the traits; `received` is what the
/// derive's method got.
pub mod steps {
    use super::Received;

    /// Every way to read the texts a message template's placeholders stand for in the
    /// detail, most likely first.
    pub fn detail_splits<'a, const N: usize>(
        received: &Received<'a>,
        literals: &[&str],
    ) -> impl Iterator<Item = [&'a str; N]> {
        received.detail_splits(literals)
    }

    /// Whether `value`'s detail is the one received: a template whose placeholders could
    /// have split another way (`ambiguous`), or a gRPC message (which a long value may have
    /// cut), is read back only if the value writes the same text again.
    #[must_use]
    pub fn writes_detail<T: crate::ApiStatus>(
        value: &T,
        received: &Received<'_>,
        ambiguous: bool,
    ) -> bool {
        #[cfg(feature = "tonic")]
        let ambiguous = ambiguous || matches!(received.via, super::Via::Grpc(_));
        if !ambiguous {
            return true;
        }
        let expected = received.detail().unwrap_or_default();
        let mut rest = SameText(expected);
        value.write_detail(&mut rest).is_ok() && rest.0.is_empty()
    }

    /// A writer that accepts only the text it holds, in order, consuming it as it goes.
    struct SameText<'a>(&'a str);

    impl core::fmt::Write for SameText<'_> {
        fn write_str(&mut self, text: &str) -> core::fmt::Result {
            match self.0.strip_prefix(text) {
                Some(rest) => {
                    self.0 = rest;
                    Ok(())
                }
                None => Err(core::fmt::Error),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received_detail<const N: usize>(detail: &str, literals: &[&str]) -> Vec<[String; N]> {
        let problem = Problem::new(StatusCode::BAD_REQUEST).with_detail(detail.to_owned());
        let headers = HeaderMap::new();
        Received::new(&problem, &headers)
            .detail_splits::<N>(literals)
            .map(|parts| parts.map(str::to_owned))
            .collect()
    }

    #[test]
    fn a_template_splits_at_its_literal_text_every_way() {
        let split = |parts: &[&str]| parts.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>();
        let one = |detail, literals| -> Vec<Vec<String>> {
            received_detail::<1>(detail, literals)
                .into_iter()
                .map(Vec::from)
                .collect()
        };
        let two = |detail, literals| -> Vec<Vec<String>> {
            received_detail::<2>(detail, literals)
                .into_iter()
                .map(Vec::from)
                .collect()
        };
        assert_eq!(
            one("user 7 not found", &["user ", " not found"]),
            [split(&["7"])]
        );
        // A value may hold the text that ends the template: the suffix is cut from the end.
        assert_eq!(
            one("user a not found not found", &["user ", " not found"]),
            [split(&["a not found"])]
        );
        assert_eq!(
            one("nobody", &["user ", " not found"]),
            Vec::<Vec<String>>::new()
        );
        assert_eq!(one("", &["", ""]), [split(&[""])]);
        assert_eq!(
            two("a=x, b=y/z", &["a=", ", b=", ""]),
            [split(&["x", "y/z"])]
        );
        assert_eq!(
            two("a=x b=y", &["a=", ", b=", ""]),
            Vec::<Vec<String>>::new()
        );
        // Two ways, the leftmost first.
        assert_eq!(
            two("x and y and 2", &["", " and ", ""]),
            [split(&["x", "y and 2"]), split(&["x and y", "2"])]
        );
    }

    #[test]
    fn a_hostile_detail_is_split_a_bounded_number_of_ways() {
        let detail = ",".repeat(10_000);
        let problem = Problem::new(StatusCode::BAD_REQUEST).with_detail(detail);
        let headers = HeaderMap::new();
        let splits = Received::new(&problem, &headers).detail_splits::<4>(&["", ",", ",", ",", ""]);
        assert_eq!(splits.count(), MAX_SPLITS);
    }

    #[test]
    fn the_response_status_fills_a_body_without_one() {
        let headers = HeaderMap::new();
        let problem = Problem::from_body(StatusCode::CONFLICT, &headers, br#"{"code":"taken"}"#);
        assert_eq!(problem.status(), Some(409));
        assert_eq!(problem.code(), Some("taken"));
        // The body's own status stands: an intermediary may have changed the response's.
        let problem = Problem::from_body(StatusCode::BAD_GATEWAY, &headers, br#"{"status":404}"#);
        assert_eq!(problem.status(), Some(404));
    }

    #[test]
    fn only_json_bodies_are_read() {
        let mut headers = HeaderMap::new();
        for json in [
            "application/problem+json",
            "application/json; charset=utf-8",
            "Application/Problem+JSON",
            "application/vnd.api+json",
        ] {
            headers.insert(http::header::CONTENT_TYPE, json.parse().unwrap());
            let problem = Problem::from_body(StatusCode::CONFLICT, &headers, br#"{"code":"x"}"#);
            assert_eq!(problem.code(), Some("x"), "{json}");
        }
        headers.insert(http::header::CONTENT_TYPE, "text/plain".parse().unwrap());
        let problem = Problem::from_body(StatusCode::CONFLICT, &headers, br#"{"code":"x"}"#);
        assert_eq!(problem, Problem::new(StatusCode::CONFLICT));
        for not_an_object in [&b"[1]"[..], b"\"text\"", b"{", b"\xff"] {
            let problem =
                Problem::from_body(StatusCode::CONFLICT, &HeaderMap::new(), not_an_object);
            assert_eq!(problem, Problem::new(StatusCode::CONFLICT));
        }
    }

    #[test]
    fn retry_after_comes_back_in_whole_seconds() {
        let mut headers = HeaderMap::new();
        let problem = Problem::new(StatusCode::TOO_MANY_REQUESTS);
        let absent: Option<Option<Duration>> = FromRetryAfter::from_retry_after(
            Received::new(&problem, &headers).retry_after_seconds(),
        );
        assert_eq!(absent, Some(None));
        assert_eq!(
            u64::from_retry_after(Received::new(&problem, &headers).retry_after_seconds()),
            None
        );
        headers.insert(http::header::RETRY_AFTER, "30".parse().unwrap());
        let received = Received::new(&problem, &headers);
        assert_eq!(
            FromRetryAfter::from_retry_after(received.retry_after_seconds()),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            FromRetryAfter::from_retry_after(received.retry_after_seconds()),
            Some(Some(30_u8))
        );
        headers.insert(
            http::header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        let received = Received::new(&problem, &headers);
        assert_eq!(
            Option::<u32>::from_retry_after(received.retry_after_seconds()),
            Some(None)
        );
    }

    #[test]
    fn allow_comes_back_as_methods_or_text() {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::ALLOW, "GET, HEAD".parse().unwrap());
        let problem = Problem::new(StatusCode::METHOD_NOT_ALLOWED);
        let received = Received::new(&problem, &headers);
        assert_eq!(
            FromAllow::from_allow(received.allow()),
            Some(vec![Method::GET, Method::HEAD])
        );
        assert_eq!(
            FromAllow::from_allow(received.allow()),
            Some("GET, HEAD".to_owned())
        );
        headers.insert(http::header::ALLOW, "GET, (HEAD)".parse().unwrap());
        let received = Received::new(&problem, &headers);
        assert_eq!(Vec::<Method>::from_allow(received.allow()), None);
    }

    #[test]
    fn a_member_is_absent_as_null_and_read_from_text_only_over_grpc() {
        let problem = Problem::new(StatusCode::NOT_FOUND).with_extension("id", "7");
        let headers = HeaderMap::new();
        let http = Received::new(&problem, &headers);
        assert_eq!(<u64>::from_member(&http, "id"), None);
        assert_eq!(<String>::from_member(&http, "id").as_deref(), Some("7"));
        assert_eq!(<Option<u64>>::from_member(&http, "absent"), Some(None));
        assert_eq!(<u64>::from_member(&http, "absent"), None);
        #[cfg(feature = "tonic")]
        let grpc = Received {
            via: Via::Grpc(5),
            ..http
        };
        #[cfg(feature = "tonic")]
        {
            assert_eq!(<u64>::from_member(&grpc, "id"), Some(7));
            assert_eq!(<String>::from_member(&grpc, "id").as_deref(), Some("7"));
        }
    }
}
