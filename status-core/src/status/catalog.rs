//! The documented status codes and their texts.
//!
//! The texts are the product's source documentation (`status-codes.txt` in this crate), compiled
//! in as constants; `tests` below checks them against that file word for word.

use core::fmt;

use http::StatusCode;

use crate::status::registry::{registered, RegisteredStatus};
use crate::StatusClass;

/// The "General Information" paragraph of the source documentation.
///
/// ```
/// assert!(status_core::GENERAL_INFORMATION.starts_with("HTTP status codes are three-digit numbers"));
/// ```
pub const GENERAL_INFORMATION: &str = "HTTP status codes are three-digit numbers returned by the \
server to indicate the outcome of a request. These codes help you understand how the server \
processed your request and whether any issues occurred.";

/// A documented HTTP status code: one of the ten codes this crate's catalog describes.
///
/// ```
/// use status_core::Status;
///
/// let status = Status::from_u16(429).unwrap();
/// assert_eq!(status, Status::TooManyRequests);
/// assert_eq!(status.reason(), "Too Many Requests");
/// assert!(Status::from_u16(418).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// 200 OK.
    Ok,
    /// 400 Bad Request.
    BadRequest,
    /// 401 Unauthorized.
    Unauthorized,
    /// 403 Forbidden.
    Forbidden,
    /// 404 Not Found.
    NotFound,
    /// 405 Method Not Allowed.
    MethodNotAllowed,
    /// 429 Too Many Requests.
    TooManyRequests,
    /// 500 Internal Server Error.
    InternalServerError,
    /// 502 Bad Gateway.
    BadGateway,
    /// 503 Service Unavailable.
    ServiceUnavailable,
}

impl Status {
    /// Every documented status, in ascending order of code.
    ///
    /// ```
    /// use status_core::Status;
    ///
    /// let codes: Vec<u16> = Status::ALL.iter().map(|s| s.code()).collect();
    /// assert_eq!(codes, [200, 400, 401, 403, 404, 405, 429, 500, 502, 503]);
    /// ```
    pub const ALL: [Self; 10] = [
        Self::Ok,
        Self::BadRequest,
        Self::Unauthorized,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::TooManyRequests,
        Self::InternalServerError,
        Self::BadGateway,
        Self::ServiceUnavailable,
    ];

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(status_core::Status::NotFound.code(), 404);
    /// ```
    #[must_use]
    pub const fn code(self) -> u16 {
        self.entry().registered.status()
    }

    /// The documented status for `code`, or `None` when the catalog does not describe it.
    ///
    /// ```
    /// use status_core::Status;
    ///
    /// assert_eq!(Status::from_u16(503), Some(Status::ServiceUnavailable));
    /// assert_eq!(Status::from_u16(409), None);
    /// ```
    #[must_use]
    pub const fn from_u16(code: u16) -> Option<Self> {
        Some(match code {
            200 => Self::Ok,
            400 => Self::BadRequest,
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            429 => Self::TooManyRequests,
            500 => Self::InternalServerError,
            502 => Self::BadGateway,
            503 => Self::ServiceUnavailable,
            _ => return None,
        })
    }

    /// The reason phrase, as in the status line (`"Not Found"`).
    ///
    /// ```
    /// assert_eq!(status_core::Status::MethodNotAllowed.reason(), "Method Not Allowed");
    /// ```
    #[must_use]
    pub const fn reason(self) -> &'static str {
        self.entry().registered.reason()
    }

    /// What the status means, from the catalog's "Description".
    ///
    /// ```
    /// assert_eq!(
    ///     status_core::Status::NotFound.description(),
    ///     "The server cannot find the requested resource.",
    /// );
    /// ```
    #[must_use]
    pub const fn description(self) -> &'static str {
        self.entry().registered.description()
    }

    /// When to answer with this status, from the catalog's "Used For" lines.
    ///
    /// ```
    /// let uses = status_core::Status::NotFound.uses();
    /// assert_eq!(uses[1], "Incorrect URL or endpoint in the request.");
    /// ```
    #[must_use]
    pub const fn uses(self) -> &'static [&'static str] {
        self.entry().uses
    }

    /// The class of this status.
    ///
    /// ```
    /// use status_core::{Status, StatusClass};
    ///
    /// assert_eq!(Status::BadGateway.class(), StatusClass::ServerError);
    /// ```
    #[must_use]
    pub const fn class(self) -> StatusClass {
        match StatusClass::of(self.code()) {
            Some(class) => class,
            // Every catalog code lies in 200..=599; the test `every_class_matches_its_code` pins it.
            None => StatusClass::ServerError,
        }
    }

    /// A realistic `application/problem+json` body for this status.
    ///
    /// The source documentation leaves "Example Response" empty; these fill it in with the
    /// envelope this crate serves (RFC 9457 Problem Details).
    ///
    /// ```
    /// let body: serde_json::Value =
    ///     serde_json::from_str(status_core::Status::TooManyRequests.example_response()).unwrap();
    /// assert_eq!(body["status"], 429);
    /// ```
    #[must_use]
    pub const fn example_response(self) -> &'static str {
        self.entry().example
    }

    /// The machine-readable code the catalog uses for this status (`"not_found"`).
    ///
    /// ```
    /// assert_eq!(status_core::Status::TooManyRequests.default_code(), "too_many_requests");
    /// ```
    #[must_use]
    pub const fn default_code(self) -> &'static str {
        match self.entry().registered.default_code() {
            Some(code) => code,
            // Unreachable: no documented status is an unused one (`conversions_round_trip`).
            None => "error",
        }
    }

    /// The `http` crate's status code for this status.
    ///
    /// ```
    /// assert_eq!(status_core::Status::Forbidden.to_http(), http::StatusCode::FORBIDDEN);
    /// ```
    #[must_use]
    pub const fn to_http(self) -> StatusCode {
        match StatusCode::from_u16(self.code()) {
            Ok(code) => code,
            // Unreachable: every catalog code is a valid status code (`conversions_round_trip`).
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What a body of this status holds before its detail, when it has no title of its own:
    /// `"title":"Not Found","status":404,"detail":"`.
    pub(crate) const fn title_to_detail(self) -> &'static str {
        self.entry().title_to_detail
    }

    const fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }
}

impl fmt::Display for Status {
    /// Formats as a status line does: `404 Not Found`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.reason())
    }
}

impl From<Status> for StatusCode {
    fn from(status: Status) -> Self {
        status.to_http()
    }
}

impl From<Status> for u16 {
    fn from(status: Status) -> Self {
        status.code()
    }
}

/// The error of converting a status code the catalog does not document into a [`Status`].
///
/// ```
/// use status_core::Status;
///
/// let err = Status::try_from(418_u16).unwrap_err();
/// assert_eq!(err.code(), 418);
/// assert_eq!(err.to_string(), "HTTP status 418 is not in the documented catalog");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndocumentedStatus(u16);

impl UndocumentedStatus {
    /// The code that was not found in the catalog.
    ///
    /// ```
    /// let err = status_core::Status::try_from(http::StatusCode::CONFLICT).unwrap_err();
    /// assert_eq!(err.code(), 409);
    /// ```
    #[must_use]
    pub const fn code(self) -> u16 {
        self.0
    }
}

impl fmt::Display for UndocumentedStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP status {} is not in the documented catalog", self.0)
    }
}

impl std::error::Error for UndocumentedStatus {}

impl TryFrom<u16> for Status {
    type Error = UndocumentedStatus;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        Self::from_u16(code).ok_or(UndocumentedStatus(code))
    }
}

impl TryFrom<StatusCode> for Status {
    type Error = UndocumentedStatus;

    fn try_from(code: StatusCode) -> Result<Self, Self::Error> {
        Self::try_from(code.as_u16())
    }
}

/// What the catalog adds to a registered status: its uses and example, from the source
/// documentation. The reason phrase and description are the registry's (`registry_entries.rs`
/// holds the source's texts for these ten).
struct Entry {
    registered: &'static RegisteredStatus,
    /// `"title":"Not Found","status":404,"detail":"`: what a body of the status holds before
    /// its detail, when it has no title of its own.
    title_to_detail: &'static str,
    uses: &'static [&'static str],
    example: &'static str,
}

/// An [`Entry`], with `title_to_detail` spelled from its code and reason phrase (which
/// `each_status_spells_the_members_before_its_detail` checks against the registry's).
macro_rules! entry {
    (code: $code:literal, reason: $reason:literal, $($rest:tt)*) => {
        Entry {
            registered: registered($code),
            title_to_detail: concat!("\"title\":\"", $reason, "\",\"status\":", $code, ",\"detail\":\""),
            $($rest)*
        }
    };
}

// In the order of `Status`'s variants, so `self as usize` indexes it.
const ENTRIES: [Entry; 10] = [
    entry! {
        code: 200,
        reason: "OK",
        uses: &["A successful GET, POST, PUT, PATCH, or DELETE request where the action has been completed."],
        example: r#"{
  "title": "OK",
  "status": 200,
  "detail": "The request was successful, and the server returned the requested data (if applicable).",
  "code": "ok"
}"#,
    },
    entry! {
        code: 400,
        reason: "Bad Request",
        uses: &[
            "The client sends data that is malformed or missing required parameters.",
            "JSON syntax errors or invalid data formats.",
        ],
        example: r#"{
  "title": "Bad Request",
  "status": 400,
  "detail": "Failed to parse the request body as JSON: expected `,` or `}` at line 3 column 5.",
  "instance": "/orders",
  "code": "bad_request"
}"#,
    },
    entry! {
        code: 401,
        reason: "Unauthorized",
        uses: &[
            "The client needs to authenticate before accessing the resource.",
            "The provided credentials (e.g., API keys or tokens) are incorrect or missing.",
        ],
        example: r#"{
  "title": "Unauthorized",
  "status": 401,
  "detail": "The access token expired at 2026-11-24T09:30:00Z; request a new one.",
  "instance": "/accounts/me",
  "code": "unauthorized"
}"#,
    },
    entry! {
        code: 403,
        reason: "Forbidden",
        uses: &[
            "The client does not have permission to access the requested resource.",
            "Authentication might be valid, but the client does not have sufficient rights.",
        ],
        example: r#"{
  "title": "Forbidden",
  "status": 403,
  "detail": "Your role `viewer` cannot delete projects; ask an owner for the `admin` role.",
  "instance": "/projects/7",
  "code": "forbidden"
}"#,
    },
    entry! {
        code: 404,
        reason: "Not Found",
        uses: &[
            "The client requested a non-existent endpoint or resource.",
            "Incorrect URL or endpoint in the request.",
        ],
        example: r#"{
  "title": "Not Found",
  "status": 404,
  "detail": "No user with id 42 exists.",
  "instance": "/users/42",
  "code": "not_found"
}"#,
    },
    entry! {
        code: 405,
        reason: "Method Not Allowed",
        uses: &["The client attempts to use an unsupported HTTP method (e.g., using GET when only POST is allowed)."],
        example: r#"{
  "title": "Method Not Allowed",
  "status": 405,
  "detail": "DELETE is not allowed on /reports; the Allow header lists the methods that are.",
  "instance": "/reports",
  "code": "method_not_allowed"
}"#,
    },
    entry! {
        code: 429,
        reason: "Too Many Requests",
        uses: &["When a user exceeds the rate limit for a given API or service, preventing further requests until a certain time period has passed."],
        example: r#"{
  "title": "Too Many Requests",
  "status": 429,
  "detail": "Rate limit of 100 requests per minute exceeded; retry in 30 seconds.",
  "code": "too_many_requests",
  "retry_after_seconds": 30
}"#,
    },
    entry! {
        code: 500,
        reason: "Internal Server Error",
        uses: &[
            "Generic server errors that don’t fall into other categories.",
            "Issues with the server that require troubleshooting.",
        ],
        example: r#"{
  "title": "Internal Server Error",
  "status": 500,
  "detail": "The server encountered an unexpected condition that prevented it from fulfilling the request.",
  "code": "internal_server_error"
}"#,
    },
    entry! {
        code: 502,
        reason: "Bad Gateway",
        uses: &["Proxy or gateway errors where the server depends on another server for the request."],
        example: r#"{
  "title": "Bad Gateway",
  "status": 502,
  "detail": "The payment provider returned an invalid response; no charge was made.",
  "code": "bad_gateway"
}"#,
    },
    entry! {
        code: 503,
        reason: "Service Unavailable",
        uses: &[
            "Temporary issues with the server, such as maintenance or server overload.",
            "This usually resolves once the server is back online or under less load.",
        ],
        example: r#"{
  "title": "Service Unavailable",
  "status": 503,
  "detail": "Scheduled maintenance until 02:00 UTC; retry after the window closes.",
  "code": "service_unavailable"
}"#,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_spells_the_members_before_its_detail() {
        for status in Status::ALL {
            assert_eq!(
                status.title_to_detail(),
                format!(
                    "\"title\":\"{}\",\"status\":{},\"detail\":\"",
                    status.reason(),
                    status.code()
                )
            );
        }
    }

    /// The source documentation, vendored so the crate builds without the repository around it.
    const SOURCE: &str = include_str!("../../status-codes.txt");

    struct Documented {
        code: u16,
        reason: String,
        description: String,
        uses: Vec<String>,
    }

    /// Splits the source document into its entries, by the headings it uses.
    fn parse_source() -> (String, Vec<Documented>) {
        let mut lines = SOURCE.lines().peekable();
        assert_eq!(lines.next(), Some("Status Codes"));
        assert_eq!(lines.next(), Some("General Information"));
        let general = lines.next().unwrap().to_owned();
        let mut entries = Vec::new();
        while let Some(heading) = lines.next() {
            if heading == "Last updated" {
                break;
            }
            let (code, reason) = heading.split_once(' ').unwrap();
            assert_eq!(lines.next(), Some("Description:"));
            let description = lines.next().unwrap().to_owned();
            assert_eq!(lines.next(), Some("Used For:"));
            let mut uses = Vec::new();
            for line in lines.by_ref() {
                if line == "Example Response:" {
                    break;
                }
                uses.push(line.to_owned());
            }
            entries.push(Documented {
                code: code.parse().unwrap(),
                reason: reason.to_owned(),
                description,
                uses,
            });
        }
        (general, entries)
    }

    #[test]
    fn general_information_matches_source_word_for_word() {
        let (general, _) = parse_source();
        assert_eq!(GENERAL_INFORMATION, general);
        assert!(include_str!("../lib.rs").contains(&general.replace(" These", "\n//! These")));
    }

    #[test]
    fn every_entry_matches_source_word_for_word() {
        let (_, documented) = parse_source();
        assert_eq!(documented.len(), Status::ALL.len());
        for (status, doc) in Status::ALL.into_iter().zip(&documented) {
            assert_eq!(status.code(), doc.code);
            assert_eq!(status.reason(), doc.reason, "{status:?}");
            assert_eq!(status.description(), doc.description, "{status:?}");
            assert_eq!(status.uses(), doc.uses, "{status:?}");
        }
    }

    #[test]
    fn reasons_agree_with_the_http_crate() {
        for status in Status::ALL {
            assert_eq!(Some(status.reason()), status.to_http().canonical_reason());
        }
    }

    #[test]
    fn conversions_round_trip() {
        for status in Status::ALL {
            let code = StatusCode::from(status);
            assert_eq!(code.as_u16(), status.code());
            assert_eq!(u16::from(status), status.code());
            assert_eq!(Status::try_from(code), Ok(status));
            assert_eq!(Status::try_from(status.code()), Ok(status));
            assert_eq!(Status::from_u16(status.code()), Some(status));
        }
    }

    #[test]
    fn undocumented_codes_do_not_convert() {
        for code in (0..1000).filter(|c| !Status::ALL.iter().any(|s| s.code() == *c)) {
            assert_eq!(Status::from_u16(code), None);
            assert_eq!(Status::try_from(code), Err(UndocumentedStatus(code)));
        }
        assert_eq!(
            Status::try_from(StatusCode::IM_A_TEAPOT),
            Err(UndocumentedStatus(418))
        );
        let err = UndocumentedStatus(409);
        assert_eq!(err.code(), 409);
        assert_eq!(
            err.to_string(),
            "HTTP status 409 is not in the documented catalog"
        );
    }

    #[test]
    fn every_class_matches_its_code() {
        for status in Status::ALL {
            assert_eq!(Some(status.class()), StatusClass::of(status.code()));
        }
        assert_eq!(Status::Ok.class(), StatusClass::Success);
        assert_eq!(Status::TooManyRequests.class(), StatusClass::ClientError);
        assert_eq!(Status::ServiceUnavailable.class(), StatusClass::ServerError);
        assert_eq!(StatusClass::of(99), None);
        assert_eq!(StatusClass::of(100), Some(StatusClass::Informational));
        assert_eq!(StatusClass::of(399), Some(StatusClass::Redirection));
    }

    #[test]
    fn all_is_sorted_and_matches_declaration_order() {
        for (index, status) in Status::ALL.into_iter().enumerate() {
            assert_eq!(status as usize, index);
        }
        assert!(Status::ALL.windows(2).all(|w| w[0].code() < w[1].code()));
    }

    #[test]
    fn every_example_response_is_this_status_as_problem_details() {
        for status in Status::ALL {
            let problem: crate::Problem = serde_json::from_str(status.example_response()).unwrap();
            assert_eq!(problem.status(), Some(status.code()), "{status:?}");
            assert_eq!(problem.title(), Some(status.reason()), "{status:?}");
            assert_eq!(problem.code(), Some(status.default_code()), "{status:?}");
            assert!(
                !problem.detail().unwrap_or_default().is_empty(),
                "{status:?}"
            );
        }
    }

    #[test]
    fn display_is_a_status_line() {
        assert_eq!(Status::TooManyRequests.to_string(), "429 Too Many Requests");
    }
}
