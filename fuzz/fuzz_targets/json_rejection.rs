//! Sends arbitrary bytes as a JSON body to a real axum router twice: through axum's `Json`
//! and status-core's `problem_details` layer, and through `status_core::axum::Json`. Whatever
//! the body, each answer is a success that serde agrees with, or a valid Problem Details
//! response of a rejection, with one violation in `errors` for `json_data`. The exact
//! extractor's pointer points into the body: at a member or element it has, or at one missing
//! from a value it has (axum's text cannot say that much of keys holding `.` or `[`).
//!
//! `cargo fuzz run json_rejection` (from the repository root), or `bash fuzz/run.sh SECONDS`;
//! `fuzz/seeds/json_rejection` holds bodies of each kind.
#![no_main]

use std::sync::OnceLock;

use axum::body::Body;
use axum::routing::post;
use axum::{Json, Router};
use http::header::CONTENT_TYPE;
use serde_json::Value;
use status_core::{Problem, Violation, Violations, PROBLEM_JSON};
use tower::ServiceExt;

#[allow(dead_code)] // the tests use the rest
#[path = "../../tests/common/signup.rs"]
mod signup;

use signup::Signup;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let app = Router::new()
        .route("/", post(|Json(_): Json<Signup>| async { "welcome" }))
        .route(
            "/exact",
            post(|status_core::axum::Json(_): status_core::axum::Json<Signup>| async { "welcome" }),
        )
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ));
    check(&app, "/", data);
    if let Some(error) = check(&app, "/exact", data) {
        let Ok(sent) = serde_json::from_slice::<Value>(data) else {
            return;
        };
        let keys: Vec<String> = error.pointer.keys().map(|key| key.into_owned()).collect();
        let parent = keys.split_last().map_or(&keys[..], |(_, parent)| parent);
        let path = |keys: &[String]| {
            keys.iter()
                .map(|key| format!("/{}", key.replace('~', "~0").replace('/', "~1")))
                .collect::<String>()
        };
        assert!(
            sent.pointer(&path(&keys)).is_some() || sent.pointer(&path(parent)).is_some(),
            "{} is not in {sent}",
            error.pointer
        );
    }
});

/// Posts `data` to `route` and checks the answer; a `json_data` rejection's violation.
fn check(app: &Router, route: &str, data: &[u8]) -> Option<Violation> {
    let request = http::Request::post(route)
        .header(CONTENT_TYPE, "application/json")
        .body(Body::from(data.to_vec()))
        .expect("a request");
    let (status, content_type, body) = runtime().block_on(async {
        let response = app.clone().oneshot(request).await.expect("infallible");
        let status = response.status().as_u16();
        let content_type = response.headers().get(CONTENT_TYPE).cloned();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("a body");
        (status, content_type, body)
    });
    if status == 200 {
        assert_eq!(&body[..], b"welcome");
        assert!(
            serde_json::from_slice::<Signup>(data).is_ok(),
            "a success serde refuses"
        );
        return None;
    }
    assert_eq!(
        content_type.as_ref().map(|v| v.as_bytes()),
        Some(PROBLEM_JSON.as_bytes())
    );
    let problem: Problem = serde_json::from_slice(&body).expect("a problem body");
    assert_eq!(problem.status(), Some(status));
    let code = problem.code().expect("a code");
    assert!(
        ["invalid_json", "json_data", "unreadable_body"].contains(&code),
        "{code}"
    );
    if code != "json_data" {
        assert!(problem.extensions().get("errors").is_none());
        return None;
    }
    assert_eq!(status, 422);
    let errors: Violations = serde_json::from_value(problem.extensions()["errors"].clone())
        .expect("errors as RFC 9457 shows them");
    let mut errors = errors.into_iter();
    let (Some(error), None) = (errors.next(), errors.next()) else {
        panic!("not one violation in {problem:?}");
    };
    Some(error)
}
