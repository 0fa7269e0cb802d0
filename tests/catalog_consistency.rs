//! The derive's copies of the registry and of the members a problem holds itself agree with
//! status-core's, and a variant on a documented error code needs no description (else this
//! file would not compile): it gets the catalog's texts, both in the static table and in the
//! responses it serves.
//!
//! 200 is documented too, but the derive maps errors and rejects it; so the enum covers
//! exactly the documented codes of the error classes.

use serde_json::{json, Value};
use status_core::{ApiStatus, Problem, RegisteredStatus, Status, StatusClass};

/// The derive's copy of the registry, which it takes defaults and static bodies from, and of
/// the members no extension may be named.
#[path = "../status-derive/src/catalog.rs"]
#[allow(dead_code)]
mod derive_catalog;

/// One variant per documented error code, each named after its catalog entry, none described.
#[derive(Debug, ApiStatus)]
enum EveryDocumentedError {
    #[status(400)]
    BadRequest,
    #[status(401, www_authenticate = "Bearer")]
    Unauthorized,
    #[status(403)]
    Forbidden,
    #[status(404)]
    NotFound,
    #[status(405, allow = "GET")]
    MethodNotAllowed,
    #[status(429)]
    TooManyRequests,
    #[status(500)]
    InternalServerError,
    #[status(502)]
    BadGateway,
    #[status(503)]
    ServiceUnavailable,
}

/// Every value, in declaration order.
const VALUES: [EveryDocumentedError; 9] = [
    EveryDocumentedError::BadRequest,
    EveryDocumentedError::Unauthorized,
    EveryDocumentedError::Forbidden,
    EveryDocumentedError::NotFound,
    EveryDocumentedError::MethodNotAllowed,
    EveryDocumentedError::TooManyRequests,
    EveryDocumentedError::InternalServerError,
    EveryDocumentedError::BadGateway,
    EveryDocumentedError::ServiceUnavailable,
];

/// The catalog's documented error statuses, in ascending order of code.
fn documented_errors() -> Vec<Status> {
    Status::ALL
        .into_iter()
        .filter(|s| s.class().is_error())
        .collect()
}

/// Each documented error value beside the catalog entry of its status, every one of them.
fn values_with_their_status() -> Vec<(&'static EveryDocumentedError, Status)> {
    let documented = documented_errors();
    assert_eq!(
        VALUES.len(),
        documented.len(),
        "a documented error value per error status"
    );
    VALUES.iter().zip(documented).collect()
}

#[test]
fn the_derive_holds_the_registry_byte_for_byte() {
    assert_eq!(
        include_str!("../status-derive/src/registry_entries.rs"),
        include_str!("../status-core/src/status/registry_entries.rs"),
        "status-derive/src/registry_entries.rs is a copy of status-core's: copy it again"
    );
    for entry in RegisteredStatus::ALL {
        let copy = derive_catalog::registered(entry.status()).unwrap();
        assert_eq!(copy.reason, entry.reason());
        assert_eq!(copy.description, entry.description());
        assert_eq!(copy.is_unused(), entry.is_unused());
    }
}

#[test]
fn the_members_the_derive_reserves_are_those_a_full_problem_serializes() {
    let full = Problem::new(http::StatusCode::NOT_FOUND)
        .with_type("https://api.example.com/problems/gone")
        .with_title("Gone")
        .with_detail("The user was deleted.")
        .with_instance("/users/7")
        .with_code("gone");
    let body: Value = serde_json::from_slice(&full.to_json()).unwrap();
    let mut held: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    held.sort_unstable();
    let mut reserved = derive_catalog::RESERVED_MEMBERS.to_vec();
    reserved.sort_unstable();
    assert_eq!(
        held, reserved,
        "status-derive/src/catalog.rs's RESERVED_MEMBERS differs from the members of a Problem"
    );
}

#[test]
fn status_core_refuses_exactly_the_reserved_names_as_extensions() {
    // The derive refuses these names at compile time, and its generated code then inserts
    // extensions unchecked: the two lists must agree.
    for name in derive_catalog::RESERVED_MEMBERS {
        let mut problem = Problem::new(http::StatusCode::NOT_FOUND).with_code("gone");
        assert!(
            !problem.insert_extension(name, "shadow"),
            "`{name}` was taken"
        );
        assert!(problem.extensions().is_empty(), "`{name}`");
        assert_eq!(problem.code(), Some("gone"), "`{name}`");
    }
    for name in [
        "errors",
        "balance",
        "codes",
        "Type",
        "status_code",
        "instance_id",
    ] {
        let mut problem = Problem::new(http::StatusCode::NOT_FOUND);
        assert!(
            problem.insert_extension(name, "taken"),
            "`{name}` was refused"
        );
        assert_eq!(problem.extensions()[name], "taken");
    }
}

#[test]
fn the_enum_covers_every_documented_error_code_and_only_200_is_left_out() {
    let covered: Vec<u16> = VALUES.iter().map(|v| v.status().as_u16()).collect();
    let documented: Vec<u16> = documented_errors().iter().map(|s| s.code()).collect();
    assert_eq!(covered, documented);
    let left_out: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| !covered.contains(&s.code()))
        .collect();
    assert_eq!(left_out, [Status::Ok]);
    assert_eq!(Status::Ok.class(), StatusClass::Success);
}

#[test]
fn every_documented_error_row_takes_its_texts_from_the_catalog() {
    let rows = EveryDocumentedError::table().variants();
    let documented = documented_errors();
    assert_eq!(rows.len(), documented.len());
    for (row, status) in rows.iter().zip(documented) {
        assert_eq!(row.status(), status.to_http(), "{status}");
        assert_eq!(Status::try_from(row.status()), Ok(status), "{status}");
        assert_eq!(row.description(), status.description(), "{status}");
        assert_eq!(row.detail(), status.description(), "{status}");
        assert_eq!(row.message(), None, "{status}");
        // Named after the catalog entry, the snake-case code is the catalog's code.
        assert_eq!(row.code(), status.default_code(), "{status}");
        let example = row.example();
        assert_eq!(example.title(), Some(status.reason()), "{status}");
        assert_eq!(example.detail(), Some(status.description()), "{status}");
    }
}

#[test]
fn every_documented_error_value_serves_the_catalog_texts() {
    for (err, status) in values_with_their_status() {
        assert_eq!(err.status(), status.to_http(), "{status}");
        assert_eq!(err.description(), status.description(), "{status}");
        assert_eq!(err.detail(), status.description(), "{status}");
        assert_eq!(err.code(), status.default_code(), "{status}");
        let response = err.response();
        assert_eq!(response.status(), status.to_http(), "{status}");
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(
            body,
            json!({
                "title": status.reason(),
                "status": status.code(),
                "detail": status.description(),
                "code": status.default_code()
            }),
            "{status}"
        );
    }
}

#[test]
fn the_catalog_example_response_matches_what_the_variant_serves() {
    // The catalog's example bodies show the envelope; their status and title agree with a
    // derived variant of the same code.
    for (err, status) in values_with_their_status() {
        let example: Value = serde_json::from_str(status.example_response()).unwrap();
        let served: Value = serde_json::from_slice(&err.body()).unwrap();
        assert_eq!(example["status"], served["status"], "{status}");
        assert_eq!(example["title"], served["title"], "{status}");
    }
}
