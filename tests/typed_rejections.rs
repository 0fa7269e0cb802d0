//! A shared enum with a `type_base` reads the framework's own errors through
//! `#[status(transparent)] Rejected(status_core::Rejection)`: a rejection, untyped on its own,
//! is served, documented and decoded with the enum's base followed by its code. Over a real
//! axum server on loopback and a real client.
#![cfg(feature = "axum")]
// What the derive writes for a type with a `type_base` that forwards, under every lint:
// `cargo clippy --all-targets --all-features` checks this file.
#![deny(warnings, clippy::pedantic)]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/serve_axum.rs"]
mod serve_axum;

use axum::routing::post;
use serde_json::{json, Value};
use status_core::axum::Json;
use status_core::{ApiStatus, FromProblem, Rejection, RejectionKind};

const BASE: &str = "https://api.example.com/problems/";

/// The service's errors, as the server and its clients share them.
#[derive(Debug, PartialEq, ApiStatus, FromProblem)]
#[status(type_base = "https://api.example.com/problems/")]
enum PetError {
    #[status(409, message = "a pet named {name} exists")]
    Taken {
        #[status(extension)]
        name: String,
    },
    #[status(transparent)]
    Rejected(Rejection),
}

#[derive(serde::Deserialize)]
struct Pet {
    name: String,
}

/// The handler takes the extractor's rejection itself, into the service's enum.
async fn adopt(pet: Result<Json<Pet>, Rejection>) -> Result<String, PetError> {
    let Json(pet) = pet.map_err(PetError::Rejected)?;
    if pet.name == "rex" {
        return Err(PetError::Taken { name: pet.name });
    }
    Ok(format!("welcome, {}", pet.name))
}

fn serve() -> String {
    let app = axum::Router::new()
        .route("/pets", post(adopt))
        .merge(status_core::axum::problem_types::<PetError, _>());
    serve_axum::serve(app)
}

/// `POST {base}/pets` with `body`, as the client saw it, back into an `http::Response`.
fn adopt_with(base: &str, body: &str) -> http::Response<Vec<u8>> {
    let seen = common::send("POST", &format!("{base}/pets"), Some(body));
    let mut response = http::Response::new(seen.text.into_bytes());
    *response.status_mut() = http::StatusCode::from_u16(seen.status).unwrap();
    *response.headers_mut() = seen.headers;
    response
}

fn json_of(response: &http::Response<Vec<u8>>) -> Value {
    serde_json::from_slice(response.body()).expect("a JSON body")
}

#[test]
fn a_rejection_is_served_under_the_enums_base_and_decoded_back() {
    let base = serve();

    let response = adopt_with(&base, "{not json");
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body = json_of(&response);
    assert_eq!(body["type"], format!("{BASE}invalid_json"), "{body}");
    assert_eq!(body["code"], "invalid_json");
    match PetError::from_response(&response) {
        Ok(PetError::Rejected(rejection)) => {
            assert_eq!(rejection.kind(), RejectionKind::InvalidJson);
            // What comes back serves the same body again.
            assert_eq!(json_of(&PetError::Rejected(rejection).response()), body);
        }
        other => panic!("{other:?}"),
    }

    let response = adopt_with(&base, r#"{"name": 5}"#);
    assert_eq!(response.status(), 422);
    let body = json_of(&response);
    assert_eq!(body["type"], format!("{BASE}json_data"), "{body}");
    assert_eq!(body["errors"][0]["pointer"], "#/name", "{body}");
    match PetError::from_response(&response) {
        Ok(PetError::Rejected(rejection)) => {
            assert_eq!(rejection.kind(), RejectionKind::JsonData);
            assert_eq!(rejection.errors().len(), 1);
        }
        other => panic!("{other:?}"),
    }

    // The enum's own variants, as before.
    let response = adopt_with(&base, r#"{"name": "rex"}"#);
    assert_eq!(json_of(&response)["type"], format!("{BASE}taken"));
    assert_eq!(
        PetError::from_response(&response),
        Ok(PetError::Taken {
            name: "rex".to_owned()
        })
    );
}

#[test]
fn a_rejection_under_the_base_has_a_page_where_its_type_points() {
    let base = serve();
    for code in ["invalid_json", "json_data", "route_not_found", "taken"] {
        let seen = common::send("GET", &format!("{base}/problems/{code}"), None);
        assert_eq!(seen.status, 200, "{code}: {}", seen.text);
        assert!(
            seen.text.contains(&format!("{BASE}{code}")),
            "{}",
            seen.text
        );
    }
}

#[test]
fn the_openapi_responses_show_the_rejections_types() {
    let responses = status_core::openapi::responses::<PetError>();
    let problem = |status: &str| &responses[status]["content"]["application/problem+json"];
    let invalid_json = &problem("400")["examples"]["invalid_json"]["value"];
    assert_eq!(invalid_json["type"], format!("{BASE}invalid_json"));
    let json_data = &problem("422")["examples"]["json_data"]["value"];
    assert_eq!(json_data["type"], format!("{BASE}json_data"));
    // Each forwarded row's schema names its type, as the enum's own do.
    for status in ["400", "404", "405", "413", "415", "422", "409"] {
        let schemas = problem(status)["schema"]["oneOf"].as_array().unwrap();
        for schema in schemas {
            let code = &schema["properties"]["code"]["enum"][0];
            let code = code.as_str().unwrap();
            assert_eq!(
                schema["properties"]["type"]["enum"],
                json!([format!("{BASE}{code}")]),
                "{status}: {schema:#}"
            );
        }
    }
    assert!(
        responses["400"]["description"]
            .as_str()
            .unwrap()
            .contains(&format!("Problem type: `{BASE}invalid_json`")),
        "{responses:#}"
    );
    // A whole document with them is still OpenAPI 3.1.
    let document = status_core::openapi::document::<PetError>("Pets", "1.0.0").to_string();
    oas3::from_json(&document).unwrap_or_else(|e| panic!("not OpenAPI 3.1: {e}\n{document}"));
}

/// Generic over what it forwards to: the base applies to whatever that is.
#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum Wrapping<E> {
    #[status(transparent)]
    Inner(E),
    #[status(message = "while adopting")]
    Adopting(#[status(forward)] E),
}

#[test]
fn a_generic_type_with_a_base_types_what_it_forwards_to() {
    let inner = Wrapping::Inner(Rejection::of(RejectionKind::RouteNotFound));
    assert_eq!(inner.problem().type_uri(), format!("{BASE}route_not_found"));
    let adopting = Wrapping::Adopting(Rejection::of(RejectionKind::RouteNotFound));
    let body: Value = serde_json::from_slice(&adopting.body()).unwrap();
    assert_eq!(body["type"], format!("{BASE}route_not_found"));
    assert_eq!(body["detail"], "while adopting");
    let documented = Wrapping::<Rejection>::table().responses();
    assert!(documented
        .iter()
        .all(|row| row.type_uri() == format!("{BASE}{}", row.code())));
}
