//! What a derived type does at run time, seen from outside as a user sees it.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};
use status_core::{ApiStatus, Status};

#[derive(Debug, thiserror::Error, ApiStatus)]
enum AuthError {
    #[error("token expired")]
    #[status(401, www_authenticate = "Bearer error=\"invalid_token\"")]
    Expired,
    #[error("needs {role}")]
    #[status(403, message = "needs the {role} role")]
    MissingRole {
        role: &'static str,
        #[status(extension)]
        required: Vec<&'static str>,
    },
}

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ServiceError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
    #[error("busy")]
    #[status(503)]
    Busy {
        #[status(retry_after)]
        retry_in: Option<u64>,
    },
}

#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(display)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "user_not_found")]
    UserNotFound { id: u64 },
    #[error("no such page")]
    #[status(404, message = "the page is gone")]
    PageGone,
    /// The resource changed since the client last read it.
    #[error("conflict on {0}")]
    #[status(409)]
    Conflict(String),
    #[error("validation failed")]
    #[status(422, description = "The request body failed validation.")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
        #[status(extension = "field_count")]
        count: usize,
    },
    #[error("slow down")]
    #[status(429, retry_after = 30)]
    SlowDown,
    #[error("slow down for {wait:?}")]
    #[status(429)]
    Throttled {
        #[status(retry_after)]
        wait: Duration,
    },
    #[error("database: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
    #[error("upstream {host} failed")]
    #[status(502, display, expose)]
    Upstream { host: &'static str },
    #[error(transparent)]
    #[status(transparent)]
    Service(ServiceError),
}

fn body(err: &impl ApiStatus) -> Value {
    serde_json::from_slice(err.response().body()).unwrap()
}

#[test]
fn code_defaults_to_the_variant_name_in_snake_case() {
    assert_eq!(ApiError::PageGone.code(), "page_gone");
    assert_eq!(ApiError::SlowDown.code(), "slow_down");
    assert_eq!(ApiError::UserNotFound { id: 1 }.code(), "user_not_found");
}

#[test]
fn enum_level_display_gives_client_errors_their_thiserror_message() {
    let err = ApiError::UserNotFound { id: 42 };
    assert_eq!(err.detail(), "user 42 not found");
    assert_eq!(
        body(&err),
        json!({"title": "Not Found", "status": 404, "detail": "user 42 not found", "code": "user_not_found"})
    );
    assert_eq!(
        ApiError::Conflict("order 7".into()).detail(),
        "conflict on order 7"
    );
}

#[test]
fn a_message_takes_precedence_over_display() {
    assert_eq!(ApiError::PageGone.detail(), "the page is gone");
}

#[test]
fn server_errors_never_send_the_inner_error_text() {
    let err = ApiError::from(std::io::Error::other(
        "password=hunter2 at db.internal:5432",
    ));
    let response = err.response();
    assert_eq!(response.status(), 500);
    let text = String::from_utf8(response.body().clone()).unwrap();
    assert!(
        !text.contains("hunter2") && !text.contains("db.internal"),
        "{text}"
    );
    assert_eq!(err.detail(), Status::InternalServerError.description());
}

#[test]
fn expose_lets_a_server_error_show_its_display() {
    let err = ApiError::Upstream { host: "payments" };
    assert_eq!(err.status(), 502);
    assert_eq!(err.detail(), "upstream payments failed");
}

#[test]
fn description_comes_from_the_key_the_doc_comment_or_the_catalog() {
    let described = ApiError::Invalid {
        errors: BTreeMap::new(),
        count: 0,
    };
    assert_eq!(
        described.description(),
        "The request body failed validation."
    );
    assert_eq!(
        ApiError::Conflict(String::new()).description(),
        "The resource changed since the client last read it."
    );
    assert_eq!(
        ApiError::SlowDown.description(),
        Status::TooManyRequests.description()
    );
}

#[test]
fn extension_fields_are_serialized_into_the_body() {
    let errors = BTreeMap::from([("email".to_owned(), vec!["is taken".to_owned()])]);
    let err = ApiError::Invalid { errors, count: 1 };
    assert_eq!(
        body(&err),
        json!({
            "title": "Unprocessable Entity",
            "status": 422,
            // Enum-level `display`: a 4xx without a `message` shows its thiserror text.
            "detail": "validation failed",
            "code": "invalid",
            "errors": {"email": ["is taken"]},
            "field_count": 1
        })
    );
}

#[test]
fn retry_after_from_a_literal_a_duration_and_an_absent_option() {
    assert_eq!(ApiError::SlowDown.headers()["retry-after"], "30");
    let throttled = ApiError::Throttled {
        wait: Duration::from_millis(1001),
    };
    assert_eq!(throttled.headers()["retry-after"], "2");
    let busy = ServiceError::Busy { retry_in: None };
    assert!(busy.headers().get("retry-after").is_none());
    let busy = ServiceError::Busy { retry_in: Some(9) };
    assert_eq!(busy.headers()["retry-after"], "9");
}

#[test]
fn transparent_forwards_everything_through_two_levels() {
    let err = ApiError::Service(ServiceError::Auth(AuthError::MissingRole {
        role: "admin",
        required: vec!["admin"],
    }));
    assert_eq!(err.status(), 403);
    assert_eq!(err.code(), "missing_role");
    assert_eq!(err.variant().name(), "MissingRole");
    assert_eq!(
        body(&err),
        json!({"title": "Forbidden", "status": 403, "detail": "needs the admin role", "code": "missing_role", "required": ["admin"]})
    );
    let expired = ApiError::Service(ServiceError::Auth(AuthError::Expired));
    assert_eq!(
        expired.headers()["www-authenticate"],
        "Bearer error=\"invalid_token\""
    );
}

#[test]
fn every_response_is_problem_json() {
    let response = ApiError::SlowDown.response();
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers().len(), 2, "{:?}", response.headers());
}

#[test]
fn the_table_lists_own_and_forwarded_responses_once_each() {
    let names: Vec<&str> = ApiError::table()
        .responses()
        .iter()
        .map(|v| v.name())
        .collect();
    assert_eq!(
        names,
        [
            "UserNotFound",
            "PageGone",
            "Conflict",
            "Invalid",
            "SlowDown",
            "Throttled",
            "Database",
            "Upstream",
            "Busy",
            "Expired",
            "MissingRole"
        ]
    );
}

#[test]
fn examples_show_fields_as_placeholders() {
    let table = ApiError::table();
    let user = &table.variants()[0];
    // A `display` variant documents its thiserror message.
    assert_eq!(user.example().detail(), Some("user {id} not found"));
    let invalid = table
        .variants()
        .iter()
        .find(|v| v.name() == "Invalid")
        .unwrap();
    let example = serde_json::to_value(invalid.example()).unwrap();
    assert_eq!(example["errors"], "{errors}");
    assert_eq!(example["field_count"], "{field_count}");
    let database = table
        .variants()
        .iter()
        .find(|v| v.name() == "Database")
        .unwrap();
    assert_eq!(
        database.example().detail(),
        Some(Status::InternalServerError.description())
    );
}

#[test]
fn a_derived_value_works_as_dyn_api_status() {
    let errors: Vec<Box<dyn ApiStatus>> = vec![
        Box::new(ApiError::PageGone),
        Box::new(AuthError::Expired),
        Box::new(ServiceError::Busy { retry_in: Some(1) }),
    ];
    let statuses: Vec<u16> = errors
        .iter()
        .map(|e| e.response().status().as_u16())
        .collect();
    assert_eq!(statuses, [404, 401, 503]);
}
