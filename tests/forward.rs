//! `#[status(forward)]`: a variant that answers with a wrapped error's status, and with
//! everything that goes with it, while keeping its own message on a 4xx. Seen from outside,
//! as a user sees it.

use std::sync::Arc;

use http::{Method, StatusCode};
use serde_json::{json, Value};
use status_core::{ApiStatus, FromProblem, TransparentInfo, VariantInfo};

const REALM: &str = "Basic realm=\"archive\"";

#[derive(Debug, thiserror::Error, ApiStatus, FromProblem)]
#[status(type_base = "https://api.example.com/problems/")]
enum RuntimeError {
    #[error("quota exceeded for {user}")]
    #[status(403, message = "quota exceeded for {user}")]
    QuotaExceeded {
        #[status(extension)]
        user: String,
    },
    #[error("log in first")]
    #[status(401, www_authenticate = REALM)]
    LoggedOut,
    #[error("slow down")]
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: u64,
    },
    #[error("read only")]
    #[status(405)]
    ReadOnly {
        #[status(allow)]
        allowed: Vec<Method>,
    },
    #[error("disk full at /var/lib/archive")]
    #[status(507)]
    DiskFull,
    #[error("upstream {0} failed")]
    #[status(502, expose, message = "upstream {0} failed")]
    Upstream(String),
}

#[derive(Debug, thiserror::Error, ApiStatus, FromProblem)]
#[status(type_base = "https://api.example.com/problems/")]
enum AppError {
    #[error("could not create archive {0}: {1}")]
    #[status(message = "could not create archive {0}")]
    ArchiveCreation(String, #[status(forward)] Box<RuntimeError>),
    #[error("could not share {name}: {inner}")]
    #[status(message = "could not share {name}", expose)]
    Share {
        name: String,
        #[status(forward)]
        inner: Arc<RuntimeError>,
    },
    #[error("runtime: {0}")]
    Plain(#[status(forward)] RuntimeError),
    #[error("not found")]
    #[status(404)]
    NotFound,
    #[error("{0}")]
    #[status(transparent)]
    Runtime(RuntimeError),
}

fn archive(inner: RuntimeError) -> AppError {
    AppError::ArchiveCreation("a.zip".to_owned(), Box::new(inner))
}

fn quota() -> RuntimeError {
    RuntimeError::QuotaExceeded {
        user: "ann".to_owned(),
    }
}

fn body(err: &AppError) -> Value {
    serde_json::from_slice(err.response().body()).expect("a JSON body")
}

#[test]
fn a_forwarding_variant_answers_with_the_fields_status_code_and_type() {
    let err = archive(quota());
    assert_eq!(err.status(), StatusCode::FORBIDDEN);
    assert_eq!(err.code(), "quota_exceeded");
    assert_eq!(err.variant().name(), "QuotaExceeded");
    assert_eq!(
        err.variant().type_uri(),
        "https://api.example.com/problems/quota_exceeded"
    );
}

#[test]
fn a_4xx_forwarded_keeps_the_variants_own_message_and_the_fields_members() {
    let err = archive(quota());
    assert_eq!(err.detail(), "could not create archive a.zip");
    assert_eq!(
        body(&err),
        json!({
            "type": "https://api.example.com/problems/quota_exceeded",
            "title": "Forbidden",
            "status": 403,
            "detail": "could not create archive a.zip",
            "code": "quota_exceeded",
            "user": "ann"
        })
    );
    assert_eq!(
        err.problem().detail(),
        Some("could not create archive a.zip")
    );
}

#[test]
fn the_fields_headers_come_along() {
    let err = archive(RuntimeError::LoggedOut);
    assert_eq!(err.status(), 401);
    assert_eq!(err.headers()["www-authenticate"], REALM);
    assert_eq!(err.detail(), "could not create archive a.zip");
    let err = archive(RuntimeError::Limited { wait: 30 });
    assert_eq!(err.response().headers()["retry-after"], "30");
    let err = archive(RuntimeError::ReadOnly {
        allowed: vec![Method::GET, Method::HEAD],
    });
    assert_eq!(err.response().headers()["allow"], "GET, HEAD");
}

#[test]
fn a_5xx_forwarded_has_the_fields_detail_which_follows_the_5xx_rule() {
    let err = archive(RuntimeError::DiskFull);
    assert_eq!(err.status(), 507);
    assert_eq!(err.code(), "insufficient_storage");
    assert_eq!(err.detail(), RuntimeError::DiskFull.detail());
    assert!(!err.detail().contains("/var/lib"), "{}", err.detail());
    assert!(!err.detail().contains("a.zip"), "{}", err.detail());
    // A 5xx that exposes its own message shows it through the forwarding variant too.
    let err = archive(RuntimeError::Upstream("billing".to_owned()));
    assert_eq!(err.detail(), "upstream billing failed");
}

#[test]
fn expose_shows_the_variants_own_message_on_a_5xx_too() {
    let err = AppError::Share {
        name: "b.zip".to_owned(),
        inner: Arc::new(RuntimeError::DiskFull),
    };
    assert_eq!(err.status(), 507);
    assert_eq!(err.detail(), "could not share b.zip");
    assert_eq!(body(&err)["detail"], "could not share b.zip");
}

#[test]
fn without_a_message_the_detail_is_the_fields() {
    let err = AppError::Plain(quota());
    assert_eq!(err.status(), 403);
    assert_eq!(err.detail(), "quota exceeded for ann");
    let err = AppError::Plain(RuntimeError::LoggedOut);
    assert_eq!(err.static_body(), RuntimeError::LoggedOut.static_body());
    assert_eq!(err.body(), RuntimeError::LoggedOut.body());
}

#[test]
fn the_static_body_of_the_fields_row_never_stands_for_the_variants_message() {
    let inner = RuntimeError::LoggedOut;
    // The row has a static body, with the inner detail...
    assert!(inner.variant().static_body().is_some());
    // ...which a forwarding variant with a message of its own does not serve.
    let err = archive(RuntimeError::LoggedOut);
    assert_eq!(err.variant(), inner.variant());
    assert_eq!(err.static_body(), None);
    let response = err.response();
    let served: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(served["detail"], "could not create archive a.zip");
    assert_eq!(
        serde_json::from_slice::<Value>(&err.body()).unwrap(),
        served
    );
    // Through an `Arc`, with `expose`, and on a 5xx: the body is written.
    let shared = AppError::Share {
        name: "c.zip".to_owned(),
        inner: Arc::new(RuntimeError::LoggedOut),
    };
    assert_eq!(shared.static_body(), None);
    assert_eq!(body(&shared)["detail"], "could not share c.zip");
    // The type's own variants keep their static bodies.
    assert!(AppError::NotFound.static_body().is_some());
    assert_eq!(
        AppError::NotFound.static_body(),
        AppError::NotFound.variant().static_body()
    );
}

#[test]
fn the_table_shows_a_forwarding_variant_as_the_fields_type() {
    let table = AppError::table();
    let own: Vec<&str> = table.variants().iter().map(VariantInfo::name).collect();
    assert_eq!(own, ["NotFound"]);
    let links: Vec<&str> = table
        .transparent()
        .iter()
        .map(TransparentInfo::name)
        .collect();
    assert_eq!(links, ["ArchiveCreation", "Share", "Plain", "Runtime"]);
    for link in table.transparent() {
        assert_eq!(link.table().type_name(), "RuntimeError");
    }
    // Each of the inner rows once, whichever way it is reached.
    let codes: Vec<&str> = table.responses().iter().map(|v| v.code()).collect();
    assert_eq!(
        codes,
        [
            "not_found",
            "quota_exceeded",
            "logged_out",
            "limited",
            "read_only",
            "insufficient_storage",
            "bad_gateway"
        ]
    );
    let public: Vec<u16> = table
        .public_responses()
        .iter()
        .map(|v| v.status().as_u16())
        .collect();
    assert_eq!(public, [401, 403, 404, 405, 429, 502, 507]);
    let markdown = status_core::markdown::catalog::<AppError>();
    assert!(markdown.contains("quota_exceeded"), "{markdown}");
    assert!(!markdown.contains("could not create archive"), "{markdown}");
    let openapi = status_core::openapi::responses::<AppError>();
    assert!(openapi.get("507").is_some(), "{openapi:#}");
}

/// Forwards to `RuntimeError`, with no transparent variant that reaches it.
#[derive(Debug, ApiStatus, FromProblem)]
enum Wrapper {
    #[status(message = "wrapped")]
    Wrapped(#[status(forward)] RuntimeError),
}

#[test]
fn a_forwarding_variant_never_comes_back_but_its_field_does_through_transparent() {
    let sent = archive(quota());
    match AppError::from_response(&sent.response()) {
        Ok(AppError::Runtime(RuntimeError::QuotaExceeded { user })) => assert_eq!(user, "ann"),
        other => panic!("{other:?}"),
    }
    // Without a transparent variant to reach the inner type, the problem comes back.
    let sent = Wrapper::Wrapped(RuntimeError::DiskFull);
    let problem = Wrapper::from_response(&sent.response()).unwrap_err();
    assert_eq!(problem.code(), Some("insufficient_storage"));
}

/// A struct forwards as an enum's variant does.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[error("could not restore {path}")]
#[status(message = "could not restore {path}")]
struct RestoreFailed {
    path: String,
    #[status(forward)]
    source: RuntimeError,
}

#[test]
fn a_struct_forwards_too() {
    let err = RestoreFailed {
        path: "/x".to_owned(),
        source: quota(),
    };
    assert_eq!(err.status(), 403);
    assert_eq!(err.code(), "quota_exceeded");
    assert_eq!(err.detail(), "could not restore /x");
    assert!(RestoreFailed::table().variants().is_empty());
}

/// Enum-level `display` gives a forwarding variant its `Display` text on a 4xx.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(display)]
enum Displayed {
    #[error("could not export {0}")]
    Export(String, #[status(forward)] RuntimeError),
}

#[test]
fn enum_level_display_is_a_forwarding_variants_own_detail() {
    let err = Displayed::Export("d.csv".to_owned(), quota());
    assert_eq!(err.detail(), "could not export d.csv");
    let err = Displayed::Export("d.csv".to_owned(), RuntimeError::DiskFull);
    assert_eq!(err.detail(), RuntimeError::DiskFull.detail());
}

/// A store's errors, written without a `type_base`: their problems have no type of their own.
#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
enum StoreError {
    #[error("the record changed")]
    #[status(409)]
    Conflict,
    #[error("record {id} is locked")]
    #[status(423, message = "record {id} is locked")]
    Locked {
        #[status(extension)]
        id: u64,
    },
    #[error("archived")]
    #[status(410, type = "https://store.example.com/archived")]
    Archived,
    #[error("malformed")]
    #[status(400, type = "about:blank")]
    Malformed,
}

/// A service's enum with a base: the store's problems are served under it.
#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
#[status(type_base = "https://api.example.com/problems/")]
enum ServiceError {
    #[error("not found")]
    #[status(404)]
    NotFound,
    #[error("{0}")]
    #[status(transparent)]
    Store(StoreError),
    #[error("could not save {0}")]
    #[status(message = "could not save {0}")]
    Save(String, #[status(forward)] Box<StoreError>),
    #[error("{0}")]
    Plain(#[status(forward)] StoreError),
}

#[test]
fn under_a_type_base_the_forwarded_untyped_problems_take_the_outer_base() {
    let conflict = ServiceError::Store(StoreError::Conflict);
    let type_of = |err: &ServiceError| body_of(err)["type"].clone();
    assert_eq!(
        type_of(&conflict),
        "https://api.example.com/problems/conflict"
    );
    assert_eq!(
        conflict.problem().type_uri(),
        "https://api.example.com/problems/conflict"
    );
    let locked = ServiceError::Save("r".to_owned(), Box::new(StoreError::Locked { id: 7 }));
    assert_eq!(
        body_of(&locked),
        json!({
            "type": "https://api.example.com/problems/locked",
            "title": "Locked",
            "status": 423,
            "detail": "could not save r",
            "code": "locked",
            "id": 7
        })
    );
    assert_eq!(
        type_of(&ServiceError::Plain(StoreError::Locked { id: 7 })),
        "https://api.example.com/problems/locked"
    );
    // A type chosen by the store, `about:blank` included, is its own.
    assert_eq!(
        type_of(&ServiceError::Store(StoreError::Archived)),
        "https://store.example.com/archived"
    );
    assert!(body_of(&ServiceError::Store(StoreError::Malformed))
        .get("type")
        .is_none());
    // The store itself serves them as it did.
    assert!(body_of(&StoreError::Conflict).get("type").is_none());
}

fn body_of<T: ApiStatus>(err: &T) -> Value {
    let response = err.response();
    let served: Value = serde_json::from_slice(response.body()).expect("a JSON body");
    // Every path writes the same: the response, `body()` and `problem()`.
    assert_eq!(
        serde_json::from_slice::<Value>(&err.body()).unwrap(),
        served
    );
    assert_eq!(serde_json::to_value(err.problem()).unwrap(), served);
    served
}

#[test]
fn under_a_type_base_a_static_body_is_served_retyped() {
    let conflict = ServiceError::Store(StoreError::Conflict);
    let served = conflict.static_body().expect("the row's body, retyped");
    assert!(
        served.starts_with(br#"{"type":"https://api.example.com/problems/conflict","#),
        "{}",
        String::from_utf8_lossy(served)
    );
    assert_eq!(served, &*conflict.response().into_body());
    assert_eq!(conflict.variant().static_body(), Some(served));
    // A detail of the variant's own is still written.
    let save = ServiceError::Save("r".to_owned(), Box::new(StoreError::Conflict));
    assert_eq!(save.static_body(), None);
    assert_eq!(body_of(&save)["detail"], "could not save r");
}

#[test]
fn under_a_type_base_the_documents_show_the_forwarded_types() {
    let types: Vec<(&str, &str)> = ServiceError::table()
        .public_responses()
        .iter()
        .map(|v| (v.code(), v.type_uri()))
        .collect();
    assert_eq!(
        types,
        [
            ("malformed", "about:blank"),
            ("not_found", "https://api.example.com/problems/not_found"),
            ("conflict", "https://api.example.com/problems/conflict"),
            ("archived", "https://store.example.com/archived"),
            ("locked", "https://api.example.com/problems/locked"),
        ]
    );
    let openapi = status_core::openapi::responses::<ServiceError>();
    let example = &openapi["423"]["content"]["application/problem+json"]["examples"]["locked"];
    assert_eq!(
        example["value"]["type"], "https://api.example.com/problems/locked",
        "{openapi:#}"
    );
    let markdown = status_core::markdown::catalog::<ServiceError>();
    assert!(
        markdown.contains("https://api.example.com/problems/conflict"),
        "{markdown}"
    );
    let page = status_core::html::problem_type(&ServiceError::table(), "conflict")
        .expect("a page for the forwarded code");
    assert!(
        page.contains("https://api.example.com/problems/conflict"),
        "{page}"
    );
}

#[test]
fn under_a_type_base_a_forwarded_problem_comes_back_through_transparent() {
    let samples = || {
        [
            StoreError::Conflict,
            StoreError::Locked { id: 7 },
            StoreError::Archived,
            StoreError::Malformed,
        ]
    };
    for (sent, expected) in samples().into_iter().zip(samples()) {
        let response = ServiceError::Plain(sent).response();
        assert_eq!(
            ServiceError::from_response(&response),
            Ok(ServiceError::Store(expected))
        );
    }
}

/// Forwards, without a base, to a type whose static body is not always its row's.
#[derive(Debug, ApiStatus)]
enum Outer {
    #[status(transparent)]
    App(AppError),
}

#[test]
fn through_transparent_a_forwarding_variants_own_detail_is_still_served() {
    let err = Outer::App(archive(RuntimeError::LoggedOut));
    assert_eq!(err.static_body(), None);
    let served: Value = serde_json::from_slice(err.response().body()).unwrap();
    assert_eq!(served["detail"], "could not create archive a.zip");
    let plain = Outer::App(AppError::Plain(RuntimeError::LoggedOut));
    assert_eq!(plain.static_body(), RuntimeError::LoggedOut.static_body());
}
