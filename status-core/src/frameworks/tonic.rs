//! gRPC through tonic (feature `tonic`): one error enum answers over HTTP and gRPC alike.
//!
//! With the feature on, every derived type that names its `grpc_domain` converts into
//! [`tonic::Status`](https://docs.rs/tonic/0.14/tonic/struct.Status.html), so a tonic
//! handler uses `?` on it:
//!
//! - the code is the one `google/rpc/code.proto` pairs with the status (404 `NOT_FOUND`,
//!   429 `RESOURCE_EXHAUSTED`, see [`code`]), unless the variant names its own with
//!   `#[status(409, grpc = "already_exists")]`;
//! - the message is the detail the HTTP body carries, with the same rule for a 5xx: no
//!   field or inner error text unless the variant says `expose`;
//! - the rich error details of the `google.rpc` error model (read them with
//!   `tonic_types::StatusExt`): `ErrorInfo` with the variant's code as its reason, the
//!   type's domain, and the extension members that are strings or numbers as metadata;
//!   `RetryInfo` from `Retry-After`; and, on a 400 or a 422, `BadRequest` field violations
//!   from an extension that maps field names to messages (or lists of messages).
//!
//! ```
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, ApiStatus)]
//! #[status(grpc_domain = "api.example.com")]
//! enum ApiError {
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { #[status(extension)] id: u64 },
//! }
//!
//! fn get_user(id: u64) -> Result<String, tonic::Status> {
//!     Err(ApiError::UserNotFound { id })?
//! }
//!
//! let status = get_user(7).unwrap_err();
//! assert_eq!(status.code(), tonic::Code::NotFound);
//! assert_eq!(status.message(), "user 7 not found");
//! ```
//!
//! Details travel in a response trailer, and peers built on hyper refuse more than 16 KiB of
//! headers and trailers by default, which would turn the status into a protocol error. So a
//! status stays within that: a message beyond 2 KiB is cut (at a character, marked with
//! `…`), and details beyond 6 KiB keep only the `ErrorInfo` reason and domain and the
//! `RetryInfo`, without metadata or field violations.

use std::collections::HashMap;
use std::time::Duration;

use ::tonic::{Code, Status};
use serde_json::Value;
use tonic_types::{ErrorDetails, StatusExt};

use crate::status::grpc::{code_for_status, row_code, HTTP_STATUS};
use crate::{ApiStatus, GrpcDomain, Pointer, Problem, Violation, Violations};
use serde::Deserialize as _;

/// The longest message sent, in bytes: tonic percent-encodes it (up to three bytes for one)
/// and sends it again inside the details.
const MESSAGE_LIMIT: usize = 2 * 1024;
/// The most details sent, in bytes, before base64; with the message, the trailers stay under
/// the 16 KiB a hyper client accepts by default.
const DETAILS_LIMIT: usize = 6 * 1024;

/// The gRPC code an HTTP status answers with, by `google/rpc/code.proto`: 400
/// `INVALID_ARGUMENT`, 401 `UNAUTHENTICATED`, 403 `PERMISSION_DENIED`, 404 `NOT_FOUND`, 409
/// `ABORTED`, 429 `RESOURCE_EXHAUSTED`, 499 `CANCELLED`, 500 `INTERNAL`, 501
/// `UNIMPLEMENTED`, 503 `UNAVAILABLE`, 504 `DEADLINE_EXCEEDED`. A status the table does not
/// name answers as 400 does (any other 4xx) or as 500 does (any other 5xx); anything else is
/// `UNKNOWN`.
///
/// ```
/// use status_core::tonic::code;
/// use http::StatusCode;
///
/// assert_eq!(code(StatusCode::TOO_MANY_REQUESTS), tonic::Code::ResourceExhausted);
/// assert_eq!(code(StatusCode::UNPROCESSABLE_ENTITY), tonic::Code::InvalidArgument);
/// assert_eq!(code(StatusCode::BAD_GATEWAY), tonic::Code::Internal);
/// ```
#[must_use]
pub fn code(status: http::StatusCode) -> Code {
    Code::from_i32(code_for_status(status.as_u16()))
}

/// The HTTP status a gRPC code answers with, by `google/rpc/code.proto`. grpc-gateway maps
/// the codes the same way except `CANCELLED`: 499 here, as code.proto says, 408 there.
///
/// ```
/// use status_core::tonic::http_status;
///
/// assert_eq!(http_status(tonic::Code::NotFound), http::StatusCode::NOT_FOUND);
/// assert_eq!(http_status(tonic::Code::FailedPrecondition), http::StatusCode::BAD_REQUEST);
/// ```
#[must_use]
pub fn http_status(code: Code) -> http::StatusCode {
    let status = usize::try_from(code as i32)
        .ok()
        .and_then(|number| HTTP_STATUS.get(number))
        .copied()
        .unwrap_or(500);
    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The `tonic::Status` of `value`: what the derived `From` impl returns.
///
/// ```
/// use status_core::ApiStatus;
/// use tonic_types::StatusExt;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(grpc_domain = "api.example.com")]
/// enum ApiError {
///     #[status(429, retry_after = 30)]
///     RateLimited,
/// }
///
/// let status = status_core::tonic::status(&ApiError::RateLimited);
/// assert_eq!(status.code(), tonic::Code::ResourceExhausted);
/// assert_eq!(status.get_details_error_info().unwrap().reason, "rate_limited");
/// let retry = status.get_details_retry_info().unwrap();
/// assert_eq!(retry.retry_delay, Some(std::time::Duration::from_secs(30)));
/// ```
pub fn status<T: ApiStatus + GrpcDomain + ?Sized>(value: &T) -> Status {
    let http = value.status();
    let row = value.variant();
    let code = Code::from_i32(row_code(row.grpc(), row.status()));
    let problem = value.problem();
    let message = truncated(problem.detail().unwrap_or_default(), MESSAGE_LIMIT);
    let retry_after = value
        .headers()
        .get(http::header::RETRY_AFTER)
        .and_then(|v| {
            let seconds = v.to_str().ok()?.parse::<u64>().ok()?;
            Some(Duration::from_secs(seconds))
        });
    let metadata: HashMap<String, String> = problem
        .extensions()
        .iter()
        .filter_map(|(name, value)| match value {
            Value::String(text) => Some((name.clone(), text.clone())),
            Value::Number(number) => Some((name.clone(), number.to_string())),
            _ => None,
        })
        .collect();
    let violations: Vec<(String, String)> = if matches!(http.as_u16(), 400 | 422) {
        problem
            .extensions()
            .values()
            .flat_map(field_messages)
            .collect()
    } else {
        Vec::new()
    };
    let details = |metadata: HashMap<String, String>, violations: Vec<(String, String)>| {
        let mut details = ErrorDetails::new();
        details.set_error_info(value.code(), T::GRPC_DOMAIN, metadata);
        if retry_after.is_some() {
            details.set_retry_info(retry_after);
        }
        for (field, message) in violations {
            details.add_bad_request_violation(field, message);
        }
        details
    };
    let status = Status::with_error_details(code, message.clone(), details(metadata, violations));
    if status.details().len() <= DETAILS_LIMIT {
        return status;
    }
    // Too large to reach the client: what names the error, and when to retry, still can.
    Status::with_error_details(code, message, details(HashMap::new(), Vec::new()))
}

/// `text` cut to at most `limit` bytes, at a character, with `…` where it was cut.
fn truncated(text: &str, limit: usize) -> String {
    if text.len() <= limit {
        return text.to_owned();
    }
    let mut end = limit - '…'.len_utf8();
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// The `(field, message)` pairs of an extension that is a [`Violations`] (each pointer in
/// AIP-193's dotted form), or that maps field names to a message or to a list of messages;
/// none for any other value.
fn field_messages(value: &Value) -> Vec<(String, String)> {
    if let Ok(violations) = Violations::deserialize(value) {
        return violations
            .iter()
            .map(|violation| (dotted(&violation.pointer), violation.detail.clone()))
            .collect();
    }
    let Value::Object(fields) = value else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for (field, messages) in fields {
        match messages {
            Value::String(message) => pairs.push((field.clone(), message.clone())),
            Value::Array(list) => pairs.extend(
                list.iter()
                    .filter_map(Value::as_str)
                    .map(|message| (field.clone(), message.to_owned())),
            ),
            _ => {}
        }
    }
    pairs
}

/// The Problem Details an HTTP gateway would send for `status`: the status its code maps to
/// ([`http_status`]), the message as the detail of a 4xx (a 5xx gets the registry's text,
/// since a server error's message may hold what a client should not see), and, from an
/// `ErrorInfo`, the reason as `code` and the metadata as extension members.
///
/// ```
/// let status = tonic::Status::not_found("user 7 not found");
/// let problem = status_core::tonic::problem(&status);
/// assert_eq!(problem.status(), Some(404));
/// assert_eq!(problem.detail(), Some("user 7 not found"));
/// assert_eq!(problem.code(), Some("not_found"));
/// ```
#[must_use]
pub fn problem(status: &Status) -> Problem {
    let http = http_status(status.code());
    let mut problem = Problem::from_framework_error(http, status.message().as_bytes());
    if let Some(info) = status.get_details_error_info() {
        if !info.reason.is_empty() {
            problem = problem.with_code(info.reason);
        }
        let mut metadata: Vec<(String, String)> = info.metadata.into_iter().collect();
        metadata.sort();
        for (name, value) in metadata {
            problem.insert_extension(name, value);
        }
    }
    problem
}

/// What [`FromProblem::from_status`](crate::FromProblem::from_status) reads: the problem of
/// `status` with its whole message as the detail, whatever the code (nothing of it reaches a
/// response: a status that is not rebuilt comes back as it was), and `RetryInfo` as
/// `Retry-After`.
pub(crate) fn received_parts(status: &Status) -> (Problem, http::HeaderMap) {
    let mut problem =
        Problem::new(http_status(status.code())).with_detail(status.message().to_owned());
    // The code is `ErrorInfo`'s reason only: a status without one names no variant.
    if let Some(info) = status.get_details_error_info() {
        problem = problem.with_code(info.reason);
        for (name, value) in info.metadata {
            problem.insert_extension(name, value);
        }
    }
    // Field violations come back as RFC 9457's `errors` member, a `Violations`.
    if let Some(bad_request) = status.get_details_bad_request() {
        let violations: Violations = bad_request
            .field_violations
            .into_iter()
            .map(|violation| Violation {
                pointer: pointer_of_dotted(&violation.field),
                detail: violation.description,
            })
            .collect();
        if !violations.is_empty() && !problem.extensions().contains_key("errors") {
            problem.insert_extension(
                "errors",
                serde_json::to_value(&violations).unwrap_or_default(),
            );
        }
    }
    let mut headers = http::HeaderMap::new();
    if let Some(delay) = status
        .get_details_retry_info()
        .and_then(|info| info.retry_delay)
    {
        headers.insert(
            http::header::RETRY_AFTER,
            http::HeaderValue::from(delay.as_secs()),
        );
    }
    (problem, headers)
}

/// A pointer as AIP-193 writes a field path: `pets[1].name`, with a key that is not an
/// identifier quoted (`labels["a.b"]`); the whole request is the empty path.
fn dotted(pointer: &Pointer) -> String {
    let mut path = String::new();
    for key in pointer.keys() {
        let is_identifier = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(&key);
            path.push(']');
        } else if is_identifier {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
        } else {
            path.push('[');
            path.push_str(&Value::from(key.as_ref()).to_string());
            path.push(']');
        }
    }
    path
}

/// The pointer of an AIP-193 field path, as [`dotted`] writes it; a path it cannot read is
/// taken as one member's name.
fn pointer_of_dotted(path: &str) -> Pointer {
    let mut pointer = Pointer::root();
    let mut rest = path;
    while !rest.is_empty() {
        rest = rest.strip_prefix('.').unwrap_or(rest);
        if rest.starts_with("[\"") {
            let Some((key, after)) = quoted(&rest[1..]) else {
                return Pointer::field(path);
            };
            let Some(after) = after.strip_prefix(']') else {
                return Pointer::field(path);
            };
            pointer = pointer.key(&key);
            rest = after;
        } else if let Some(inside) = rest.strip_prefix('[') {
            let Some((index, after)) = inside.split_once(']') else {
                return Pointer::field(path);
            };
            match index.parse::<usize>() {
                Ok(index) => pointer = pointer.index(index),
                Err(_) => return Pointer::field(path),
            }
            rest = after;
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            if end == 0 {
                return Pointer::field(path);
            }
            pointer = pointer.key(&rest[..end]);
            rest = &rest[end..];
        }
    }
    pointer
}

/// The JSON string `text` starts with, read, and the text after it.
fn quoted(text: &str) -> Option<(String, &str)> {
    let mut escaped = false;
    for (at, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some((serde_json::from_str(&text[..=at]).ok()?, &text[at + 1..])),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{dotted, pointer_of_dotted, truncated};
    use crate::Pointer;

    #[test]
    fn a_pointer_travels_as_aip_193_writes_a_field_path() {
        let cases = [
            (Pointer::root(), ""),
            (Pointer::field("age"), "age"),
            (Pointer::field("pets").index(1).key("name"), "pets[1].name"),
            (Pointer::field("grid").index(0).index(2), "grid[0][2]"),
            (
                Pointer::field("labels").key("a.b").key("x y").key(""),
                r#"labels["a.b"]["x y"][""]"#,
            ),
            (Pointer::field("ü\"]"), r#"["ü\"]"]"#),
        ];
        for (pointer, path) in cases {
            assert_eq!(dotted(&pointer), path);
            assert_eq!(pointer_of_dotted(path), pointer, "{path}");
        }
        // What another server writes and this one would not read stays one member's name.
        assert_eq!(pointer_of_dotted("a[x]"), Pointer::field("a[x]"));
        assert_eq!(pointer_of_dotted("a..b"), Pointer::field("a..b"));
    }

    #[test]
    fn a_long_message_is_cut_at_a_character_and_marked() {
        assert_eq!(truncated("short", 8), "short");
        assert_eq!(truncated("exactly8", 8), "exactly8");
        assert_eq!(truncated("123456789", 8), "12345…");
        // `é` is two bytes: the cut moves back to the character's start.
        assert_eq!(truncated("ééééé", 8), "éé…");
        assert!(truncated(&"日".repeat(1000), 2048).len() <= 2048);
    }
}
