//! The trait is implementable by hand: the derive is a convenience, not a requirement. The
//! table is built from `const` items, and the methods that carry per-occurrence data
//! (`write_detail`, `write_extensions`, `write_headers`) are overridden.

use std::fmt;

use http::{HeaderMap, HeaderValue, StatusCode};
use serde_json::{json, Value};
use status_core::{ApiStatus, Extensions, Problem, Status, Table, VariantInfo, PROBLEM_JSON};

#[derive(Debug)]
enum QuotaError {
    /// 429 with a detail, extensions and a `Retry-After` built from fields.
    Exceeded {
        used: u32,
        limit: u32,
        reset_in: u64,
    },
    /// 403 with a description and a static header.
    Suspended,
    /// 404 with nothing but the status: every text comes from the catalog.
    Gone,
    /// 409, which the catalog does not document: code and description are given.
    Conflict(String),
    /// 400 whose detail cannot be written.
    Unwritable,
}

const EXCEEDED: VariantInfo = VariantInfo::new("Exceeded", 429)
    .with_code("quota_exceeded")
    .with_message("used {used} of {limit}", true)
    .with_extensions(&["used", "limit"])
    .with_field_headers(&["retry-after"]);
const SUSPENDED: VariantInfo = VariantInfo::new("Suspended", 403)
    .with_description("The account is suspended.")
    .with_headers(&[("cache-control", "no-store")]);
const GONE: VariantInfo = VariantInfo::new("Gone", 404);
const CONFLICT: VariantInfo = VariantInfo::new("Conflict", 409)
    .with_code("edit_conflict")
    .with_description("The resource was edited meanwhile.")
    .with_message("{0} was edited meanwhile", true);
const UNWRITABLE: VariantInfo =
    VariantInfo::new("Unwritable", 400).with_message("a fixed fallback", false);

const VARIANTS: &[VariantInfo] = &[EXCEEDED, SUSPENDED, GONE, CONFLICT, UNWRITABLE];
const TABLE: Table = Table::new("QuotaError", VARIANTS);

impl ApiStatus for QuotaError {
    fn table() -> Table {
        TABLE
    }

    fn variant(&self) -> &'static VariantInfo {
        match self {
            Self::Exceeded { .. } => &VARIANTS[0],
            Self::Suspended => &VARIANTS[1],
            Self::Gone => &VARIANTS[2],
            Self::Conflict(_) => &VARIANTS[3],
            Self::Unwritable => &VARIANTS[4],
        }
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self {
            Self::Exceeded { used, limit, .. } => write!(out, "used {used} of {limit}"),
            Self::Conflict(resource) => write!(out, "{resource} was edited meanwhile"),
            Self::Unwritable => {
                out.write_str("half of a det")?;
                Err(fmt::Error)
            }
            Self::Suspended | Self::Gone => out.write_str(self.variant().detail()),
        }
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        if let Self::Exceeded { used, limit, .. } = self {
            extensions.insert("used", used);
            extensions.insert("limit", limit);
        }
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        if let Self::Exceeded { reset_in, .. } = self {
            headers.insert(http::header::RETRY_AFTER, HeaderValue::from(*reset_in));
        }
    }
}

fn exceeded() -> QuotaError {
    QuotaError::Exceeded {
        used: 120,
        limit: 100,
        reset_in: 60,
    }
}

fn parsed_body(response: &http::Response<Vec<u8>>) -> Value {
    serde_json::from_slice(response.body()).expect("the body is JSON")
}

#[test]
fn status_code_and_detail_come_from_the_table_and_write_detail() {
    let err = exceeded();
    assert_eq!(err.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(err.code(), "quota_exceeded");
    assert_eq!(err.detail(), "used 120 of 100");
    assert_eq!(err.description(), Status::TooManyRequests.description());
    assert_eq!(err.variant().name(), "Exceeded");
}

#[test]
fn a_row_with_only_a_status_takes_every_text_from_the_catalog() {
    let err = QuotaError::Gone;
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert_eq!(err.code(), Status::NotFound.default_code());
    assert_eq!(err.description(), Status::NotFound.description());
    assert_eq!(err.detail(), Status::NotFound.description());
}

#[test]
fn description_from_the_table_is_the_default_detail() {
    let err = QuotaError::Suspended;
    assert_eq!(err.status(), StatusCode::FORBIDDEN);
    assert_eq!(err.code(), "forbidden");
    assert_eq!(err.description(), "The account is suspended.");
    assert_eq!(err.detail(), "The account is suspended.");
}

#[test]
fn a_row_on_an_unused_or_unregistered_status_has_no_text_to_take() {
    for status in [418, 499, 599] {
        let row = VariantInfo::new("Odd", status);
        assert_eq!(row.description(), "", "{status}");
        assert_eq!(row.detail(), "", "{status}");
        assert_eq!(row.code(), "error", "{status}");
        assert_eq!(row.title(), None, "{status}");
    }
    let registered = VariantInfo::new("Taken", 409);
    assert_eq!(registered.code(), "conflict");
    assert_eq!(registered.title(), Some("Conflict"));
}

#[test]
fn write_detail_writes_into_any_fmt_write() {
    let mut out = String::from("> ");
    QuotaError::Conflict("order 7".into())
        .write_detail(&mut out)
        .unwrap();
    assert_eq!(out, "> order 7 was edited meanwhile");
}

#[test]
fn problem_carries_title_status_detail_code_and_extensions() {
    let expected = Problem::new(StatusCode::TOO_MANY_REQUESTS)
        .with_detail("used 120 of 100")
        .with_code("quota_exceeded")
        .with_extension("used", 120)
        .with_extension("limit", 100);
    let problem = exceeded().problem();
    assert_eq!(problem, expected);
    assert_eq!(problem.title(), Some("Too Many Requests"));
    assert_eq!(problem.type_uri(), "about:blank");
    assert_eq!(problem.instance(), None);
}

#[test]
fn undocumented_status_gets_the_iana_title_and_the_given_texts() {
    let problem = QuotaError::Conflict("cart".into()).problem();
    assert_eq!(
        serde_json::to_value(&problem).unwrap(),
        json!({
            "title": "Conflict",
            "status": 409,
            "detail": "cart was edited meanwhile",
            "code": "edit_conflict"
        })
    );
}

#[test]
fn headers_hold_content_type_static_headers_and_written_headers() {
    let headers = exceeded().headers();
    assert_eq!(headers["content-type"], PROBLEM_JSON);
    assert_eq!(headers["retry-after"], "60");
    assert_eq!(headers.len(), 2, "{headers:?}");

    let headers = QuotaError::Suspended.headers();
    assert_eq!(headers["content-type"], PROBLEM_JSON);
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers.len(), 2, "{headers:?}");

    let headers = QuotaError::Gone.headers();
    assert_eq!(headers.len(), 1, "{headers:?}");
}

#[test]
fn response_is_problem_json_with_status_headers_and_body() {
    let response = exceeded().response();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["retry-after"], "60");
    assert_eq!(
        parsed_body(&response),
        json!({
            "title": "Too Many Requests",
            "status": 429,
            "detail": "used 120 of 100",
            "code": "quota_exceeded",
            "used": 120,
            "limit": 100
        })
    );
}

#[test]
fn response_body_parses_back_into_the_same_problem() {
    for err in [
        exceeded(),
        QuotaError::Suspended,
        QuotaError::Gone,
        QuotaError::Conflict("x".into()),
    ] {
        let parsed: Problem = serde_json::from_slice(&err.body()).unwrap();
        assert_eq!(parsed, err.problem(), "{err:?}");
        assert_eq!(err.response().body(), &err.body(), "{err:?}");
    }
}

#[test]
fn detail_text_is_json_escaped_in_the_body() {
    let resource = "the \"cart\"\n\\ of\tann \u{7}";
    let err = QuotaError::Conflict(resource.into());
    let response = err.response();
    assert!(!response.body().contains(&b'\n'));
    assert!(!response.body().contains(&7));
    assert_eq!(
        parsed_body(&response)["detail"],
        format!("{resource} was edited meanwhile")
    );
}

#[test]
fn a_failing_write_detail_sends_the_static_detail_not_a_partial_one() {
    let response = QuotaError::Unwritable.response();
    assert_eq!(response.status(), 400);
    assert_eq!(
        parsed_body(&response),
        json!({
            "title": "Bad Request",
            "status": 400,
            "detail": "a fixed fallback",
            "code": "bad_request"
        })
    );
}

#[test]
fn the_table_lists_every_row_in_declaration_order() {
    let table = QuotaError::table();
    assert_eq!(table.type_name(), "QuotaError");
    assert!(table.transparent().is_empty());
    let rows: Vec<(&str, u16, &str)> = table
        .responses()
        .iter()
        .map(|v| (v.name(), v.status().as_u16(), v.code()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Exceeded", 429, "quota_exceeded"),
            ("Suspended", 403, "forbidden"),
            ("Gone", 404, "not_found"),
            ("Conflict", 409, "edit_conflict"),
            ("Unwritable", 400, "bad_request"),
        ]
    );
    assert_eq!(table.variants()[0].field_headers(), ["retry-after"]);
}

#[test]
fn example_shows_the_message_and_extensions_as_placeholders() {
    let example = serde_json::to_value(exceeded().variant().example()).unwrap();
    assert_eq!(
        example,
        json!({
            "title": "Too Many Requests",
            "status": 429,
            "detail": "used {used} of {limit}",
            "code": "quota_exceeded",
            "used": "{used}",
            "limit": "{limit}"
        })
    );
}

#[test]
fn a_hand_written_impl_is_usable_as_dyn_api_status() {
    let concrete = exceeded();
    let err: &dyn ApiStatus = &concrete;
    assert_eq!(err.status(), 429);
    assert_eq!(err.code(), "quota_exceeded");
    assert_eq!(err.description(), concrete.description());
    assert_eq!(err.detail(), "used 120 of 100");
    assert_eq!(err.problem(), concrete.problem());
    assert_eq!(err.headers(), concrete.headers());
    let response = err.response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.body(), concrete.response().body());

    let boxed: Vec<Box<dyn ApiStatus>> = vec![
        Box::new(QuotaError::Suspended),
        Box::new(QuotaError::Gone),
        Box::new(QuotaError::Conflict("a".into())),
    ];
    let statuses: Vec<u16> = boxed.iter().map(|e| e.status().as_u16()).collect();
    assert_eq!(statuses, [403, 404, 409]);
}

/// Built at run time, a row checks its code as constant evaluation would.
#[test]
fn a_code_with_a_quote_backslash_or_control_character_is_refused() {
    for code in ["a\"b", "a\\b", "a\nb", "\u{1f}"] {
        let refused = std::panic::catch_unwind(|| VariantInfo::new("X", 404).with_code(code));
        assert!(refused.is_err(), "{code:?}");
    }
    assert_eq!(VariantInfo::new("X", 404).with_code("a b~").code(), "a b~");
}
