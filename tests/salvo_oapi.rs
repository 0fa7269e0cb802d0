//! salvo-oapi documents a derived error type: the document is built by salvo-oapi itself from
//! a router of `#[endpoint]` handlers, and checked against what a real salvo server sends.
#![cfg(feature = "salvo-oapi")]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/documented.rs"]
mod documented;
#[path = "common/serve_salvo.rs"]
mod serve_salvo;

use common::{error_named, ShopError};
use documented::{
    assert_documents_every_error, assert_examples_are_what_the_server_sends,
    assert_extension_members_are_typed, assert_fixed_headers_are_required,
    assert_opaque_takes_any_value, assert_typed_through_the_box, assert_valid_openapi_3_1,
    operation_responses, untyped, Boxed, WithOpaque,
};
use salvo::oapi::extract::{JsonBody, PathParam};
use salvo::oapi::{endpoint, Components, EndpointOutRegister, OpenApi, Operation, ToSchema};
use salvo::prelude::*;
use serde_json::Value;
use status_core::{openapi, PROBLEM_JSON};

/// Answers with the error `name` names.
#[endpoint]
async fn error(name: PathParam<String>) -> Result<String, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

/// An order as the client sends it.
#[derive(serde::Deserialize, ToSchema)]
struct Order {
    quantity: u32,
}

/// An order as it was taken.
#[derive(serde::Serialize, ToSchema)]
struct Receipt {
    quantity: u32,
}

/// Takes an order.
#[endpoint]
async fn order(body: JsonBody<Order>) -> Result<Json<Receipt>, ShopError> {
    Ok(Json(Receipt {
        quantity: body.quantity,
    }))
}

fn router() -> Router {
    Router::new()
        .push(Router::with_path("errors/{name}").get(error))
        .push(Router::with_path("orders").post(order))
}

/// The document salvo-oapi builds from the router, as JSON.
fn document_json() -> String {
    OpenApi::new("shop", "1.0.0")
        .merge_router(&router())
        .to_pretty_json()
        .unwrap()
}

fn document() -> Value {
    assert_valid_openapi_3_1(&document_json())
}

#[test]
fn salvo_oapi_document_is_valid_openapi_3_1_with_no_dangling_ref() {
    let document = document();
    let orders = &document["paths"]["/orders"]["post"];
    assert!(orders["requestBody"].is_object(), "{orders:#}");
    assert!(orders["responses"]["200"].is_object(), "{orders:#}");
}

#[test]
fn salvo_oapi_documents_every_status_example_and_header() {
    let document = document();
    let responses = operation_responses(&document, "/errors/{name}");
    assert_documents_every_error(responses);
    assert_fixed_headers_are_required(responses);
    // The handler with a JSON body documents the same errors next to its success.
    let orders = &document["paths"]["/orders"]["post"]["responses"];
    assert_documents_every_error(orders);
}

#[test]
fn salvo_oapi_examples_are_the_bodies_a_real_server_sends() {
    let service = Service::new(router())
        .catcher(salvo::catcher::Catcher::default().hoop(status_core::salvo::ProblemDetails));
    let base = serve_salvo::serve(service);
    let document = document();
    assert_examples_are_what_the_server_sends(
        operation_responses(&document, "/errors/{name}"),
        &base,
    );
}

#[test]
fn salvo_oapi_responses_are_the_openapi_modules_responses() {
    let document = document();
    let mut responses = operation_responses(&document, "/errors/{name}").clone();
    assert_eq!(
        responses["200"]["content"]["text/plain"]["schema"]["type"],
        "string"
    );
    responses.as_object_mut().unwrap().remove("200");
    // Equal but for the extension members, whose field types the tool knows.
    assert_eq!(
        untyped::<ShopError>(&responses),
        openapi::responses::<ShopError>()
    );
    assert_extension_members_are_typed(&responses);
}

/// The responses the derived `EndpointOutRegister` adds to an empty operation.
fn registered<T: EndpointOutRegister>() -> Value {
    let mut operation = Operation::new();
    T::register(&mut Components::new(), &mut operation);
    serde_json::to_value(&operation.responses).unwrap()
}

#[test]
fn a_forwarded_types_members_are_typed_through_a_box() {
    assert_typed_through_the_box(&registered::<Boxed>()["409"]);
}

#[test]
fn a_member_of_a_type_without_a_schema_takes_any_value_and_keeps_its_placeholder() {
    assert_opaque_takes_any_value(&registered::<WithOpaque>()["409"]);
}

/// A window of a rate limit: a schema another one names.
#[derive(Debug, serde::Serialize, ToSchema)]
struct Window {
    seconds: u32,
}

/// The limits of a key, naming `Window`.
#[derive(Debug, serde::Serialize, ToSchema)]
struct Limits {
    requests: u32,
    window: Window,
}

#[allow(dead_code)] // documented only
#[derive(Debug, status_core::ApiStatus)]
#[status(429)]
struct Throttled {
    #[status(extension)]
    limits: Limits,
}

#[endpoint]
async fn throttled() -> Result<String, Throttled> {
    Ok(String::new())
}

#[test]
fn a_members_schema_is_registered_in_the_components_and_its_example_follows_it() {
    let router = Router::with_path("throttled").get(throttled);
    let json = OpenApi::new("limits", "1.0.0")
        .merge_router(&router)
        .to_pretty_json()
        .unwrap();
    // Every `$ref` resolves: salvo-oapi registers the schemas a member's schema names.
    let document = assert_valid_openapi_3_1(&json);
    let media = &operation_responses(&document, "/throttled")["429"]["content"][PROBLEM_JSON];
    assert!(media["schema"]["oneOf"][0]["properties"]["limits"].is_object());
    assert_eq!(
        media["examples"]["throttled"]["value"]["limits"],
        serde_json::json!({ "requests": 0, "window": { "seconds": 0 } })
    );
}

#[test]
#[ignore = "needs openapi-spec-validator: pip install openapi-spec-validator"]
fn salvo_oapi_document_passes_openapi_spec_validator() {
    let path = std::env::temp_dir().join(format!("salvo-openapi-{}.json", std::process::id()));
    std::fs::write(&path, document_json()).unwrap();
    let output = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&path)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "openapi-spec-validator rejects the document:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A 422 whose `errors` are the library's `Violations`, as validation errors are.
#[allow(dead_code)] // documented only
#[derive(Debug, status_core::ApiStatus)]
#[status(422)]
struct Checked {
    #[status(extension)]
    errors: status_core::Violations,
}

#[test]
fn violations_are_documented_with_their_schema() {
    let invalid = &registered::<Checked>()["422"];
    let media = &invalid["content"][PROBLEM_JSON];
    let errors = &media["schema"]["oneOf"][0]["properties"]["errors"];
    assert_eq!(errors["type"], "array", "{invalid:#}");
    assert_eq!(
        errors["items"]["required"],
        serde_json::json!(["detail", "pointer"])
    );
    // The example shows an entry of that shape, not the `{errors}` placeholder.
    let example = &media["examples"]["checked"]["value"]["errors"];
    assert!(example.is_array(), "{invalid:#}");
}

#[test]
fn the_document_with_rejections_lists_what_each_operation_can_be_rejected_with() {
    let document = status_core::salvo_oapi::with_rejections(
        OpenApi::new("shop", "1.0.0").merge_router(&router()),
    );
    let document = assert_valid_openapi_3_1(&document.to_pretty_json().unwrap());
    let examples = |path: &str, status: &str| -> Vec<String> {
        let method = if path == "/orders" { "post" } else { "get" };
        let media = &document["paths"][path][method]["responses"][status]["content"][PROBLEM_JSON];
        media["examples"]
            .as_object()
            .unwrap_or_else(|| panic!("{path} has no {status}"))
            .keys()
            .cloned()
            .collect()
    };
    // The path parameter's rejection, merged with the enum's own 400.
    let bad_request = examples("/errors/{name}", "400");
    assert!(
        bad_request.contains(&"invalid_path".to_owned()),
        "{bad_request:?}"
    );
    assert!(
        bad_request.contains(&"malformed".to_owned()),
        "{bad_request:?}"
    );
    // The body's: its 415, and its 422 beside the enum's `invalid`.
    assert_eq!(examples("/orders", "415"), ["missing_json_content_type"]);
    let unprocessable = examples("/orders", "422");
    assert!(
        unprocessable.contains(&"json_data".to_owned()),
        "{unprocessable:?}"
    );
    assert!(
        unprocessable.contains(&"invalid".to_owned()),
        "{unprocessable:?}"
    );
    // An operation without a body documents no body's rejections.
    assert!(operation_responses(&document, "/errors/{name}")
        .get("415")
        .is_none());
}
