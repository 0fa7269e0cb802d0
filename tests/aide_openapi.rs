//! aide documents a derived error type with no annotation: the document is built by aide's
//! `ApiRouter` and `finish_api`, served by a real axum server next to the routes it documents,
//! and fetched over HTTP with a real client.
#![cfg(feature = "aide")]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/documented.rs"]
mod documented;
#[path = "common/serve_axum.rs"]
mod serve_axum;

use std::sync::{Arc, Mutex};

use aide::axum::routing::get;
use aide::axum::ApiRouter;
use aide::openapi::{Info, OpenApi};
use axum::extract::Path;
use axum::{Extension, Json};
use common::{error_named, send, ShopError};
use documented::{
    assert_documents_every_error, assert_examples_are_what_the_server_sends,
    assert_extension_members_are_typed, assert_fixed_headers_are_required,
    assert_opaque_takes_any_value, assert_typed_through_the_box, assert_valid_openapi_3_1,
    operation_responses, untyped, Boxed, VersionConflict, WithOpaque,
};
use serde_json::{json, Value};
use status_core::{openapi, PROBLEM_JSON};

#[derive(serde::Deserialize, schemars::JsonSchema)]
struct ErrorPath {
    /// Which error to answer with.
    name: String,
}

#[derive(serde::Serialize, schemars::JsonSchema)]
struct Order {
    quantity: u32,
}

async fn error(Path(path): Path<ErrorPath>) -> Result<Json<Order>, ShopError> {
    Err(error_named(&path.name).unwrap_or(ShopError::Forbidden))
}

async fn serve_document(Extension(api): Extension<Arc<OpenApi>>) -> Json<Value> {
    Json(serde_json::to_value(&*api).unwrap_or_default())
}

/// The shop's app, documented by aide, and every error aide reported while generating.
fn app() -> (axum::Router, Arc<OpenApi>, Vec<String>) {
    let reported = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&reported);
    aide::generate::on_error(move |error| sink.lock().unwrap().push(error.to_string()));
    let mut api = OpenApi {
        info: Info {
            title: "Shop".to_owned(),
            version: "1.0.0".to_owned(),
            ..Info::default()
        },
        ..OpenApi::default()
    };
    let router = ApiRouter::new()
        .api_route("/errors/{name}", get(error))
        .route("/openapi.json", axum::routing::get(serve_document))
        .finish_api(&mut api);
    let api = Arc::new(api);
    let router = router.layer(Extension(Arc::clone(&api)));
    let reported = reported.lock().unwrap().clone();
    (router, api, reported)
}

fn document(api: &OpenApi) -> Value {
    assert_valid_openapi_3_1(&serde_json::to_string_pretty(api).unwrap())
}

#[test]
fn aide_reports_no_error_while_generating() {
    let (_, _, reported) = app();
    assert!(reported.is_empty(), "{reported:#?}");
}

#[test]
fn aide_documents_every_status_example_and_header_with_no_annotation() {
    let (_, api, _) = app();
    let document = document(&api);
    let responses = operation_responses(&document, "/errors/{name}");
    assert_documents_every_error(responses);
    assert!(
        responses["200"]["content"]["application/json"]["schema"].is_object(),
        "the success response is documented too: {responses:#}"
    );
}

#[test]
fn aide_responses_are_the_openapi_modules_responses() {
    let (_, api, _) = app();
    let document = document(&api);
    let mut responses = operation_responses(&document, "/errors/{name}").clone();
    responses.as_object_mut().unwrap().remove("200");
    // Equal but for the extension members, whose field types the tool knows.
    assert_eq!(
        untyped::<ShopError>(&responses),
        openapi::responses::<ShopError>()
    );
    assert_extension_members_are_typed(&responses);
    assert_fixed_headers_are_required(&responses);
}

#[test]
fn served_document_documents_the_errors_the_served_route_returns() {
    let (router, _, _) = app();
    let base = serve_axum::serve(router);
    let seen = send("GET", &format!("{base}/openapi.json"), None);
    assert_eq!(seen.status, 200, "{}", seen.text);
    let document = assert_valid_openapi_3_1(&seen.text);
    let responses = operation_responses(&document, "/errors/{name}");
    assert_documents_every_error(responses);
    assert_examples_are_what_the_server_sends(responses, &base);
}

/// A type with one status, which aide can use as an operation's single response.
#[derive(Debug, status_core::ApiStatus)]
#[status(503, retry_after = 60)]
struct Maintenance;

#[test]
fn a_single_response_exists_only_for_a_type_with_one_status() {
    let single = status_core::aide::single_response::<Maintenance>().expect("one status");
    assert_eq!(
        serde_json::to_value(single).unwrap(),
        openapi::responses::<Maintenance>()["503"]
    );
    assert!(status_core::aide::single_response::<ShopError>().is_none());
}

/// The docs tools guide's aide walk-through, as `examples/aide.rs` builds it.
#[allow(dead_code, clippy::pedantic)]
#[path = "../examples/aide.rs"]
mod walk_through;

#[test]
fn the_walk_through_serves_its_document_its_pages_and_every_error_as_a_problem() {
    let (router, api) = walk_through::app();
    let base = serve_axum::serve(router);

    let seen = send("GET", &format!("{base}/openapi.json"), None);
    assert_eq!(seen.status, 200, "{}", seen.text);
    let served = assert_valid_openapi_3_1(&seen.text);
    assert_eq!(served, serde_json::to_value(&*api).unwrap());
    // The documented routes only: not the document, not the pages.
    let paths: Vec<&String> = served["paths"].as_object().unwrap().keys().collect();
    assert_eq!(paths, ["/users", "/users/{id}"]);
    assert!(served["paths"]["/users/{id}"]["get"]["responses"]["404"].is_object());

    for path in ["/problems/", "/problems/user_not_found"] {
        let seen = send("GET", &format!("{base}{path}"), None);
        assert_eq!(seen.status, 200, "{path}");
        assert_eq!(
            seen.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert!(
            seen.text.contains("<h1>Example service errors</h1>"),
            "{path}"
        );
    }

    // Every error, the handler's and axum's own, is a problem with its `instance`.
    for (path, status, code) in [
        ("/users/42", 404, "user_not_found"),
        ("/users/ada", 400, "invalid_path"),
        ("/no/such/route", 404, "route_not_found"),
        ("/problems/no_such_code", 404, "route_not_found"),
    ] {
        let seen = send("GET", &format!("{base}{path}"), None);
        assert_eq!(seen.status, status, "{path}: {}", seen.text);
        assert_eq!(seen.header("content-type"), Some(PROBLEM_JSON), "{path}");
        let body = seen.json();
        assert_eq!(body["status"], status, "{path}");
        assert_eq!(body["code"], code, "{path}");
        assert_eq!(body["instance"], path, "{path}");
    }
    let seen = send("DELETE", &format!("{base}/users/42"), None);
    assert_eq!(seen.assert_problem(405)["instance"], "/users/42");
    assert!(seen
        .header("allow")
        .is_some_and(|allow| allow.contains("GET")));
}

#[test]
fn the_walk_through_documents_what_axum_rejects_where_it_can_happen() {
    let (router, api) = walk_through::app();
    let base = serve_axum::serve(router);
    let served = serde_json::to_value(&*api).unwrap();

    // What axum rejects before a handler runs is served with its code, and documented on
    // the operation, beside the handler's own errors of the same status.
    let users = format!("{base}/users");
    for (method, url, body, operation, code) in [
        (
            "POST",
            users.clone(),
            Some("{\"name\": "),
            "/users post",
            "invalid_json",
        ),
        (
            "POST",
            users.clone(),
            Some("{\"name\": 7}"),
            "/users post",
            "json_data",
        ),
        (
            "POST",
            users.clone(),
            Some("{\"name\": \"\"}"),
            "/users post",
            "invalid",
        ),
        (
            "POST",
            users.clone(),
            None,
            "/users post",
            "missing_json_content_type",
        ),
        (
            "GET",
            format!("{users}?limit=many"),
            None,
            "/users get",
            "invalid_query",
        ),
        (
            "GET",
            format!("{users}/ada"),
            None,
            "/users/{id} get",
            "invalid_path",
        ),
    ] {
        let seen = send(method, &url, body);
        let status = seen.status;
        let sent = seen.assert_problem(status);
        assert_eq!(sent["code"], code, "{method} {url}");
        let (path, verb) = operation.split_once(' ').unwrap();
        let response = &served["paths"][path][verb]["responses"][status.to_string()];
        let codes: Vec<&Value> = response["content"][PROBLEM_JSON]["schema"]["oneOf"]
            .as_array()
            .unwrap_or_else(|| panic!("{operation} documents no {status}"))
            .iter()
            .map(|schema| &schema["properties"]["code"]["enum"][0])
            .collect();
        assert!(
            codes.contains(&&json!(code)),
            "{operation} {status}: {codes:?}"
        );
    }
    // The user's 422 and axum's share one response.
    let unprocessable = &served["paths"]["/users"]["post"]["responses"]["422"];
    let examples = unprocessable["content"][PROBLEM_JSON]["examples"]
        .as_object()
        .unwrap();
    assert!(examples.contains_key("invalid") && examples.contains_key("json_data"));
}

#[test]
fn a_forwarded_types_members_are_typed_through_a_box() {
    use aide::OperationOutput;
    let responses = aide::generate::in_context(|ctx| {
        Boxed::inferred_responses(ctx, &mut aide::openapi::Operation::default())
    });
    let conflict = serde_json::to_value(&responses[0].1).unwrap();
    assert_typed_through_the_box(&conflict);
}

#[test]
fn a_type_of_one_status_is_one_typed_response_and_of_several_none() {
    use aide::OperationOutput;
    let (single, inferred, several) = aide::generate::in_context(|ctx| {
        let operation = &mut aide::openapi::Operation::default();
        (
            VersionConflict::operation_response(ctx, operation),
            VersionConflict::inferred_responses(ctx, operation),
            ShopError::operation_response(ctx, operation),
        )
    });
    let single = serde_json::to_value(single.expect("one status")).unwrap();
    assert_eq!(single, serde_json::to_value(&inferred[0].1).unwrap());
    assert_eq!(
        single["content"][PROBLEM_JSON]["schema"]["oneOf"][0]["properties"]["current_version"]
            ["type"],
        "integer"
    );
    assert!(several.is_none());
}

#[test]
fn a_member_of_a_type_without_a_schema_takes_any_value_and_keeps_its_placeholder() {
    use aide::OperationOutput;
    let responses = aide::generate::in_context(|ctx| {
        WithOpaque::inferred_responses(ctx, &mut aide::openapi::Operation::default())
    });
    let conflict = serde_json::to_value(&responses[0].1).unwrap();
    assert_opaque_takes_any_value(&conflict);
}

#[test]
fn a_handler_answering_with_a_rejection_documents_every_kind() {
    use aide::OperationOutput;
    let responses = aide::generate::in_context(|ctx| {
        status_core::Rejection::inferred_responses(ctx, &mut aide::openapi::Operation::default())
    });
    let statuses: Vec<Option<u16>> = responses.iter().map(|(status, _)| *status).collect();
    assert_eq!(
        statuses,
        [
            Some(400),
            Some(404),
            Some(405),
            Some(413),
            Some(415),
            Some(422)
        ]
    );
    let not_found = serde_json::to_value(&responses[1].1).unwrap();
    assert!(not_found["content"][PROBLEM_JSON]["examples"]
        .get("route_not_found")
        .is_some());
}
