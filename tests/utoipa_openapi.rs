//! utoipa documents a derived error type: the document is built by utoipa's own derive over
//! `#[utoipa::path]` handlers, and checked against what a real axum server sends.
#![cfg(all(feature = "utoipa", feature = "axum"))]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/documented.rs"]
mod documented;
#[path = "common/serve_axum.rs"]
mod serve_axum;

use axum::extract::Path;
use axum::routing::get;
use common::{error_named, ShopError};
use documented::{
    assert_documents_every_error, assert_examples_are_what_the_server_sends,
    assert_valid_openapi_3_1, operation_responses,
};
use serde_json::Value;
use status_core::{openapi, Problem};
use utoipa::OpenApi;

/// Answers with the error `name` names.
#[utoipa::path(
    get,
    path = "/errors/{name}",
    params(("name" = String, Path, description = "Which error to answer with")),
    responses((status = 200, description = "Never sent", body = String), ShopError)
)]
async fn error(Path(name): Path<String>) -> Result<String, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

#[derive(OpenApi)]
#[openapi(paths(error), components(schemas(Problem)))]
struct ApiDoc;

fn document() -> Value {
    assert_valid_openapi_3_1(&ApiDoc::openapi().to_pretty_json().unwrap())
}

#[test]
fn utoipa_document_is_valid_openapi_3_1_with_no_dangling_ref() {
    let document = document();
    assert_eq!(
        document["paths"]["/errors/{name}"]["get"]["responses"]["200"]["description"],
        "Never sent"
    );
}

#[test]
fn utoipa_documents_every_status_example_and_header() {
    assert_documents_every_error(operation_responses(&document(), "/errors/{name}"));
}

#[test]
fn utoipa_examples_are_the_bodies_a_real_server_sends() {
    let app = axum::Router::new().route("/errors/{name}", get(error));
    let base = serve_axum::serve(app);
    let document = document();
    assert_examples_are_what_the_server_sends(
        operation_responses(&document, "/errors/{name}"),
        &base,
    );
}

#[test]
fn utoipa_responses_are_the_openapi_modules_responses() {
    let document = document();
    let mut responses = operation_responses(&document, "/errors/{name}").clone();
    responses.as_object_mut().unwrap().remove("200");
    assert_eq!(responses, openapi::responses::<ShopError>());
}

#[test]
fn problem_schema_registered_with_utoipa_is_the_openapi_modules_schema() {
    let document = document();
    assert_eq!(
        document["components"]["schemas"][openapi::PROBLEM_SCHEMA],
        openapi::problem_schema()
    );
}
