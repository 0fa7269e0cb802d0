//! gRPC's status codes and how they correspond to HTTP statuses, as plain data, so the
//! derive's `grpc = "..."` is checked in constant context without the `tonic` feature; the
//! `tonic` module turns them into `tonic::Code`.
//!
//! The correspondence is the one `google/rpc/code.proto` states for each code ("HTTP
//! Mapping: 404 Not Found"), which grpc-gateway's `runtime.HTTPStatusFromCode` applies too
//! (it differs only in mapping `CANCELLED` to 408 where code.proto says 499):
//! <https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto>.

use crate::status::same_text;

/// gRPC's codes by number, named as `tonic::Code`'s variants are, in snake case.
pub(crate) const NAMES: [&str; 17] = [
    "ok",
    "cancelled",
    "unknown",
    "invalid_argument",
    "deadline_exceeded",
    "not_found",
    "already_exists",
    "permission_denied",
    "resource_exhausted",
    "failed_precondition",
    "aborted",
    "out_of_range",
    "unimplemented",
    "internal",
    "unavailable",
    "data_loss",
    "unauthenticated",
];

/// The HTTP status of each code, by number, as code.proto gives it.
#[cfg(feature = "tonic")]
pub(crate) const HTTP_STATUS: [u16; 17] = [
    200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401,
];

/// The number of the error code called `name`; `None` for `"ok"`, which is no error, and
/// for a name that is not a code.
pub(crate) const fn code_number(name: &str) -> Option<i32> {
    let mut number = 1;
    while number < NAMES.len() {
        if same_text(NAMES[number], name) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
            return Some(number as i32);
        }
        number += 1;
    }
    None
}

/// The code a row answers with: its own (`grpc = "..."`), else the one its status maps to.
#[cfg(feature = "tonic")]
pub(crate) fn row_code(own: Option<&str>, status: http::StatusCode) -> i32 {
    own.and_then(code_number)
        .unwrap_or_else(|| code_for_status(status.as_u16()))
}

/// The code an HTTP error status answers with: code.proto's table read backwards, where
/// three codes share 400 (`INVALID_ARGUMENT` is taken), two share 409 (`ABORTED`) and three
/// 500 (`INTERNAL`). A status the table does not name answers as the general status of its
/// class does (400 or 500); anything else is `UNKNOWN`.
#[cfg(feature = "tonic")]
pub(crate) const fn code_for_status(status: u16) -> i32 {
    match status {
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 10,
        429 => 8,
        499 => 1,
        501 => 12,
        503 => 14,
        504 => 4,
        400..=499 => 3,
        500..=599 => 13,
        _ => 2,
    }
}

/// The domain of the gRPC `ErrorInfo` details a type's errors carry, the service's own
/// (`"api.example.com"`), as `google.rpc.ErrorInfo` asks for.
///
/// `#[status(grpc_domain = "api.example.com")]` on the enum implements it. With the `tonic`
/// feature, a derived type converts into `tonic::Status` only where it has one, so an enum
/// that never answers over gRPC needs none.
///
/// ```
/// use status_core::{ApiStatus, GrpcDomain};
///
/// #[derive(Debug, ApiStatus)]
/// #[status(grpc_domain = "api.example.com")]
/// enum ApiError {
///     #[status(404)]
///     NotFound,
/// }
///
/// assert_eq!(ApiError::GRPC_DOMAIN, "api.example.com");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no gRPC domain, which the `ErrorInfo` of its gRPC statuses needs",
    label = "`{Self}` needs `#[status(grpc_domain = \"...\")]` to become a `tonic::Status`",
    note = "add `#[status(grpc_domain = \"api.example.com\")]` to `{Self}`, naming your service"
)]
pub trait GrpcDomain {
    /// The domain name, such as `"api.example.com"`.
    const GRPC_DOMAIN: &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_but_ok_is_an_error_code_with_its_number() {
        assert_eq!(code_number("ok"), None);
        assert_eq!(code_number("not_found"), Some(5));
        assert_eq!(code_number("unauthenticated"), Some(16));
        assert_eq!(code_number("not_foun"), None);
        assert_eq!(code_number("not_founds"), None);
        for (number, name) in NAMES.iter().enumerate().skip(1) {
            assert_eq!(code_number(name), i32::try_from(number).ok());
        }
    }
}
