//! RFC 9457 problem types declared in the attribute: `type_base` on the enum (or struct),
//! `type` and `title` on a variant (or struct), seen from outside as a client sees them.
//!
//! Every expected body below is written out by hand from the attribute grammar and the
//! catalog, not copied from the output.

use status_core::{ApiStatus, VariantInfo};

/// The body as a string, exactly as it goes over the wire.
fn wire(err: &dyn ApiStatus) -> String {
    String::from_utf8(err.body()).expect("the body is UTF-8")
}

/// The row named `name` of `T`'s own variants.
fn row<T: ApiStatus>(name: &str) -> &'static VariantInfo {
    T::table()
        .variants()
        .iter()
        .find(|v| v.name() == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum ApiError {
    #[status(404, message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[status(
        403,
        type = "https://api.example.com/problems/out-of-credit",
        title = "You do not have enough credit",
        message = "you need more credit"
    )]
    OutOfCredit {
        #[status(extension)]
        balance: u32,
    },
    #[status(
        429,
        code = "slow_down",
        title = "Too many requests from this key",
        message = "slow down"
    )]
    RateLimited,
    #[status(400, type = "about:blank", message = "the body is not JSON")]
    Malformed,
    #[status(
        403,
        type = "/problems/plan",
        title = "The \"beta\" plan\\tier is closed"
    )]
    PlanClosed,
    #[status(transparent)]
    Store(StoreError),
}

/// The store refused the write.
#[derive(Debug, ApiStatus)]
#[status(
    409,
    type = "https://api.example.com/problems/write-conflict",
    title = "The record changed meanwhile"
)]
struct StoreError;

#[derive(Debug, ApiStatus)]
#[status(503, type_base = "https://status.example.com/problems#")]
struct Maintenance;

#[derive(Debug, ApiStatus)]
enum Untyped {
    #[status(404, message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[status(503)]
    Busy,
}

#[test]
fn the_body_carries_type_and_title_first_in_rfc_order() {
    assert_eq!(
        wire(&ApiError::RateLimited),
        r#"{"type":"https://api.example.com/problems/slow_down","title":"Too many requests from this key","status":429,"detail":"slow down","code":"slow_down"}"#,
    );
    assert_eq!(
        wire(&ApiError::OutOfCredit { balance: 3 }),
        r#"{"type":"https://api.example.com/problems/out-of-credit","title":"You do not have enough credit","status":403,"detail":"you need more credit","code":"out_of_credit","balance":3}"#,
    );
}

#[test]
fn the_type_from_type_base_is_the_base_followed_by_the_code() {
    assert_eq!(
        wire(&ApiError::UserNotFound { id: 7 }),
        r#"{"type":"https://api.example.com/problems/user_not_found","title":"Not Found","status":404,"detail":"user 7 not found","code":"user_not_found"}"#,
    );
    // The code, not the variant name: `code = "slow_down"`.
    assert_eq!(
        row::<ApiError>("RateLimited").type_uri(),
        "https://api.example.com/problems/slow_down"
    );
    // A base ending in `#` names fragments of one page; a 5xx's code is its status's.
    assert_eq!(
        Maintenance.problem().type_uri(),
        "https://status.example.com/problems#service_unavailable"
    );
}

#[test]
fn an_own_type_replaces_the_type_base() {
    assert_eq!(
        ApiError::OutOfCredit { balance: 0 }.problem().type_uri(),
        "https://api.example.com/problems/out-of-credit"
    );
    assert_eq!(ApiError::PlanClosed.problem().type_uri(), "/problems/plan");
}

#[test]
fn type_about_blank_leaves_the_type_base_and_the_type_member_out() {
    assert_eq!(
        wire(&ApiError::Malformed),
        r#"{"title":"Bad Request","status":400,"detail":"the body is not JSON","code":"malformed"}"#,
    );
    assert_eq!(row::<ApiError>("Malformed").type_uri(), "about:blank");
}

#[test]
fn without_a_title_a_typed_problem_keeps_the_status_phrase() {
    let row = row::<ApiError>("UserNotFound");
    assert_eq!(row.own_title(), None);
    assert_eq!(row.title(), Some("Not Found"));
    assert_eq!(Maintenance.problem().title(), Some("Service Unavailable"));
}

#[test]
fn a_title_with_quotes_and_backslashes_is_escaped_in_the_body() {
    let body = wire(&ApiError::PlanClosed);
    assert!(
        body.starts_with(
            r#"{"type":"/problems/plan","title":"The \"beta\" plan\\tier is closed","status":403,"#
        ),
        "{body}"
    );
    let parsed: serde_json::Value = serde_json::from_str(&body).expect("the body is JSON");
    assert_eq!(parsed["title"], "The \"beta\" plan\\tier is closed");
}

#[test]
fn body_is_the_problem_serialized() {
    let values: Vec<Box<dyn ApiStatus>> = vec![
        Box::new(ApiError::UserNotFound { id: 7 }),
        Box::new(ApiError::OutOfCredit { balance: 3 }),
        Box::new(ApiError::RateLimited),
        Box::new(ApiError::Malformed),
        Box::new(ApiError::PlanClosed),
        Box::new(ApiError::Store(StoreError)),
        Box::new(StoreError),
        Box::new(Maintenance),
        Box::new(Untyped::UserNotFound { id: 7 }),
        Box::new(Untyped::Busy),
    ];
    for value in values {
        assert_eq!(
            value.body(),
            serde_json::to_vec(&value.problem()).unwrap(),
            "{}",
            value.variant().name()
        );
    }
}

#[test]
fn the_example_carries_type_and_title() {
    let example = row::<ApiError>("OutOfCredit").example();
    assert_eq!(
        example.type_uri(),
        "https://api.example.com/problems/out-of-credit"
    );
    assert_eq!(example.title(), Some("You do not have enough credit"));
    assert_eq!(example.extensions()["balance"], "{balance}");

    let example = row::<ApiError>("UserNotFound").example();
    assert_eq!(
        serde_json::to_value(&example).unwrap(),
        serde_json::json!({
            "type": "https://api.example.com/problems/user_not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "user {id} not found",
            "code": "user_not_found",
        })
    );
}

#[test]
fn an_enum_without_type_keys_has_no_type_member() {
    assert_eq!(
        wire(&Untyped::UserNotFound { id: 7 }),
        r#"{"title":"Not Found","status":404,"detail":"user 7 not found","code":"user_not_found"}"#,
    );
    for row in Untyped::table().variants() {
        assert_eq!(row.type_uri(), "about:blank", "{}", row.name());
        assert_eq!(row.own_title(), None, "{}", row.name());
        let example = serde_json::to_value(row.example()).unwrap();
        assert!(example.get("type").is_none(), "{example}");
    }
    assert_eq!(Untyped::table().type_base(), None);
}

#[test]
fn table_type_base_is_the_declared_base() {
    assert_eq!(
        ApiError::table().type_base(),
        Some("https://api.example.com/problems/")
    );
    assert_eq!(
        Maintenance::table().type_base(),
        Some("https://status.example.com/problems#")
    );
    assert_eq!(StoreError::table().type_base(), None);
}

#[test]
fn a_struct_answers_with_its_own_type_and_title() {
    assert_eq!(
        wire(&StoreError),
        r#"{"type":"https://api.example.com/problems/write-conflict","title":"The record changed meanwhile","status":409,"detail":"The store refused the write.","code":"store_error"}"#,
    );
}

#[test]
fn a_transparent_variant_takes_the_type_and_title_of_its_field() {
    assert_eq!(wire(&ApiError::Store(StoreError)), wire(&StoreError));
    // The outer enum's base does not reach a forwarded row.
    let rows = ApiError::table().responses();
    let forwarded = rows
        .iter()
        .find(|v| v.name() == "StoreError")
        .expect("the forwarded row");
    assert_eq!(
        forwarded.type_uri(),
        "https://api.example.com/problems/write-conflict"
    );
}
