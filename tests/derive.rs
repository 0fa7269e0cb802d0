//! What a derived type does at run time, seen from outside as a user sees it: statuses,
//! codes, details, descriptions, bodies, headers, forwarding and the static table.
//!
//! Every expected body below is written out by hand from the attribute grammar and the
//! catalog, not copied from the output.

use std::collections::BTreeMap;
use std::time::Duration;

use http::{Method, StatusCode};
use serde_json::{json, Value};
use status_core::{ApiStatus, Status, VariantInfo};

/// The parsed JSON body of the whole response, as a client reads it.
fn body(err: &dyn ApiStatus) -> Value {
    let response = err.response();
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    serde_json::from_slice(response.body()).expect("the body is JSON")
}

/// The `Retry-After` header of the whole response, if any.
fn retry_after(err: &dyn ApiStatus) -> Option<String> {
    let response = err.response();
    response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned())
}

/// The row named `name` of `T`'s own variants.
fn row<T: ApiStatus>(name: &str) -> &'static VariantInfo {
    T::table()
        .variants()
        .iter()
        .find(|v| v.name() == name)
        .unwrap_or_else(|| panic!("no row {name}"))
}

// ---------------------------------------------------------------------------------------------
// Variant shapes, codes and messages
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Shapes {
    #[status(404)]
    UserNotFound,
    #[status(400, message = "field {0} is invalid: {1:?}")]
    InvalidField(&'static str, String),
    #[status(429, code = "quota_used_up", message = "used {used:>4} of {limit:04}")]
    Quota { used: u32, limit: u32 },
    #[status(400, message = "bad id {id:?}")]
    BadId { id: String },
    #[status(
        409,
        message = "{{lock}} on {name} until {{{until}}}",
        description = "The resource is locked."
    )]
    Locked { name: &'static str, until: u64 },
    #[status(403, message = "admins only")]
    AdminsOnly,
    #[status(400, message = "use {{json}}, not {{xml}}")]
    BracesOnly,
    #[status(400, message = "{0} and {0} again; {1} once")]
    Repeated(u8, u8),
    #[status(400, message = "[{name:>6}] [{name:.2}] [{name}] [{tag:<4}]")]
    Padded { name: String, tag: &'static str },
    #[status(409)]
    UpstreamHTTPFailure,
    #[status(401, www_authenticate = "Bearer")]
    Oauth2Expired,
}

#[test]
fn code_defaults_to_the_variant_name_in_snake_case() {
    assert_eq!(Shapes::UserNotFound.code(), "user_not_found");
    assert_eq!(Shapes::AdminsOnly.code(), "admins_only");
    assert_eq!(
        Shapes::InvalidField("a", String::new()).code(),
        "invalid_field"
    );
    // An acronym stays one word; a digit ends a word like a lower-case letter.
    assert_eq!(Shapes::UpstreamHTTPFailure.code(), "upstream_http_failure");
    assert_eq!(Shapes::Oauth2Expired.code(), "oauth2_expired");
}

#[test]
fn explicit_code_replaces_the_default() {
    let err = Shapes::Quota { used: 1, limit: 2 };
    assert_eq!(err.code(), "quota_used_up");
    assert_eq!(body(&err)["code"], "quota_used_up");
    assert_eq!(row::<Shapes>("Quota").code(), "quota_used_up");
}

#[test]
fn unit_variant_without_message_sends_the_catalog_description() {
    let err = Shapes::UserNotFound;
    assert_eq!(err.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        err.detail(),
        "The server cannot find the requested resource."
    );
    assert_eq!(
        body(&err),
        json!({
            "title": "Not Found",
            "status": 404,
            "detail": "The server cannot find the requested resource.",
            "code": "user_not_found"
        })
    );
}

#[test]
fn tuple_fields_by_index_and_debug_spec_in_message() {
    let err = Shapes::InvalidField("email", "a\"b".to_owned());
    assert_eq!(err.status(), 400);
    // `{1:?}` is the Debug of a String: quoted, the inner quote escaped.
    assert_eq!(err.detail(), r#"field email is invalid: "a\"b""#);
    assert_eq!(
        body(&err),
        json!({
            "title": "Bad Request",
            "status": 400,
            "detail": "field email is invalid: \"a\\\"b\"",
            "code": "invalid_field"
        })
    );
}

#[test]
fn named_field_with_debug_spec_in_message() {
    let err = Shapes::BadId {
        id: "x y".to_owned(),
    };
    assert_eq!(err.detail(), "bad id \"x y\"");
}

#[test]
fn width_fill_and_zero_padding_specs_in_message() {
    let err = Shapes::Quota { used: 7, limit: 42 };
    assert_eq!(err.detail(), "used    7 of 0042");
    assert_eq!(body(&err)["detail"], "used    7 of 0042");
}

#[test]
fn width_and_precision_specs_apply_to_string_fields_too() {
    let err = Shapes::Padded {
        name: "abc".to_owned(),
        tag: "x",
    };
    assert_eq!(err.detail(), "[   abc] [ab] [abc] [x   ]");
}

#[test]
fn escaped_braces_in_message_are_literal_braces() {
    let err = Shapes::Locked {
        name: "order 7",
        until: 1700,
    };
    assert_eq!(err.detail(), "{lock} on order 7 until {1700}");
    // A message whose only braces are escaped names no field: one static text.
    assert_eq!(Shapes::BracesOnly.detail(), "use {json}, not {xml}");
    assert_eq!(
        row::<Shapes>("BracesOnly").detail(),
        "use {json}, not {xml}"
    );
}

#[test]
fn a_field_named_twice_in_message_is_written_twice() {
    assert_eq!(Shapes::Repeated(1, 2).detail(), "1 and 1 again; 2 once");
}

#[derive(Debug, ApiStatus)]
enum Strings<'a> {
    #[status(400, message = "{owned}|{borrowed}|{by_ref}|{cow}|{boxed}|{text}")]
    Every {
        owned: String,
        borrowed: &'a str,
        by_ref: &'a String,
        cow: std::borrow::Cow<'a, str>,
        boxed: Box<str>,
        text: Text,
    },
}

/// Not a string type: formatted through its `Display`.
#[derive(Debug)]
struct Text(&'static str);

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.0)
    }
}

#[test]
fn string_fields_of_every_string_type_are_written_as_they_are() {
    let shared = String::from("shared");
    let err = Strings::Every {
        owned: "owned".to_owned(),
        borrowed: "borrowed",
        by_ref: &shared,
        cow: std::borrow::Cow::Owned("cow \"quoted\"".to_owned()),
        boxed: "boxed".into(),
        text: Text("text"),
    };
    let detail = r#"owned|borrowed|shared|cow "quoted"|boxed|<text>"#;
    assert_eq!(err.detail(), detail);
    assert_eq!(body(&err)["detail"], detail);
}

#[test]
fn static_message_is_the_detail_of_every_occurrence() {
    let err = Shapes::AdminsOnly;
    assert_eq!(err.detail(), "admins only");
    assert_eq!(row::<Shapes>("AdminsOnly").detail(), "admins only");
    // The description stays the catalog's: the message is the detail, not the description.
    assert_eq!(err.description(), Status::Forbidden.description());
    assert_eq!(
        body(&err),
        json!({"title": "Forbidden", "status": 403, "detail": "admins only", "code": "admins_only"})
    );
}

#[test]
fn an_undocumented_status_gets_the_iana_title() {
    let err = Shapes::Locked {
        name: "a",
        until: 1,
    };
    assert_eq!(err.status(), StatusCode::CONFLICT);
    assert_eq!(
        body(&err),
        json!({
            "title": "Conflict",
            "status": 409,
            "detail": "{lock} on a until {1}",
            "code": "locked"
        })
    );
}

#[test]
fn message_text_is_json_escaped_in_the_body() {
    let err = Shapes::InvalidField("line\nbreak \\ \u{1}", String::new());
    let response = err.response();
    let text = std::str::from_utf8(response.body()).unwrap();
    assert!(!text.contains('\n'), "{text}");
    assert_eq!(body(&err)["detail"], err.detail());
    assert_eq!(err.detail(), "field line\nbreak \\ \u{1} is invalid: \"\"");
}

// ---------------------------------------------------------------------------------------------
// Descriptions
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Described {
    /// The order was changed by someone else
    /// since the client last read it.
    #[status(409)]
    EditConflict,
    /** The lock is held by another request.

    This second paragraph is for the reader of the code only. */
    #[status(409)]
    Locked,
    /// This doc comment loses to the key.
    #[status(409, description = "Described by the key.")]
    Keyed,
    #[status(404)]
    Undescribed,
    #[status(429, message = "wait {secs} seconds")]
    WithMessage { secs: u32 },
}

#[test]
fn description_from_the_description_key() {
    assert_eq!(Described::Keyed.description(), "Described by the key.");
    assert_eq!(
        row::<Described>("Keyed").description(),
        "Described by the key."
    );
}

#[test]
fn description_from_the_first_paragraph_of_the_doc_comment() {
    let expected = "The order was changed by someone else since the client last read it.";
    assert_eq!(Described::EditConflict.description(), expected);
    // Without a message, the description is also what the client reads.
    assert_eq!(Described::EditConflict.detail(), expected);
    assert_eq!(
        Described::Locked.description(),
        "The lock is held by another request."
    );
}

#[test]
fn description_falls_back_to_the_catalog() {
    assert_eq!(
        Described::Undescribed.description(),
        Status::NotFound.description()
    );
    assert_eq!(
        Described::WithMessage { secs: 3 }.description(),
        Status::TooManyRequests.description()
    );
    assert_eq!(
        Described::WithMessage { secs: 3 }.detail(),
        "wait 3 seconds"
    );
}

// ---------------------------------------------------------------------------------------------
// Display: variant level and enum level
// ---------------------------------------------------------------------------------------------

#[derive(Debug, thiserror::Error, ApiStatus)]
enum VariantDisplay {
    #[error("user {id} not found")]
    #[status(404, display)]
    UserNotFound { id: u64 },
    #[error("this Display text is not sent")]
    #[status(404)]
    NoDisplay,
    #[error("gateway {0} timed out")]
    #[status(502, display, expose)]
    Gateway(&'static str),
}

#[test]
fn variant_level_display_makes_the_detail_the_display_text() {
    let err = VariantDisplay::UserNotFound { id: 42 };
    assert_eq!(err.detail(), "user 42 not found");
    assert_eq!(
        body(&err),
        json!({"title": "Not Found", "status": 404, "detail": "user 42 not found", "code": "user_not_found"})
    );
}

#[test]
fn without_display_the_display_text_is_not_the_detail() {
    assert_eq!(
        VariantDisplay::NoDisplay.detail(),
        Status::NotFound.description()
    );
}

#[test]
fn server_error_with_display_and_expose_shows_its_display() {
    let err = VariantDisplay::Gateway("payments");
    assert_eq!(err.status(), 502);
    assert_eq!(err.detail(), "gateway payments timed out");
    assert_eq!(body(&err)["detail"], "gateway payments timed out");
}

#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(display)]
enum EnumDisplay {
    #[error("user {id} not found")]
    #[status(404)]
    UserNotFound { id: u64 },
    #[error("the page moved")]
    #[status(404, message = "the page is gone")]
    PageGone,
    #[error("conflict on {0}")]
    #[status(409, description = "The resource changed meanwhile.")]
    Conflict(String),
    #[error("database: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
    #[error("cache {0} is down")]
    #[status(503)]
    Cache(&'static str),
    #[error("upstream {host} failed")]
    #[status(502, display, expose)]
    Upstream { host: &'static str },
}

#[test]
fn enum_level_display_gives_client_errors_their_display_text() {
    assert_eq!(
        EnumDisplay::UserNotFound { id: 7 }.detail(),
        "user 7 not found"
    );
    assert_eq!(
        EnumDisplay::Conflict("order 9".into()).detail(),
        "conflict on order 9"
    );
    // The description is not the Display text.
    assert_eq!(
        EnumDisplay::Conflict(String::new()).description(),
        "The resource changed meanwhile."
    );
}

#[test]
fn a_message_takes_precedence_over_enum_level_display() {
    assert_eq!(EnumDisplay::PageGone.detail(), "the page is gone");
}

#[test]
fn enum_level_display_does_not_apply_to_server_errors() {
    let err = EnumDisplay::Cache("sessions");
    assert_eq!(err.to_string(), "cache sessions is down");
    assert_eq!(err.detail(), Status::ServiceUnavailable.description());
    assert_eq!(
        body(&err),
        json!({
            "title": "Service Unavailable",
            "status": 503,
            "detail": Status::ServiceUnavailable.description(),
            "code": "service_unavailable"
        })
    );
}

#[test]
fn server_error_with_display_and_expose_shows_it_under_enum_level_display() {
    let err = EnumDisplay::Upstream { host: "payments" };
    assert_eq!(err.detail(), "upstream payments failed");
    assert_eq!(
        body(&err),
        json!({"title": "Bad Gateway", "status": 502, "detail": "upstream payments failed", "code": "bad_gateway"})
    );
}

#[test]
fn server_error_from_io_error_never_sends_the_io_error_text() {
    let secret = "password=hunter2 host=db.internal:5432";
    let err = EnumDisplay::from(std::io::Error::other(secret));
    // The Display does carry it: the derive is what keeps it out of the response.
    assert!(err.to_string().contains("hunter2"));
    let response = err.response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let text = String::from_utf8(response.body().clone()).unwrap();
    assert!(!text.contains("hunter2"), "{text}");
    assert!(!text.contains("db.internal"), "{text}");
    assert!(!text.contains("database:"), "{text}");
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap(),
        json!({
            "title": "Internal Server Error",
            "status": 500,
            "detail": Status::InternalServerError.description(),
            "code": "internal_server_error"
        })
    );
    assert!(!err.problem().detail().unwrap().contains("hunter2"));
    for value in response.headers().values() {
        assert!(!value.to_str().unwrap().contains("hunter2"));
    }
}

// ---------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Validation {
    #[status(422, description = "The request body failed validation.")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
        #[status(extension = "field_count")]
        count: usize,
        not_sent: String,
    },
    #[status(400)]
    Positional(#[status(extension = "reason")] &'static str),
    #[status(400)]
    RawName {
        #[status(extension)]
        r#match: Option<u8>,
    },
}

#[test]
fn extension_fields_are_serialized_into_the_body() {
    let errors = BTreeMap::from([
        (
            "email".to_owned(),
            vec!["is taken".to_owned(), "is too long".to_owned()],
        ),
        ("age".to_owned(), vec!["must be at least 18".to_owned()]),
    ]);
    let err = Validation::Invalid {
        errors,
        count: 2,
        not_sent: "internal note".to_owned(),
    };
    let expected = json!({
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "The request body failed validation.",
        "code": "invalid",
        "errors": {
            "age": ["must be at least 18"],
            "email": ["is taken", "is too long"]
        },
        "field_count": 2
    });
    assert_eq!(body(&err), expected);
    // A field that is not marked stays out of the body.
    if let Validation::Invalid { not_sent, .. } = &err {
        let response = err.response();
        let text = std::str::from_utf8(response.body()).unwrap();
        assert!(!text.contains(not_sent.as_str()), "{text}");
    }
    // `problem()` builds the same members as the body.
    assert_eq!(serde_json::to_value(err.problem()).unwrap(), expected);
}

#[test]
fn a_tuple_field_is_an_extension_under_its_given_name() {
    assert_eq!(
        body(&Validation::Positional("too short")),
        json!({
            "title": "Bad Request",
            "status": 400,
            "detail": Status::BadRequest.description(),
            "code": "positional",
            "reason": "too short"
        })
    );
}

#[test]
fn a_raw_identifier_field_is_an_extension_without_its_prefix() {
    let err = Validation::RawName { r#match: Some(3) };
    assert_eq!(body(&err)["match"], 3);
    // `None` is still sent, as `null`.
    let err = Validation::RawName { r#match: None };
    assert_eq!(body(&err).get("match"), Some(&Value::Null));
    assert_eq!(row::<Validation>("RawName").extensions(), ["match"]);
    assert_eq!(
        row::<Validation>("Invalid").extensions(),
        ["errors", "field_count"]
    );
}

// ---------------------------------------------------------------------------------------------
// Headers: Retry-After, WWW-Authenticate, Allow
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Limits {
    #[status(429)]
    Seconds {
        #[status(retry_after)]
        wait: u64,
    },
    #[status(429)]
    Wait {
        #[status(retry_after)]
        wait: Duration,
    },
    #[status(503)]
    Maybe {
        #[status(retry_after)]
        wait: Option<u64>,
    },
    #[status(503, retry_after = 30)]
    Maintenance,
    #[status(429)]
    Positional(#[status(retry_after)] u32),
    #[status(429)]
    Shown {
        #[status(retry_after, extension = "retry_in")]
        wait: u16,
    },
}

#[test]
fn retry_after_header_from_integer_field() {
    let err = Limits::Seconds { wait: 120 };
    assert_eq!(retry_after(&err).as_deref(), Some("120"));
    assert_eq!(retry_after(&Limits::Positional(7)).as_deref(), Some("7"));
    assert_eq!(err.headers()["retry-after"], "120");
}

#[test]
fn retry_after_header_from_duration_field_rounded_up() {
    let at = |wait| retry_after(&Limits::Wait { wait });
    assert_eq!(at(Duration::from_secs(5)).as_deref(), Some("5"));
    assert_eq!(at(Duration::from_millis(1001)).as_deref(), Some("2"));
    assert_eq!(at(Duration::from_millis(2500)).as_deref(), Some("3"));
    assert_eq!(at(Duration::from_nanos(1)).as_deref(), Some("1"));
    assert_eq!(at(Duration::ZERO).as_deref(), Some("0"));
}

#[test]
fn retry_after_header_from_option_field_absent_when_none() {
    assert_eq!(
        retry_after(&Limits::Maybe { wait: Some(9) }).as_deref(),
        Some("9")
    );
    let none = Limits::Maybe { wait: None };
    assert_eq!(retry_after(&none), None);
    // Only Content-Type remains.
    assert_eq!(none.headers().len(), 1, "{:?}", none.headers());
}

#[test]
fn retry_after_header_from_literal() {
    let err = Limits::Maintenance;
    assert_eq!(retry_after(&err).as_deref(), Some("30"));
    assert_eq!(
        row::<Limits>("Maintenance").headers(),
        [("retry-after", "30")]
    );
}

#[test]
fn retry_after_field_can_also_be_an_extension() {
    let err = Limits::Shown { wait: 15 };
    assert_eq!(retry_after(&err).as_deref(), Some("15"));
    assert_eq!(body(&err)["retry_in"], 15);
}

#[test]
fn retry_after_header_never_goes_in_the_body() {
    let value = body(&Limits::Seconds { wait: 120 });
    assert_eq!(
        value,
        json!({
            "title": "Too Many Requests",
            "status": 429,
            "detail": Status::TooManyRequests.description(),
            "code": "seconds"
        })
    );
    assert_eq!(row::<Limits>("Seconds").field_headers(), ["retry-after"]);
}

#[derive(Debug, ApiStatus)]
enum Access {
    #[status(
        401,
        www_authenticate = "Bearer realm=\"api\", error=\"invalid_token\""
    )]
    TokenExpired,
    #[status(405, allow = "GET, HEAD")]
    ReadOnly,
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: Vec<Method>,
    },
}

#[test]
fn www_authenticate_header_on_401() {
    let response = Access::TokenExpired.response();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"api\", error=\"invalid_token\""
    );
    assert_eq!(response.headers().len(), 2, "{:?}", response.headers());
}

#[test]
fn allow_header_from_literal_on_405() {
    let response = Access::ReadOnly.response();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["allow"], "GET, HEAD");
}

#[test]
fn allow_header_from_method_list_field_on_405() {
    let err = Access::WrongMethod {
        allowed: vec![Method::GET, Method::POST, Method::DELETE],
    };
    let response = err.response();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET, POST, DELETE");
    // The methods are a header, not a body member.
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({
            "title": "Method Not Allowed",
            "status": 405,
            "detail": Status::MethodNotAllowed.description(),
            "code": "wrong_method"
        })
    );
    assert_eq!(row::<Access>("WrongMethod").field_headers(), ["allow"]);
}

#[test]
fn allow_header_from_an_empty_method_list_is_empty() {
    // RFC 9110 section 10.2.1: an empty Allow says no method is allowed.
    let err = Access::WrongMethod { allowed: vec![] };
    assert_eq!(err.headers()["allow"], "");
}

// ---------------------------------------------------------------------------------------------
// Transparent forwarding
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Inner {
    #[status(401, www_authenticate = "Bearer")]
    Expired,
    /// The user sent too many requests.
    #[status(429, message = "slow down, {user}")]
    Limited {
        user: String,
        #[status(retry_after)]
        wait: u64,
        #[status(extension)]
        limit: u32,
    },
}

#[derive(Debug, ApiStatus)]
enum Middle {
    #[status(transparent)]
    Inner(Inner),
    #[status(503)]
    Busy,
}

#[derive(Debug, ApiStatus)]
enum Outer {
    #[status(404)]
    Missing,
    #[status(transparent)]
    Middle { source: Middle },
}

fn forwarded_limited() -> Outer {
    Outer::Middle {
        source: Middle::Inner(Inner::Limited {
            user: "ann".to_owned(),
            wait: 12,
            limit: 100,
        }),
    }
}

#[test]
fn transparent_forwards_status_code_and_detail_through_two_levels() {
    let err = forwarded_limited();
    assert_eq!(err.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(err.code(), "limited");
    assert_eq!(err.detail(), "slow down, ann");
    assert_eq!(err.description(), "The user sent too many requests.");
}

#[test]
fn transparent_forwards_the_table_row_itself() {
    let err = forwarded_limited();
    assert_eq!(err.variant(), row::<Inner>("Limited"));
    assert_eq!(err.variant().name(), "Limited");
}

#[test]
fn transparent_forwards_extensions_and_headers_through_two_levels() {
    let err = forwarded_limited();
    let response = err.response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "12");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({
            "title": "Too Many Requests",
            "status": 429,
            "detail": "slow down, ann",
            "code": "limited",
            "limit": 100
        })
    );
    // Static headers from the inner row come along too.
    let expired = Outer::Middle {
        source: Middle::Inner(Inner::Expired),
    };
    assert_eq!(expired.headers()["www-authenticate"], "Bearer");
    assert_eq!(expired.status(), 401);
}

#[test]
fn own_variants_beside_transparent_ones_answer_for_themselves() {
    assert_eq!(Outer::Missing.status(), 404);
    let busy = Outer::Middle {
        source: Middle::Busy,
    };
    assert_eq!(busy.status(), 503);
    assert_eq!(busy.code(), "service_unavailable");
    assert!(busy.headers().get("retry-after").is_none());
}

#[test]
fn table_responses_list_own_rows_then_transparent_rows() {
    let table = Outer::table();
    assert_eq!(table.type_name(), "Outer");
    let own: Vec<&str> = table.variants().iter().map(VariantInfo::name).collect();
    assert_eq!(own, ["Missing"]);
    let forwards: Vec<&str> = table
        .transparent()
        .iter()
        .map(status_core::TransparentInfo::name)
        .collect();
    assert_eq!(forwards, ["Middle"]);
    assert_eq!(table.transparent()[0].table().type_name(), "Middle");
    let all: Vec<(&str, u16)> = table
        .responses()
        .iter()
        .map(|v| (v.name(), v.status().as_u16()))
        .collect();
    assert_eq!(
        all,
        [
            ("Missing", 404),
            ("Busy", 503),
            ("Expired", 401),
            ("Limited", 429)
        ]
    );
}

#[derive(Debug, ApiStatus)]
enum Twice {
    #[status(transparent)]
    First(Inner),
    #[status(400)]
    Own,
    #[status(transparent)]
    Second(Inner),
}

#[test]
fn table_responses_list_a_type_forwarded_twice_once() {
    let names: Vec<&str> = Twice::table()
        .responses()
        .iter()
        .map(|v| v.name())
        .collect();
    assert_eq!(names, ["Own", "Expired", "Limited"]);
    assert_eq!(Twice::First(Inner::Expired).status(), 401);
    assert_eq!(Twice::Own.status(), 400);
    assert_eq!(Twice::Second(Inner::Expired).status(), 401);
}

// ---------------------------------------------------------------------------------------------
// cfg-gated variants
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Gated {
    #[status(400)]
    First,
    #[cfg(any())]
    #[status(403)]
    NeverBuilt,
    #[status(404)]
    Third,
    #[cfg(test)]
    #[status(429, retry_after = 5)]
    AlwaysBuilt,
    #[cfg(any())]
    #[status(transparent)]
    NeverForwarded(Inner),
    #[status(503)]
    Last,
}

#[test]
fn cfg_gated_variant_does_not_shift_the_rows_after_it() {
    let cases: [(Gated, &str, u16); 4] = [
        (Gated::First, "First", 400),
        (Gated::Third, "Third", 404),
        (Gated::AlwaysBuilt, "AlwaysBuilt", 429),
        (Gated::Last, "Last", 503),
    ];
    for (err, name, status) in cases {
        assert_eq!(err.variant().name(), name);
        assert_eq!(err.status(), status, "{name}");
        assert_eq!(err.variant().status(), status, "{name}");
    }
    assert_eq!(retry_after(&Gated::AlwaysBuilt).as_deref(), Some("5"));
    assert!(retry_after(&Gated::Last).is_none());
}

#[test]
fn cfg_gated_out_variant_has_no_row() {
    let names: Vec<&str> = Gated::table()
        .responses()
        .iter()
        .map(|v| v.name())
        .collect();
    assert_eq!(names, ["First", "Third", "AlwaysBuilt", "Last"]);
    assert!(Gated::table().transparent().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Generics and structs
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
enum Generic<'a, T, E>
where
    T: Clone,
{
    #[status(404, message = "no {kind} with id {id}")]
    NotFound { kind: &'a str, id: T },
    #[status(400, message = "bad value {0:?}")]
    Bad(T),
    #[status(transparent)]
    Inner(E),
}

#[test]
fn generic_enum_formats_type_parameter_fields_in_messages() {
    let err: Generic<'_, u64, Inner> = Generic::NotFound {
        kind: "user",
        id: 42,
    };
    assert_eq!(err.detail(), "no user with id 42");
    let err: Generic<'_, String, Inner> = Generic::Bad("x".to_owned());
    assert_eq!(err.detail(), "bad value \"x\"");
    assert_eq!(err.status(), 400);
}

#[test]
fn generic_enum_forwards_a_transparent_type_parameter() {
    let err: Generic<'_, u64, Inner> = Generic::Inner(Inner::Expired);
    assert_eq!(err.status(), 401);
    assert_eq!(err.code(), "expired");
    assert_eq!(err.headers()["www-authenticate"], "Bearer");
    let err: Generic<'_, u64, Middle> = Generic::Inner(Middle::Busy);
    assert_eq!(err.status(), 503);
}

#[test]
fn generic_enum_table_follows_the_type_argument() {
    let names = |table: status_core::Table| -> Vec<&'static str> {
        table.responses().iter().map(|v| v.name()).collect()
    };
    assert_eq!(
        names(Generic::<'_, u8, Inner>::table()),
        ["NotFound", "Bad", "Expired", "Limited"]
    );
    assert_eq!(
        names(Generic::<'_, u8, Middle>::table()),
        ["NotFound", "Bad", "Busy", "Expired", "Limited"]
    );
}

/// A parameter reached only inside a tuple, and a `Display` impl that needs the parameter's:
/// the derive must bound both, or this does not compile.
#[derive(Debug, ApiStatus)]
#[status(display)]
enum Nested<T> {
    #[status(400, message = "pair {pair:?}")]
    Pair { pair: (T, u16) },
    #[status(403)]
    Conflict(T),
}

impl<T: std::fmt::Display> std::fmt::Display for Nested<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Nested::Pair { pair } => write!(f, "pair of {}", pair.0),
            Nested::Conflict(value) => write!(f, "{value} conflicts"),
        }
    }
}

#[test]
fn generic_bounds_reach_parameters_in_nested_types_and_a_display_impl() {
    let err = Nested::Pair { pair: ("a", 7) };
    assert_eq!(err.detail(), "pair (\"a\", 7)");
    let err = Nested::Conflict(3);
    assert_eq!(err.detail(), "3 conflicts");
    assert_eq!(err.status(), 403);
}

/// A user that does not exist.
#[derive(Debug, ApiStatus)]
#[status(404, code = "user_not_found", message = "user {id} not found")]
struct UserNotFound {
    id: u64,
}

#[derive(Debug, ApiStatus)]
#[status(429)]
struct SlowDown(
    #[status(retry_after)] u64,
    #[status(extension = "limit")] u32,
);

#[derive(Debug, ApiStatus)]
#[status(transparent)]
struct Wrapped(Inner);

#[test]
fn struct_deriving_api_status_is_one_row_named_after_the_type() {
    let err = UserNotFound { id: 5 };
    assert_eq!(err.status(), 404);
    assert_eq!(err.code(), "user_not_found");
    assert_eq!(err.detail(), "user 5 not found");
    assert_eq!(err.description(), "A user that does not exist.");
    let table = UserNotFound::table();
    assert_eq!(table.type_name(), "UserNotFound");
    assert_eq!(table.variants().len(), 1);
    assert_eq!(table.variants()[0].name(), "UserNotFound");
    assert_eq!(err.variant(), &table.variants()[0]);
}

#[test]
fn tuple_struct_with_header_and_extension_fields() {
    let err = SlowDown(30, 100);
    assert_eq!(err.code(), "slow_down");
    let response = err.response();
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({
            "title": "Too Many Requests",
            "status": 429,
            "detail": Status::TooManyRequests.description(),
            "code": "slow_down",
            "limit": 100
        })
    );
}

#[test]
fn a_box_answers_as_the_value_in_it() {
    let boxed = Box::new(forwarded_limited());
    assert_eq!(boxed.code(), "limited");
    assert_eq!(boxed.detail(), "slow down, ann");
    assert_eq!(retry_after(&boxed).as_deref(), Some("12"));
    assert_eq!(body(&boxed)["limit"], 100);
    let response = boxed.response();
    let unboxed = forwarded_limited().response();
    assert_eq!(response.status(), unboxed.status());
    assert_eq!(response.headers(), unboxed.headers());
    assert_eq!(response.body(), unboxed.body());
}

#[test]
fn transparent_struct_forwards_to_its_field() {
    let err = Wrapped(Inner::Limited {
        user: "bo".to_owned(),
        wait: 1,
        limit: 2,
    });
    assert_eq!(err.status(), 429);
    assert_eq!(err.detail(), "slow down, bo");
    assert_eq!(body(&err)["limit"], 2);
    assert!(Wrapped::table().variants().is_empty());
    assert_eq!(Wrapped::table().responses().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Enum-level default status
// ---------------------------------------------------------------------------------------------

#[derive(Debug, ApiStatus)]
#[status(503)]
enum Defaulted {
    Down,
    #[status(code = "offline", retry_after = 60)]
    Offline,
    #[status(404)]
    Missing,
    /// Undocumented codes are described as usual.
    #[status(410)]
    Gone,
}

#[test]
fn enum_level_status_is_the_default_for_variants_without_one() {
    assert_eq!(Defaulted::Down.status(), 503);
    assert_eq!(Defaulted::Down.code(), "service_unavailable");
    assert_eq!(
        Defaulted::Down.detail(),
        Status::ServiceUnavailable.description()
    );
    assert_eq!(Defaulted::Offline.status(), 503);
    assert_eq!(Defaulted::Offline.code(), "offline");
    assert_eq!(retry_after(&Defaulted::Offline).as_deref(), Some("60"));
}

#[test]
fn a_variant_status_overrides_the_enum_default() {
    assert_eq!(Defaulted::Missing.status(), 404);
    assert_eq!(Defaulted::Gone.status(), StatusCode::GONE);
    assert_eq!(
        body(&Defaulted::Gone),
        json!({
            "title": "Gone",
            "status": 410,
            "detail": "Undocumented codes are described as usual.",
            "code": "gone"
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Examples in the table
// ---------------------------------------------------------------------------------------------

#[test]
fn example_body_shows_message_fields_as_placeholders_without_format_specs() {
    let example = serde_json::to_value(row::<Shapes>("Quota").example()).unwrap();
    assert_eq!(
        example,
        json!({
            "title": "Too Many Requests",
            "status": 429,
            "detail": "used {used} of {limit}",
            "code": "quota_used_up"
        })
    );
    assert_eq!(
        row::<Shapes>("InvalidField").example().detail(),
        Some("field {0} is invalid: {1}")
    );
}

#[test]
fn example_body_shows_extensions_as_placeholders() {
    let example = serde_json::to_value(row::<Validation>("Invalid").example()).unwrap();
    assert_eq!(
        example,
        json!({
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "The request body failed validation.",
            "code": "invalid",
            "errors": "{errors}",
            "field_count": "{field_count}"
        })
    );
}

#[test]
fn example_body_of_a_display_variant_shows_its_display_template() {
    assert_eq!(
        row::<EnumDisplay>("UserNotFound").example().detail(),
        Some("user {id} not found")
    );
    assert_eq!(
        row::<VariantDisplay>("Gateway").example().detail(),
        Some("gateway {0} timed out")
    );
    // A 5xx that does not show its Display documents the catalog text it sends.
    assert_eq!(
        row::<EnumDisplay>("Database").example().detail(),
        Some(Status::InternalServerError.description())
    );
    assert_eq!(
        row::<EnumDisplay>("PageGone").example().detail(),
        Some("the page is gone")
    );
}

#[test]
fn example_body_of_a_static_variant_is_its_actual_body() {
    for err in [Shapes::UserNotFound, Shapes::AdminsOnly, Shapes::BracesOnly] {
        assert_eq!(err.variant().example(), err.problem(), "{err:?}");
    }
}

#[test]
fn message_template_is_documented_on_the_row() {
    let quota = row::<Shapes>("Quota");
    assert_eq!(quota.message(), Some("used {used} of {limit}"));
    // A row whose detail differs per occurrence documents the description as its detail.
    assert_eq!(quota.detail(), Status::TooManyRequests.description());
    assert_eq!(row::<Shapes>("UserNotFound").message(), None);
}

// ---------------------------------------------------------------------------------------------
// Object safety and consistency
// ---------------------------------------------------------------------------------------------

#[test]
fn derived_values_work_as_dyn_api_status() {
    let errors: Vec<Box<dyn ApiStatus>> = vec![
        Box::new(Shapes::AdminsOnly),
        Box::new(Access::TokenExpired),
        Box::new(Limits::Maintenance),
        Box::new(UserNotFound { id: 1 }),
        Box::new(forwarded_limited()),
    ];
    let seen: Vec<(u16, &str)> = errors
        .iter()
        .map(|e| (e.response().status().as_u16(), e.code()))
        .collect();
    assert_eq!(
        seen,
        [
            (403, "admins_only"),
            (401, "token_expired"),
            (503, "service_unavailable"),
            (404, "user_not_found"),
            (429, "limited")
        ]
    );
}

#[test]
fn body_and_problem_agree_for_every_kind_of_variant() {
    let errors: Vec<Box<dyn ApiStatus>> = vec![
        Box::new(Shapes::Quota { used: 1, limit: 2 }),
        Box::new(Shapes::InvalidField("a", "b".into())),
        Box::new(EnumDisplay::UserNotFound { id: 3 }),
        Box::new(EnumDisplay::from(std::io::Error::other("x"))),
        Box::new(Validation::Positional("r")),
        Box::new(forwarded_limited()),
        Box::new(Defaulted::Gone),
    ];
    for err in &errors {
        let parsed: status_core::Problem = serde_json::from_slice(&err.body()).unwrap();
        assert_eq!(parsed, err.problem(), "{}", err.code());
        assert_eq!(parsed.detail(), Some(err.detail().as_str()));
    }
}

/// Behaviour fixed after review: a bare `///` line ends the description's paragraph, a
/// 5xx never shows a doc comment, a failing Display falls back the same way everywhere, and
/// `transparent` forwards through a `Box`.
mod review_fixes {
    use std::fmt;

    use status_core::{ApiStatus, Status};

    #[derive(Debug, ApiStatus)]
    enum Documented {
        /// The order changed since the client read it.
        ///
        /// Internal: raised by the optimistic lock in `orders::save`.
        #[status(409)]
        Conflict,
        /// Internal: the replica at db-7 is lagging.
        #[status(503)]
        Lagging,
    }

    #[test]
    fn the_description_is_the_first_paragraph_of_a_line_doc_comment() {
        assert_eq!(
            Documented::Conflict.description(),
            "The order changed since the client read it."
        );
    }

    #[test]
    fn a_server_error_shows_the_catalog_text_not_its_doc_comment() {
        // Not even as the description: every output publishes it.
        assert_eq!(
            Documented::Lagging.description(),
            Status::ServiceUnavailable.description()
        );
        assert_eq!(Documented::Lagging.code(), "service_unavailable");
        assert_eq!(
            Documented::Lagging.detail(),
            Status::ServiceUnavailable.description()
        );
        let body = String::from_utf8(Documented::Lagging.body()).unwrap();
        assert!(!body.contains("db-7"), "{body}");
    }

    #[derive(Debug)]
    struct Failing;

    impl fmt::Display for Failing {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("partial secret")?;
            Err(fmt::Error)
        }
    }

    #[derive(Debug, ApiStatus)]
    #[status(400, display)]
    struct Broken(Failing);

    impl fmt::Display for Broken {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.fmt(f)
        }
    }

    #[test]
    fn a_display_that_fails_gives_the_same_fallback_detail_everywhere() {
        let fallback = Status::BadRequest.description();
        assert_eq!(Broken(Failing).detail(), fallback);
        assert_eq!(Broken(Failing).problem().detail(), Some(fallback));
        let body: serde_json::Value = serde_json::from_slice(&Broken(Failing).body()).unwrap();
        assert_eq!(body["detail"], fallback);
    }

    #[derive(Debug, ApiStatus)]
    #[status(404, code = "boxed_missing")]
    struct Missing;

    #[derive(Debug, ApiStatus)]
    enum Wrapper {
        #[status(transparent)]
        Boxed(Box<Missing>),
    }

    #[test]
    fn transparent_forwards_through_a_box() {
        let err = Wrapper::Boxed(Box::new(Missing));
        assert_eq!(err.status(), 404);
        assert_eq!(err.code(), "boxed_missing");
        assert_eq!(Wrapper::table().responses().len(), 1);
    }
}

/// `grpc` and `grpc_domain` are data in the table with or without the `tonic` feature: an enum
/// written for gRPC compiles, and reads the same, in a build that does not serve gRPC.
mod grpc_keys {
    use status_core::{ApiStatus, GrpcDomain};

    #[derive(Debug, ApiStatus)]
    #[status(grpc_domain = "users.example.com")]
    enum UserError {
        #[status(409, grpc = "already_exists", description = "The name is taken.")]
        NameTaken,
        #[status(404)]
        NotFound,
    }

    /// A struct names its domain on itself.
    #[derive(Debug, ApiStatus)]
    #[status(503, grpc = "unavailable", grpc_domain = "jobs.example.com")]
    struct Maintenance;

    #[test]
    fn the_grpc_code_and_domain_are_read_from_the_attribute() {
        assert_eq!(
            UserError::NameTaken.variant().grpc(),
            Some("already_exists")
        );
        assert_eq!(UserError::NotFound.variant().grpc(), None);
        assert_eq!(UserError::GRPC_DOMAIN, "users.example.com");
        assert_eq!(Maintenance.variant().grpc(), Some("unavailable"));
        assert_eq!(Maintenance::GRPC_DOMAIN, "jobs.example.com");
    }
}

/// Header values from constants and from fields: `www_authenticate = REALM`, `allow = ...`,
/// and `#[status(www_authenticate)]`.
mod header_values {
    use std::borrow::Cow;

    use status_core::{ApiStatus, FromProblem, VariantInfo};

    const REALM: &str = "Basic realm=\"api\"";

    mod methods {
        pub const READ_ONLY: &str = "GET, HEAD";
    }

    #[derive(Debug, PartialEq, ApiStatus, FromProblem)]
    enum AuthError {
        #[status(401, www_authenticate = REALM)]
        LoggedOut,
        #[status(405, allow = methods::READ_ONLY)]
        ReadOnly,
        #[status(401, message = "token expired")]
        Expired {
            #[status(www_authenticate)]
            challenge: String,
        },
        #[status(401)]
        Scoped(#[status(www_authenticate)] Cow<'static, str>),
    }

    #[test]
    fn a_header_constant_is_the_rows_value() {
        assert_eq!(AuthError::LoggedOut.headers()["www-authenticate"], REALM);
        assert_eq!(
            AuthError::LoggedOut.variant().headers(),
            [("www-authenticate", REALM)]
        );
        assert_eq!(AuthError::ReadOnly.headers()["allow"], "GET, HEAD");
        let markdown = status_core::markdown::catalog::<AuthError>();
        assert!(
            markdown.contains("WWW-Authenticate: Basic realm=\"api\""),
            "{markdown}"
        );
    }

    #[test]
    fn www_authenticate_header_from_a_text_field() {
        let err = AuthError::Expired {
            challenge: "Bearer error=\"invalid_token\"".to_owned(),
        };
        assert_eq!(
            err.response().headers()["www-authenticate"],
            "Bearer error=\"invalid_token\""
        );
        let row = err.variant();
        assert!(row.headers().is_empty());
        assert_eq!(row.field_headers(), ["www-authenticate"]);
        let scoped = AuthError::Scoped(Cow::Borrowed("Bearer scope=\"admin\""));
        assert_eq!(
            scoped.headers()["www-authenticate"],
            "Bearer scope=\"admin\""
        );
        let openapi = status_core::openapi::responses::<AuthError>();
        assert!(
            openapi["401"]["headers"].get("WWW-Authenticate").is_some(),
            "{openapi:#}"
        );
    }

    #[test]
    fn a_challenge_a_header_cannot_carry_is_left_out() {
        for bad in ["Bearer\r\nSet-Cookie: a=b", "", "  ", "Bearér"] {
            let err = AuthError::Expired {
                challenge: bad.to_owned(),
            };
            let response = err.response();
            assert_eq!(response.status(), 401, "{bad:?}");
            assert!(
                response.headers().get("www-authenticate").is_none(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_challenge_field_comes_back_from_the_header() {
        let sent = AuthError::Expired {
            challenge: "Bearer".to_owned(),
        };
        assert_eq!(AuthError::from_response(&sent.response()), Ok(sent));
        let sent = AuthError::Scoped(Cow::Borrowed("Bearer scope=\"admin\""));
        assert_eq!(
            AuthError::from_parts(sent.problem(), &sent.headers()),
            Ok(sent)
        );
        // A problem alone has no headers: the challenge, and so the variant, stays behind.
        let sent = AuthError::Expired {
            challenge: "Bearer".to_owned(),
        };
        assert!(AuthError::from_problem(sent.problem()).is_err());
    }

    /// What `with_headers` says when a value (a constant's, which the derive cannot read)
    /// cannot be the header's.
    fn refused(headers: &'static [(&'static str, &'static str)]) -> String {
        let panic = std::panic::catch_unwind(|| VariantInfo::new("Row", 401).with_headers(headers))
            .expect_err("the value is refused");
        panic
            .downcast_ref::<&str>()
            .map(|message| (*message).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    }

    #[test]
    fn with_headers_refuses_what_a_header_cannot_carry_naming_the_header() {
        assert!(refused(&[("www-authenticate", "Bearer\r\n")])
            .starts_with("the WWW-Authenticate challenge holds a character a header cannot carry"));
        assert!(refused(&[("www-authenticate", " ")])
            .starts_with("the WWW-Authenticate challenge is empty"));
        assert!(refused(&[("allow", "GET HEAD")])
            .starts_with("the Allow value is not a list of methods"));
        assert!(refused(&[("allow", "GET,,HEAD")])
            .starts_with("the Allow value is not a list of methods"));
        assert!(refused(&[("x-note", "caf\u{e9}")])
            .starts_with("a header value holds a character a header cannot carry"));
        // What the derive's literals allow, a constant may hold too.
        let row = VariantInfo::new("Row", 405).with_headers(&[
            ("allow", " GET ,HEAD\t"),
            ("www-authenticate", "Basic realm=\"a\tb\""),
            ("x-note", "<b>&'\"</b>"),
        ]);
        assert_eq!(row.headers().len(), 3);
    }
}

/// `rename_all` and `strip_suffix`: the default codes of 4xx variants in another style.
mod rename_all {
    use status_core::ApiStatus;

    /// The same variants in `style`, without the `Error` suffix.
    macro_rules! styled {
        ($name:ident, $style:tt) => {
            // Only the table is read: the codes are the rows'.
            #[allow(dead_code)]
            #[derive(Debug, ApiStatus)]
            #[status(rename_all = $style, strip_suffix = "Error")]
            enum $name {
                #[status(403)]
                UploadForbiddenError,
                #[status(404)]
                HTTPRouteMissing,
                #[status(409, code = "kept_as_written")]
                Conflict,
                #[status(500)]
                DatabaseError,
                #[status(400)]
                Error,
            }

            impl $name {
                fn codes() -> Vec<&'static str> {
                    Self::table().variants().iter().map(|v| v.code()).collect()
                }
            }
        };
    }

    styled!(Lower, "lowercase");
    styled!(Upper, "UPPERCASE");
    styled!(Pascal, "PascalCase");
    styled!(Camel, "camelCase");
    styled!(Snake, "snake_case");
    styled!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
    styled!(Kebab, "kebab-case");
    styled!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

    #[test]
    fn each_style_spells_the_default_codes_of_4xx_variants() {
        let rest = ["kept_as_written", "internal_server_error"];
        let expect = |forbidden: &'static str, route: &'static str, error: &'static str| {
            vec![forbidden, route, rest[0], rest[1], error]
        };
        assert_eq!(
            Lower::codes(),
            expect("uploadforbidden", "httproutemissing", "error")
        );
        assert_eq!(
            Upper::codes(),
            expect("UPLOADFORBIDDEN", "HTTPROUTEMISSING", "ERROR")
        );
        assert_eq!(
            Pascal::codes(),
            expect("UploadForbidden", "HttpRouteMissing", "Error")
        );
        assert_eq!(
            Camel::codes(),
            expect("uploadForbidden", "httpRouteMissing", "error")
        );
        assert_eq!(
            Snake::codes(),
            expect("upload_forbidden", "http_route_missing", "error")
        );
        assert_eq!(
            ScreamingSnake::codes(),
            expect("UPLOAD_FORBIDDEN", "HTTP_ROUTE_MISSING", "ERROR")
        );
        assert_eq!(
            Kebab::codes(),
            expect("upload-forbidden", "http-route-missing", "error")
        );
        assert_eq!(
            ScreamingKebab::codes(),
            expect("UPLOAD-FORBIDDEN", "HTTP-ROUTE-MISSING", "ERROR")
        );
        assert_eq!(Kebab::UploadForbiddenError.code(), "upload-forbidden");
    }

    /// Without `strip_suffix` the suffix stays: codes are published.
    #[derive(Debug, ApiStatus)]
    #[status(
        rename_all = "kebab-case",
        type_base = "https://api.example.com/problems/"
    )]
    enum Kept {
        #[status(403)]
        UploadForbiddenError,
    }

    /// A struct takes both keys on itself.
    #[derive(Debug, ApiStatus)]
    #[status(422, rename_all = "SCREAMING_SNAKE_CASE", strip_suffix = "Error")]
    struct ValidationError;

    #[test]
    fn the_suffix_is_kept_unless_asked_and_the_type_uri_follows_the_code() {
        let err = Kept::UploadForbiddenError;
        assert_eq!(err.code(), "upload-forbidden-error");
        assert_eq!(
            err.variant().type_uri(),
            "https://api.example.com/problems/upload-forbidden-error"
        );
        assert_eq!(ValidationError.code(), "VALIDATION");
    }
}
