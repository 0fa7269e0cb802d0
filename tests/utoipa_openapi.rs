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
    assert_extension_members_are_typed, assert_opaque_takes_any_value,
    assert_typed_through_the_box, assert_valid_openapi_3_1, operation_responses, untyped,
    without_required_headers, Boxed, WithOpaque,
};
use serde_json::Value;
use status_core::utoipa::{JsonBodyRejections, Merged, PathRejections};
use status_core::{openapi, Problem, Rejection};
use utoipa::{IntoResponses, OpenApi};

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
    // Equal but for the extension members, whose field types the tool knows.
    assert_eq!(
        untyped::<ShopError>(&responses),
        without_required_headers(&openapi::responses::<ShopError>())
    );
    assert_extension_members_are_typed(&responses);
}

#[test]
fn problem_schema_registered_with_utoipa_is_the_openapi_modules_schema() {
    let document = document();
    assert_eq!(
        document["components"]["schemas"][openapi::PROBLEM_SCHEMA],
        openapi::problem_schema()
    );
}

/// A second error type sharing three statuses (400, 404, 422) with the rejections.
#[allow(dead_code)] // documented only
#[derive(Debug, status_core::ApiStatus)]
enum BookError {
    #[status(400, message = "the ISBN {isbn} is malformed")]
    IsbnMalformed { isbn: String },
    #[status(404)]
    BookNotFound,
    #[status(422)]
    OutOfPrint {
        #[status(extension)]
        reprint_year: u16,
    },
}

/// Updates a book: takes a JSON body and a path parameter.
#[utoipa::path(
    put,
    path = "/books/{isbn}",
    params(("isbn" = String, Path)),
    responses(
        (status = 204, description = "Updated"),
        Merged<(BookError, JsonBodyRejections, PathRejections, Rejection)>
    )
)]
#[allow(dead_code)] // documented only
fn update_book() {}

#[derive(OpenApi)]
#[openapi(paths(update_book))]
struct BooksDoc;

#[test]
fn two_error_types_on_one_operation_merge_per_status_and_overwrite_nothing() {
    let document = assert_valid_openapi_3_1(&BooksDoc::openapi().to_pretty_json().unwrap());
    let responses = &document["paths"]["/books/{isbn}"]["put"]["responses"];
    let codes = |status: &str| -> Vec<String> {
        let media = &responses[status]["content"][status_core::PROBLEM_JSON];
        let examples: Vec<String> = media["examples"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        let mut schemas: Vec<String> = media["schema"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|schema| {
                schema["properties"]["code"]["enum"][0]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        schemas.sort();
        assert_eq!(
            examples, schemas,
            "{status}: one example and one schema per code"
        );
        examples
    };
    assert_eq!(
        codes("400"),
        [
            "invalid_json",
            "invalid_path",
            "invalid_query",
            "isbn_malformed",
            "unreadable_body"
        ]
    );
    assert_eq!(codes("404"), ["book_not_found", "route_not_found"]);
    assert_eq!(codes("422"), ["form_data", "json_data", "out_of_print"]);
    // Each type's descriptions and headers survive the merge.
    let description = responses["400"]["description"].as_str().unwrap();
    assert!(description.starts_with("Bad Request."), "{description}");
    assert_eq!(description.matches("\n- `").count(), 5, "{description}");
    assert!(responses["405"]["headers"]["Allow"].is_object());
    assert!(responses["204"].is_object());

    // The merge is the openapi module's, as utoipa hands it over.
    let mut merged = openapi::responses::<BookError>();
    for added in [
        Merged::<(JsonBodyRejections, PathRejections)>::responses(),
        <Rejection as utoipa::IntoResponses>::responses(),
    ] {
        openapi::merge_responses(&mut merged, &serde_json::to_value(added).unwrap());
    }
    let mut documented = untyped::<BookError>(responses);
    documented.as_object_mut().unwrap().remove("204");
    assert_eq!(documented, without_required_headers(&merged));
}

#[test]
fn a_forwarded_types_members_are_typed_through_a_box() {
    let conflict = serde_json::to_value(&Boxed::responses()["409"]).unwrap();
    assert_typed_through_the_box(&conflict);
}

#[test]
fn a_member_of_a_type_without_a_schema_takes_any_value_and_keeps_its_placeholder() {
    let conflict = serde_json::to_value(&WithOpaque::responses()["409"]).unwrap();
    assert_opaque_takes_any_value(&conflict);
}

/// A window of a rate limit: a schema another one names.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Window {
    seconds: u32,
}

/// The limits of a key, naming `Window`.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
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

#[test]
fn a_members_schema_holds_the_schemas_it_names_inline() {
    let throttled = serde_json::to_value(&Throttled::responses()["429"]).unwrap();
    let media = &throttled["content"][status_core::PROBLEM_JSON];
    let limits = &media["schema"]["oneOf"][0]["properties"]["limits"];
    // utoipa registers no schema for an `IntoResponses` type: a `$ref` would dangle.
    assert!(!limits.to_string().contains("$ref"), "{limits:#}");
    assert_eq!(
        limits["properties"]["window"]["properties"]["seconds"]["type"],
        "integer"
    );
    assert_eq!(
        media["examples"]["throttled"]["value"]["limits"],
        serde_json::json!({ "requests": 0, "window": { "seconds": 0 } })
    );
}
