//! Invalid input as RFC 9457's `errors` member, over real axum and actix-web servers on
//! loopback: bodies serde cannot read, and bodies that `validator` and `garde` refuse.
#![cfg(all(
    feature = "axum",
    feature = "actix-web",
    feature = "validator",
    feature = "garde"
))]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/serve_actix.rs"]
mod serve_actix;
#[path = "common/serve_axum.rs"]
mod serve_axum;
#[path = "common/signup.rs"]
mod signup;

use actix_web::{web, HttpResponse};
use axum::routing::post;
use axum::{Json, Router};
use common::send;
use serde::Deserialize;
use serde_json::{json, Value};
use signup::{ApiError, Labelled, Signup};
use status_core::Violations;
// validator's derive calls `validate` on nested fields as a method.
use validator::Validate as _;

#[derive(Deserialize, validator::Validate)]
struct ValidatorSignup {
    #[validate(email)]
    email: String,
    #[validate(length(min = 2, max = 20))]
    name: String,
    #[validate(nested)]
    pets: Vec<ValidatorPet>,
    #[validate(nested)]
    address: ValidatorAddress,
}

#[derive(Deserialize, validator::Validate)]
struct ValidatorPet {
    #[validate(range(min = 0, max = 40, message = "must be a plausible age"))]
    age: i32,
}

#[derive(Deserialize, validator::Validate)]
struct ValidatorAddress {
    #[validate(length(equal = 5))]
    zip: String,
}

#[derive(Deserialize, garde::Validate)]
struct GardeSignup {
    #[garde(length(min = 2, max = 20))]
    name: String,
    #[garde(dive)]
    pets: Vec<GardePet>,
    #[garde(dive)]
    address: GardeAddress,
}

#[derive(Deserialize, garde::Validate)]
struct GardePet {
    #[garde(range(min = 0, max = 40))]
    age: i32,
}

#[derive(Deserialize, garde::Validate)]
struct GardeAddress {
    #[garde(length(min = 5, max = 5))]
    zip: String,
}

fn check_validator(signup: &ValidatorSignup) -> Result<(), ApiError> {
    validator::Validate::validate(signup).map_err(|errors| ApiError::Invalid {
        errors: errors.into(),
    })
}

fn check_garde(signup: &GardeSignup) -> Result<(), ApiError> {
    garde::Validate::validate(signup).map_err(|report| ApiError::Invalid {
        errors: report.into(),
    })
}

fn serve_axum() -> String {
    let app = Router::new()
        .route("/signup", post(|Json(_): Json<Signup>| async { "welcome" }))
        .route(
            "/labels",
            post(|Json(_): Json<Labelled>| async { "labelled" }),
        )
        .route(
            "/exact/labels",
            post(
                |status_core::axum::Json(_): status_core::axum::Json<Labelled>| async {
                    "labelled"
                },
            ),
        )
        .route(
            "/exact/signup",
            post(|status_core::axum::Json(_): status_core::axum::Json<Signup>| async { "welcome" }),
        )
        .route(
            "/validator",
            post(|Json(signup): Json<ValidatorSignup>| async move {
                check_validator(&signup).map(|()| "welcome")
            }),
        )
        .route(
            "/garde",
            post(|Json(signup): Json<GardeSignup>| async move {
                check_garde(&signup).map(|()| "welcome")
            }),
        )
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ));
    serve_axum::serve(app)
}

fn actix_routes(app: &mut web::ServiceConfig) {
    app.configure(status_core::actix::rejections)
        .route(
            "/signup",
            web::post().to(|_: web::Json<Signup>| async { HttpResponse::Ok().finish() }),
        )
        .route(
            "/exact/signup",
            web::post()
                .to(|_: status_core::actix::Json<Signup>| async { HttpResponse::Ok().finish() }),
        )
        .route(
            "/exact/labels",
            web::post()
                .to(|_: status_core::actix::Json<Labelled>| async { HttpResponse::Ok().finish() }),
        )
        .route(
            "/validator",
            web::post().to(|signup: web::Json<ValidatorSignup>| async move {
                check_validator(&signup).map(|()| HttpResponse::Ok().finish())
            }),
        )
        .route(
            "/garde",
            web::post().to(|signup: web::Json<GardeSignup>| async move {
                check_garde(&signup).map(|()| HttpResponse::Ok().finish())
            }),
        );
}

/// The `errors` of the 422 that `body` gets at `path`, as (pointer, detail) pairs.
fn errors(base: &str, path: &str, body: &Value) -> Vec<(String, String)> {
    let seen = send("POST", &format!("{base}{path}"), Some(&body.to_string()));
    let problem = seen.assert_problem(422);
    let errors: Violations = serde_json::from_value(problem["errors"].clone())
        .unwrap_or_else(|e| panic!("{e}: {}", seen.text));
    errors
        .iter()
        .map(|v| (v.pointer.to_string(), v.detail.clone()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(pointer, detail)| ((*pointer).to_owned(), (*detail).to_owned()))
        .collect()
}

fn pet(kind: &str, age: &Value) -> Value {
    json!({"name": "Rex", "kind": kind, "age": age})
}

#[test]
fn axum_names_the_field_serde_could_not_read() {
    assert_fields_are_named(&serve_axum(), "/signup");
}

#[test]
fn status_core_s_json_extractors_name_it_on_both_servers() {
    assert_fields_are_named(&serve_axum(), "/exact/signup");
    assert_fields_are_named(&serve_actix::serve(false, actix_routes), "/exact/signup");
}

/// The pointers and details of a missing field, at the top and deep in a list, of a wrong
/// type deep in a list, of an unknown enum value, and of a renamed field, at `route`.
fn assert_fields_are_named(base: &str, route: &str) {
    let signup =
        |pets: Value| json!({"name": "Ada", "emailAddress": "ada@example.com", "pets": pets});

    let missing = json!({"emailAddress": "ada@example.com", "pets": []});
    assert_eq!(
        errors(base, route, &missing),
        pairs(&[("#/name", "missing field `name`")])
    );
    let missing_deep = signup(json!([pet("cat", &json!(3)), {"name": "Tom", "kind": "cat"}]));
    assert_eq!(
        errors(base, route, &missing_deep),
        pairs(&[("#/pets/1/age", "missing field `age`")])
    );
    let wrong_type_deep = signup(json!([pet("cat", &json!(3)), pet("dog", &json!("old"))]));
    assert_eq!(
        errors(base, route, &wrong_type_deep),
        pairs(&[("#/pets/1/age", "invalid type: string \"old\", expected u8")])
    );
    let unknown_variant = signup(json!([pet("cow", &json!(3))]));
    assert_eq!(
        errors(base, route, &unknown_variant),
        pairs(&[(
            "#/pets/0/kind",
            "unknown variant `cow`, expected `cat` or `dog`"
        )])
    );
    // The wire name of a renamed field: serde's own path.
    let renamed = json!({"name": "Ada", "emailAddress": 5, "pets": []});
    assert_eq!(
        errors(base, route, &renamed),
        pairs(&[(
            "#/emailAddress",
            "invalid type: integer `5`, expected a string"
        )])
    );
}

#[test]
fn status_core_s_json_reads_the_path_exactly_where_axum_s_text_cannot() {
    let base = serve_axum();
    let odd = json!({"labels": {"a/b~c.d": 300}});
    let detail = "invalid value: integer `300`, expected u8";
    // axum's text says `labels.a/b~c.d`: a key `a/b~c` and a key `d`, as far as it shows.
    assert_eq!(
        errors(&base, "/labels", &odd),
        pairs(&[("#/labels/a~1b~0c/d", detail)])
    );
    for base in [&base, &serve_actix::serve(false, actix_routes)] {
        assert_eq!(
            errors(base, "/exact/labels", &odd),
            pairs(&[("#/labels/a~1b~0c.d", detail)])
        );
    }
    // Everywhere else the two agree.
    let deep = json!({"name": "Ada", "emailAddress": "a@b.c", "pets": [pet("cat", &json!(3)), {"name": "Tom", "kind": "cat"}]});
    assert_eq!(
        errors(&base, "/exact/signup", &deep),
        errors(&base, "/signup", &deep)
    );
    let seen = send("POST", &format!("{base}/exact/signup"), Some("{\"name\": "));
    assert_eq!(seen.assert_problem(400)["code"], "invalid_json");
}

#[test]
fn actix_web_points_at_the_whole_body_since_it_names_no_field() {
    let base = serve_actix::serve(false, actix_routes);
    let missing = json!({"emailAddress": "ada@example.com", "pets": []});
    assert_eq!(
        errors(&base, "/signup", &missing),
        pairs(&[("#", "missing field `name`")])
    );
}

fn validator_body() -> Value {
    json!({
        "email": "ada",
        "name": "A",
        "pets": [{"age": 3}, {"age": 300}],
        "address": {"zip": "123"}
    })
}

fn garde_body() -> Value {
    json!({
        "name": "A",
        "pets": [{"age": 3}, {"age": 300}],
        "address": {"zip": "123"}
    })
}

#[test]
fn validator_failures_point_at_each_field_on_both_servers() {
    let expected = pairs(&[
        ("#/address/zip", "length must be 5"),
        ("#/email", "must be an email address"),
        ("#/name", "length must be between 2 and 20"),
        ("#/pets/1/age", "must be a plausible age"),
    ]);
    for base in [serve_axum(), serve_actix::serve(false, actix_routes)] {
        assert_eq!(errors(&base, "/validator", &validator_body()), expected);
    }
}

#[test]
fn garde_failures_point_at_each_field_on_both_servers() {
    // In garde's order: its report is sorted by path.
    let expected = pairs(&[
        ("#/address/zip", "length is lower than 5"),
        ("#/name", "length is lower than 2"),
        ("#/pets/1/age", "greater than 40"),
    ]);
    for base in [serve_axum(), serve_actix::serve(false, actix_routes)] {
        assert_eq!(errors(&base, "/garde", &garde_body()), expected);
    }
}
