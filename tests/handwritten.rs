//! The trait is implementable by hand: the derive is a convenience, not a requirement.

use http::{HeaderMap, HeaderValue, StatusCode};
use status_core::{ApiStatus, Problem, Table, VariantInfo};

enum QuotaError {
    Exceeded { used: u32, limit: u32 },
    Suspended,
}

const VARIANTS: &[VariantInfo] = &[
    VariantInfo::new("Exceeded", 429)
        .with_code("quota_exceeded")
        .with_message("used {used} of {limit}", true)
        .with_extensions(&["limit"])
        .with_field_headers(&["retry-after"]),
    VariantInfo::new("Suspended", 403)
        .with_description("The account is suspended.")
        .with_headers(&[("cache-control", "no-store")]),
];

impl ApiStatus for QuotaError {
    fn table() -> Table {
        Table::new("QuotaError", VARIANTS)
    }

    fn variant(&self) -> &'static VariantInfo {
        match self {
            Self::Exceeded { .. } => &VARIANTS[0],
            Self::Suspended => &VARIANTS[1],
        }
    }

    fn write_detail(&self, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        match self {
            Self::Exceeded { used, limit } => write!(out, "used {used} of {limit}"),
            Self::Suspended => out.write_str(self.variant().detail()),
        }
    }

    fn write_extensions(&self, problem: &mut Problem) {
        if let Self::Exceeded { limit, .. } = self {
            problem.insert_extension("limit", *limit);
        }
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        if let Self::Exceeded { .. } = self {
            headers.insert("retry-after", HeaderValue::from_static("60"));
        }
    }
}

#[test]
fn a_hand_written_impl_gets_every_default_method() {
    let err = QuotaError::Exceeded {
        used: 120,
        limit: 100,
    };
    assert_eq!(err.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(err.code(), "quota_exceeded");
    assert_eq!(err.detail(), "used 120 of 100");
    let problem = err.problem();
    assert_eq!(problem.title(), Some("Too Many Requests"));
    assert_eq!(problem.extensions()["limit"], 100);
}

#[test]
fn a_hand_written_impl_serves_a_whole_response() {
    let response = QuotaError::Exceeded { used: 1, limit: 1 }.response();
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["retry-after"], "60");
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "title": "Too Many Requests", "status": 429, "detail": "used 1 of 1",
            "code": "quota_exceeded", "limit": 1
        })
    );
}

#[test]
fn static_headers_and_descriptions_come_from_the_table() {
    let response = QuotaError::Suspended.response();
    assert_eq!(response.status(), 403);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(QuotaError::Suspended.detail(), "The account is suspended.");
    assert_eq!(QuotaError::Suspended.code(), "forbidden");
}

#[test]
fn a_hand_written_impl_is_usable_as_dyn_api_status() {
    let err: &dyn ApiStatus = &QuotaError::Suspended;
    assert_eq!(err.status(), 403);
    assert_eq!(err.response().status(), 403);
    assert_eq!(QuotaError::table().responses().len(), 2);
}
