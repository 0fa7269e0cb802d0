//! `status_core::axum::Json` in an aide `ApiRouter`: the document shows its request body and
//! the rejections of a JSON body, and the same app, served, answers them exactly.

use crate::serve_axum;
use std::sync::{Arc, Mutex};

use crate::common::ShopError;
use crate::documented::assert_valid_openapi_3_1;
use crate::extractors_common::{accepted, assert_json_extractor_rejects_exactly, Order, LIMIT};
use aide::axum::routing::{get, post};
use aide::axum::ApiRouter;
use aide::openapi::{Info, OpenApi};
use axum::extract::DefaultBodyLimit;
use serde_json::Value;
use status_core::axum::Json;

/// A handler of the shop: its own errors share statuses (400, 422) with the rejections.
async fn order(Json(order): Json<Order>) -> Result<String, ShopError> {
    Ok(accepted(&order))
}

async fn health() -> &'static str {
    "ok"
}

/// The documented app, its document, and every error aide reported while generating it.
fn app() -> (axum::Router, Value, Vec<String>) {
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
        .api_route("/orders", post(order))
        .api_route("/health", get(health))
        .layer(DefaultBodyLimit::max(LIMIT))
        .finish_api(&mut api);
    let document = assert_valid_openapi_3_1(&serde_json::to_string(&api).unwrap());
    let reported = reported.lock().unwrap().clone();
    (router, document, reported)
}

/// `schema`, or what its `$ref` points at in `document`.
fn resolved<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => document
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("{reference} dangles")),
        None => schema,
    }
}

#[test]
fn aide_documents_the_request_body_of_status_core_json() {
    let (_, document, reported) = app();
    assert!(reported.is_empty(), "{reported:#?}");
    let body = &document["paths"]["/orders"]["post"]["requestBody"];
    assert_eq!(body["required"], true, "{body:#}");
    let order = resolved(&document, &body["content"]["application/json"]["schema"]);
    assert_eq!(order["type"], "object", "{order:#}");
    assert_eq!(order["required"], serde_json::json!(["items"]));
    let items = &order["properties"]["items"];
    assert_eq!(items["type"], "array", "{items:#}");
    let item = resolved(&document, &items["items"]);
    assert_eq!(item["properties"]["qty"]["type"], "integer", "{item:#}");
    assert!(document["paths"]["/health"]["get"]
        .get("requestBody")
        .is_none());
}

#[test]
fn aide_documents_the_rejections_of_status_core_json_with_their_codes() {
    let (_, document, _) = app();
    let responses = &document["paths"]["/orders"]["post"]["responses"];
    // The handler's own errors of the same statuses stay beside them, merged.
    crate::extractors_common::assert_documents_json_body_rejections(responses);
    let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    let mut sorted = statuses.clone();
    sorted.sort();
    assert_eq!(statuses, sorted, "in order of status");
    // A route without a body documents no rejection of one.
    let health = &document["paths"]["/health"]["get"]["responses"];
    assert!(health.get("415").is_none(), "{health:#}");
}

#[test]
fn the_documented_app_answers_the_rejections_exactly() {
    let (router, _, _) = app();
    assert_json_extractor_rejects_exactly(&serve_axum::serve(router));
}
