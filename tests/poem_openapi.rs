//! poem-openapi documents a derived error type: the document is poem-openapi's own
//! (`OpenApiService::spec`), over `#[OpenApi]` operations returning `Result<_, ShopError>`,
//! checked against the `openapi` module, against a real poem server, and by
//! openapi-spec-validator.
#![cfg(feature = "poem-openapi")]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/documented.rs"]
#[allow(dead_code)]
mod documented;
#[path = "common/serve_poem.rs"]
mod serve_poem;

use std::process::Command;

use common::{error_named, ShopError};
use documented::{
    assert_documents_every_error, assert_examples_are_what_the_server_sends,
    assert_opaque_takes_any_value, assert_typed_through_the_box, untyped, Boxed, WithOpaque,
};
use poem_openapi::param::Path;
use poem_openapi::payload::{Json, PlainText};
use poem_openapi::{ApiResponse, Object, OpenApi, OpenApiService};
use serde_json::{json, Value};
use status_core::{openapi, PROBLEM_JSON};

struct Shop;

#[derive(Object)]
struct Order {
    quantity: u32,
}

#[OpenApi]
#[allow(clippy::unused_async)] // poem-openapi's operations are async
impl Shop {
    /// Answers with the error `name` names.
    #[oai(path = "/errors/:name", method = "get")]
    async fn error(&self, name: Path<String>) -> Result<PlainText<String>, ShopError> {
        Err(error_named(&name).unwrap_or(ShopError::Forbidden))
    }

    /// Places an order.
    #[oai(path = "/orders", method = "post")]
    async fn order(&self, order: Json<Order>) -> Result<PlainText<String>, ShopError> {
        Ok(PlainText(format!("{} ordered", order.0.quantity)))
    }
}

fn service() -> OpenApiService<Shop, ()> {
    OpenApiService::new(Shop, "Shop", "1.0.0")
}

fn document() -> Value {
    serde_json::from_str(&service().spec()).unwrap()
}

fn responses_of(document: &Value, method: &str, path: &str) -> Value {
    let responses = document["paths"][path][method]["responses"].clone();
    assert!(responses.is_object(), "no {method} {path} in\n{document:#}");
    responses
}

/// `responses` as the `openapi` module writes them, from poem-openapi's form: each `oneOf`
/// branch's `title` and `example` back as the media type's named example (its summary the
/// branch's description), a header's schema's example back on the header, with the `style`
/// poem-openapi does not write and without the `deprecated: false` it does; each whole float
/// as an integer, since poem-openapi writes its bounds as floats.
fn lifted(responses: &Value) -> Value {
    let mut responses = responses.clone();
    for response in responses.as_object_mut().unwrap().values_mut() {
        if let Some(media) = response["content"].get_mut(PROBLEM_JSON) {
            let mut examples = serde_json::Map::new();
            for branch in media["schema"]["oneOf"].as_array_mut().unwrap() {
                let branch = branch.as_object_mut().unwrap();
                let name = branch.remove("title").expect("a branch names its example");
                let value = branch.remove("example").expect("a branch has its example");
                let summary = branch["description"].clone();
                examples.insert(
                    name.as_str().unwrap().to_owned(),
                    json!({ "summary": summary, "value": value }),
                );
            }
            media["examples"] = Value::Object(examples);
        }
        for header in response
            .get_mut("headers")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|headers| headers.values_mut())
        {
            let header = header.as_object_mut().unwrap();
            assert_eq!(header.remove("deprecated"), Some(json!(false)));
            header.insert("style".to_owned(), json!("simple"));
            let schema = header["schema"].as_object_mut().unwrap();
            if let Some(example) = schema.remove("example") {
                header.insert("example".to_owned(), example);
            }
        }
    }
    integers(&responses)
}

#[test]
fn poem_openapi_lists_every_status_with_its_named_examples() {
    let document = document();
    let responses = responses_of(&document, "get", "/errors/{name}");
    let mut statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
    statuses.retain(|status| *status != "200");
    assert_eq!(
        statuses,
        ["400", "401", "403", "404", "405", "422", "429", "500", "502", "503"]
    );
    // Two examples at 404, each in the branch of its code.
    let branches = responses["404"]["content"][PROBLEM_JSON]["schema"]["oneOf"]
        .as_array()
        .unwrap();
    let titles: Vec<&str> = branches
        .iter()
        .map(|b| b["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["order_not_found", "product_not_found"]);
    assert_eq!(branches[0]["example"]["detail"], "no order {0}");
    assert_documents_every_error(&lifted(&responses));
    assert_eq!(
        responses["200"]["content"]["text/plain; charset=utf-8"]["schema"]["type"],
        "string"
    );
}

#[test]
fn poem_openapi_responses_are_the_openapi_modules_responses() {
    let document = document();
    for (method, path) in [("get", "/errors/{name}"), ("post", "/orders")] {
        let mut responses = lifted(&responses_of(&document, method, path));
        responses.as_object_mut().unwrap().remove("200");
        // Equal but for the extension members, whose field types poem-openapi knows.
        assert_eq!(
            untyped::<ShopError>(&responses),
            openapi::responses::<ShopError>(),
            "{method} {path}"
        );
    }
}

#[test]
fn poem_openapi_types_extension_members_by_their_fields() {
    let responses = lifted(&responses_of(&document(), "get", "/errors/{name}"));
    let member = |status: &str, code: &str, member: &str| {
        let media = &responses[status]["content"][PROBLEM_JSON];
        let schema = media["schema"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|schema| schema["properties"]["code"]["enum"] == json!([code]))
            .unwrap()["properties"][member]
            .clone();
        (schema, media["examples"][code]["value"][member].clone())
    };
    let (schema, example) = member("429", "rate_limited", "limit");
    assert_eq!(schema["type"], "integer");
    assert_eq!(schema["format"], "uint32");
    assert_eq!(example, 0);
    let (schema, example) = member("404", "product_not_found", "sku");
    assert_eq!(schema["type"], "string");
    assert_eq!(example, "");
    // A map keyed by `&str` has no poem-openapi type (its keys must parse): any value, and
    // the placeholder for an example.
    let (schema, example) = member("422", "invalid", "errors");
    assert_eq!(schema, json!({}));
    assert_eq!(example, "{errors}");
}

#[test]
fn poem_openapi_examples_are_the_bodies_a_real_server_sends() {
    let app = poem::Route::new().nest("/", service());
    let base = serve_poem::serve(poem::EndpointExt::with(
        app,
        status_core::poem::ProblemDetails,
    ));
    let responses = lifted(&responses_of(&document(), "get", "/errors/{name}"));
    assert_examples_are_what_the_server_sends(&responses, &base);
}

#[test]
fn a_forwarded_types_members_are_typed_through_a_box() {
    let conflict = poem_response::<Boxed>("409");
    assert_typed_through_the_box(&conflict);
}

#[test]
fn a_member_of_a_type_without_a_schema_takes_any_value_and_keeps_its_placeholder() {
    assert_opaque_takes_any_value(&poem_response::<WithOpaque>("409"));
}

/// The response `T::meta()` documents for `status`, lifted.
fn poem_response<T: ApiResponse>(status: &str) -> Value {
    let meta = T::meta();
    let response = meta
        .responses
        .iter()
        .find(|response| response.status.map(|s| s.to_string()).as_deref() == Some(status))
        .unwrap();
    let responses = json!({ status: serde_json::to_value(response).unwrap() });
    lifted(&responses)[status].clone()
}

/// `value` with each whole float as an integer, as the shared checks write them.
fn integers(value: &Value) -> Value {
    match value {
        Value::Number(number) => match number.as_f64() {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(float) if float.fract() == 0.0 && float >= 0.0 => json!(float as u64),
            _ => value.clone(),
        },
        Value::Array(items) => Value::Array(items.iter().map(integers).collect()),
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(name, member)| (name.clone(), integers(member)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The whole document, as poem-openapi writes it, passes openapi-spec-validator: an outside
/// judge of the OpenAPI 3.0 it declares. Needs `python3 -m openapi_spec_validator`.
#[test]
#[ignore = "needs openapi-spec-validator: pip install openapi-spec-validator"]
fn poem_openapi_document_passes_openapi_spec_validator() {
    let dir = std::env::temp_dir().join(format!("poem-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("poem-openapi.json");
    std::fs::write(&file, service().spec()).unwrap();
    let output = Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "openapi-spec-validator failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A 422 whose `errors` are the library's `Violations`, as validation errors are.
#[derive(Debug, thiserror::Error, status_core::ApiStatus)]
#[allow(dead_code)] // documented, never served
enum Checked {
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[status(extension)]
        errors: status_core::Violations,
    },
}

#[test]
fn violations_are_documented_with_their_schema() {
    let invalid = poem_response::<Checked>("422");
    let media = &invalid["content"][PROBLEM_JSON];
    let errors = &media["schema"]["oneOf"][0]["properties"]["errors"];
    assert_eq!(errors["type"], "array", "{invalid:#}");
    assert_eq!(errors["items"]["required"], json!(["detail", "pointer"]));
    // The example shows an entry of that shape, not the `{errors}` placeholder.
    let example = &media["examples"]["invalid"]["value"]["errors"];
    assert!(example.is_array(), "{example}");
}

/// The service with what the tests of poem-openapi's own errors put on it: the methods of
/// its operations on a `405`, and every error as Problem Details.
fn served_with_allowed_methods() -> String {
    use poem::{EndpointExt, IntoEndpoint};

    let app = poem::Route::new()
        .nest(
            "/",
            service()
                .into_endpoint()
                .with(status_core::poem_openapi::AllowedMethods::of::<Shop>()),
        )
        .with(status_core::poem::ProblemDetails);
    serve_poem::serve(app)
}

#[test]
fn a_wrong_method_names_the_operations_methods_in_allow() {
    let base = served_with_allowed_methods();
    let seen = common::send("DELETE", &format!("{base}/orders"), None);
    assert_eq!(seen.assert_problem(405)["code"], "method_not_allowed");
    assert_eq!(seen.header("allow"), Some("POST"));
    // A parameter's segment matches any value; `GET` brings `HEAD`, as poem answers it.
    let seen = common::send("DELETE", &format!("{base}/errors/anything"), None);
    seen.assert_problem(405);
    assert_eq!(seen.header("allow"), Some("GET, HEAD"));
}

#[test]
fn a_payload_of_another_content_type_is_missing_json_content_type() {
    let base = served_with_allowed_methods();
    // `send` posts `text/plain` when it has no JSON to send.
    let seen = common::send("POST", &format!("{base}/orders"), None);
    assert_eq!(
        seen.assert_problem(415)["code"],
        "missing_json_content_type"
    );
}

#[test]
fn the_document_with_rejections_lists_what_each_operation_can_be_rejected_with() {
    let spec = status_core::poem_openapi::with_rejections(&service().spec());
    let document: Value = serde_json::from_str(&spec).unwrap();
    let codes = |method: &str, path: &str, status: &str| -> Vec<Value> {
        let responses = responses_of(&document, method, path);
        responses[status]["content"][PROBLEM_JSON]["schema"]["oneOf"]
            .as_array()
            .unwrap_or_else(|| panic!("{method} {path} has no {status}"))
            .iter()
            .map(|branch| branch["properties"]["code"]["enum"][0].clone())
            .collect()
    };
    // The path parameter's rejection, merged with the enum's own 400.
    let bad_request = codes("get", "/errors/{name}", "400");
    assert!(
        bad_request.contains(&json!("invalid_path")),
        "{bad_request:?}"
    );
    assert!(bad_request.contains(&json!("malformed")), "{bad_request:?}");
    // The payload's: its 415 and its 422 beside the enum's `invalid`.
    assert_eq!(
        codes("post", "/orders", "415"),
        [json!("missing_json_content_type")]
    );
    let unprocessable = codes("post", "/orders", "422");
    assert!(
        unprocessable.contains(&json!("json_data")) && unprocessable.contains(&json!("invalid"))
    );
    // An operation without a payload documents no payload's rejections.
    assert!(responses_of(&document, "get", "/errors/{name}")
        .get("415")
        .is_none());
}

/// The opt-out the CHANGELOG gives a service whose clients read poem-openapi's `415` by the
/// code it had before (`unsupported_media_type`): catch the error before `ProblemDetails`.
#[test]
fn a_service_can_keep_the_old_code_of_a_payload_of_another_content_type() {
    use poem::http::StatusCode;
    use poem::{EndpointExt, IntoEndpoint};
    use poem_openapi::error::ContentTypeError;

    let app = poem::Route::new()
        .nest(
            "/",
            service()
                .into_endpoint()
                .catch_error(|_: ContentTypeError| async {
                    status_core::poem::error_response(poem::Error::from_status(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    ))
                }),
        )
        .with(status_core::poem::ProblemDetails);
    let base = serve_poem::serve(app);
    let seen = common::send("POST", &format!("{base}/orders"), None);
    assert_eq!(seen.assert_problem(415)["code"], "unsupported_media_type");
}

/// A bearer token, as poem-openapi's security schemes read it.
#[derive(poem_openapi::SecurityScheme)]
#[oai(ty = "bearer")]
struct Token(#[allow(dead_code)] poem_openapi::auth::Bearer);

struct Secured;

#[OpenApi]
#[allow(clippy::unused_async)] // poem-openapi's operations are async
impl Secured {
    /// The account of the token's holder.
    #[oai(path = "/account", method = "get")]
    async fn account(&self, _token: Token) -> Result<PlainText<String>, ShopError> {
        Ok(PlainText("yours".to_owned()))
    }
}

/// poem-openapi answers a request without the scheme's credentials with a `401` of its own,
/// which names no challenge: the one line the docs tools guide gives (status-core's
/// `guide/docs_tools.md`) answers it with the enum's own `401` instead, challenge, code and all.
#[test]
fn poem_openapis_own_401_is_answered_with_the_enums_challenge_in_one_line() {
    use poem::{EndpointExt, IntoEndpoint};
    use poem_openapi::error::AuthorizationError;

    let secured = || OpenApiService::new(Secured, "Secured", "1.0").into_endpoint();
    let plain = serve_poem::serve(
        poem::Route::new()
            .nest("/", secured())
            .with(status_core::poem::ProblemDetails),
    );
    let seen = common::send("GET", &format!("{plain}/account"), None);
    assert_eq!(seen.assert_problem(401)["code"], "unauthorized");
    assert_eq!(
        seen.header("www-authenticate"),
        None,
        "what the docs tools guide warns of"
    );

    let answered = serve_poem::serve(
        poem::Route::new()
            .nest(
                "/",
                secured().catch_error(|_: AuthorizationError| async { ShopError::Unauthorized }),
            )
            .with(status_core::poem::ProblemDetails),
    );
    let seen = common::send("GET", &format!("{answered}/account"), None);
    assert_eq!(seen.assert_problem(401)["code"], "unauthorized");
    assert_eq!(
        seen.header("www-authenticate"),
        Some("Bearer realm=\"shop\"")
    );
}
