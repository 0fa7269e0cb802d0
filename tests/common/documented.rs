//! What the utoipa and aide tests check of a generated OpenAPI document: that it is valid, that
//! no `$ref` dangles, that it documents every error `ShopError` can produce, and that each
//! documented example is the body a real server sends for that variant.

use serde_json::{json, Value};
use status_core::{ApiStatus, PROBLEM_JSON};

use crate::common::{error_named, send, ShopError, ERROR_NAMES};

/// Parses `json` with a real OpenAPI 3.1 parser, and resolves every `$ref` in it.
pub fn assert_valid_openapi_3_1(json: &str) -> Value {
    let spec = oas3::from_json(json).unwrap_or_else(|e| panic!("not OpenAPI 3.1: {e}\n{json}"));
    let version = spec.validate_version().expect("a supported version");
    assert_eq!((version.major, version.minor), (3, 1));
    let document: Value = serde_json::from_str(json).unwrap();
    let mut refs = Vec::new();
    collect_refs(&document, &mut refs);
    for reference in refs {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{reference} points outside the document"));
        assert!(
            document.pointer(pointer).is_some(),
            "{reference} dangles in\n{json}"
        );
    }
    document
}

fn collect_refs(value: &Value, refs: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                refs.push(reference.clone());
            }
            map.values().for_each(|v| collect_refs(v, refs));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, refs)),
        _ => {}
    }
}

/// The `responses` of `GET path` in `document`.
pub fn operation_responses<'a>(document: &'a Value, path: &str) -> &'a Value {
    let responses = &document["paths"][path]["get"]["responses"];
    assert!(responses.is_object(), "no GET {path} in\n{document:#}");
    responses
}

/// The example of the error `/errors/{name}` answers with in `responses`, named by its code,
/// and its response.
fn documented<'a>(responses: &'a Value, name: &str) -> (&'a Value, &'a Value) {
    let error = error_named(name).unwrap();
    let status = error.status();
    let response = &responses[status.as_str()];
    let example = &response["content"][PROBLEM_JSON]["examples"][error.code()];
    assert!(
        example["value"].is_object(),
        "{status} has no example named {} in\n{responses:#}",
        error.code()
    );
    (response, &example["value"])
}

/// Every status, example (named by its code) and header of `ShopError` is in `responses`.
pub fn assert_documents_every_error(responses: &Value) {
    let table = ShopError::table();
    for variant in table.responses() {
        let response = &responses[variant.status().as_str()];
        let media = &response["content"][PROBLEM_JSON];
        let schemas = media["schema"]["oneOf"].as_array();
        let schema = schemas
            .and_then(|schemas| {
                schemas
                    .iter()
                    .find(|schema| schema["properties"]["code"]["enum"] == json!([variant.code()]))
            })
            .unwrap_or_else(|| panic!("{} has no schema of its own", variant.name()));
        assert_eq!(
            schema["properties"]["status"]["enum"],
            json!([variant.status().as_u16()])
        );
        let example = &media["examples"][variant.code()]["value"];
        for member in schema["required"].as_array().unwrap() {
            let member = member.as_str().unwrap();
            assert!(
                example.get(member).is_some(),
                "{}'s example lacks {member}",
                variant.code()
            );
        }
        assert_eq!(example["status"], variant.status().as_u16());
        assert_eq!(example["code"], variant.code());
        assert!(
            response["description"]
                .as_str()
                .is_some_and(|d| d.contains(variant.code())),
            "the description of {} does not name {}",
            variant.status(),
            variant.code()
        );
    }
    // Two variants share 404, two 401 and two 403 (one each through `Auth`).
    for (status, names) in [
        ("404", ["order_not_found", "product_not_found"]),
        ("401", ["unauthorized", "token_expired"]),
        ("403", ["forbidden", "account_suspended"]),
    ] {
        let examples = &responses[status]["content"][PROBLEM_JSON]["examples"];
        let documented: Vec<&String> = examples.as_object().unwrap().keys().collect();
        assert_eq!(documented.len(), 2, "{status}: {documented:?}");
        for name in names {
            assert!(examples.get(name).is_some(), "{status} lacks {name}");
        }
    }
    for (status, header) in [
        ("401", "WWW-Authenticate"),
        ("405", "Allow"),
        ("429", "Retry-After"),
        ("503", "Retry-After"),
    ] {
        assert!(
            responses[status]["headers"][header]["schema"].is_object(),
            "{status} does not document {header}: {:#}",
            responses[status]
        );
    }
    assert_eq!(responses["503"]["headers"]["Retry-After"]["example"], 120);
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
}

/// Each documented example has the members of the body the server at `base` sends for its
/// variant, with the same values where the example shows no `{placeholder}`, and each header
/// the server sends for it is documented.
pub fn assert_examples_are_what_the_server_sends(responses: &Value, base: &str) {
    for name in ERROR_NAMES {
        let seen = send("GET", &format!("{base}/errors/{name}"), None);
        let served = seen.json();
        let (response, example) = documented(responses, name);
        let members = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(members(example), members(&served), "{name}");
        let extensions = error_named(name).unwrap().variant().extensions();
        for (member, value) in example.as_object().unwrap() {
            let placeholder = value.as_str().is_some_and(|text| text.contains('{'));
            if extensions.contains(&member.as_str()) {
                // An extension member's example is a value of its type, or its placeholder.
                assert!(
                    placeholder || kind(value) == kind(&served[member]),
                    "{name}: `{member}` is documented as {value}, served as {}",
                    served[member]
                );
            } else if !placeholder {
                assert_eq!(value, &served[member], "{name}: `{member}`");
            }
        }
        for header in ["www-authenticate", "allow", "retry-after"] {
            if seen.header(header).is_some() {
                let documented = response["headers"]
                    .as_object()
                    .is_some_and(|h| h.keys().any(|k| k.eq_ignore_ascii_case(header)));
                assert!(documented, "{name} sends {header}, undocumented");
            }
        }
    }
    // The inner error's text of a 5xx reaches neither the body nor its example.
    let (_, example) = documented(responses, "database");
    assert_eq!(
        example["detail"],
        status_core::Status::InternalServerError.description()
    );
}

/// The JSON type of `value`, which an example of an extension member shares with what is sent.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `responses` with the schema and example of each extension member of `T` as the `openapi`
/// module, which knows no field types, writes them: what is left to compare across tools.
pub fn untyped<T: ApiStatus>(responses: &Value) -> Value {
    let table = T::table();
    let members: Vec<&str> = table
        .responses()
        .iter()
        .flat_map(|row| row.extensions().iter().copied())
        .collect();
    let mut responses = responses.clone();
    for response in responses.as_object_mut().unwrap().values_mut() {
        let media = &mut response["content"][PROBLEM_JSON];
        for schema in media["schema"]["oneOf"]
            .as_array_mut()
            .into_iter()
            .flatten()
        {
            for (name, property) in schema["properties"].as_object_mut().unwrap() {
                if members.contains(&name.as_str()) {
                    *property = json!({});
                }
            }
        }
        for example in media["examples"].as_object_mut().into_iter().flatten() {
            for (name, value) in example.1["value"].as_object_mut().unwrap() {
                if members.contains(&name.as_str()) {
                    *value = json!(format!("{{{name}}}"));
                }
            }
        }
    }
    responses
}

/// Each extension member of `ShopError` has its field's schema, as the tool gives it, and an
/// example of that type: `limit` a `u32`, `errors` a map of lists, `sku` a string.
pub fn assert_extension_members_are_typed(responses: &Value) {
    for (status, code, member, kind_of_schema, example) in [
        ("429", "rate_limited", "limit", "integer", json!(0)),
        ("422", "invalid", "errors", "object", json!({})),
        ("404", "product_not_found", "sku", "string", json!("")),
    ] {
        let media = &responses[status]["content"][PROBLEM_JSON];
        let schema = media["schema"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|schema| schema["properties"]["code"]["enum"] == json!([code]))
            .unwrap();
        assert_eq!(
            schema["properties"][member]["type"], kind_of_schema,
            "{code}.{member}: {schema:#}"
        );
        assert_eq!(
            media["examples"][code]["value"][member], example,
            "{code}.{member}"
        );
    }
}

/// `responses` without the `required` of their headers, which utoipa's header object cannot
/// hold: what utoipa's document and the `openapi` module's have in common.
#[allow(dead_code)] // utoipa's tests only
pub fn without_required_headers(responses: &Value) -> Value {
    let mut responses = responses.clone();
    for response in responses.as_object_mut().unwrap().values_mut() {
        if let Some(headers) = response.get_mut("headers").and_then(Value::as_object_mut) {
            for header in headers.values_mut() {
                header.as_object_mut().unwrap().remove("required");
            }
        }
    }
    responses
}

/// A header every variant of its status sends is documented as required: `WWW-Authenticate`
/// on `ShopError`'s 401, whose two variants both name a challenge.
#[allow(dead_code)] // aide's tests only: utoipa cannot say it
pub fn assert_fixed_headers_are_required(responses: &Value) {
    assert_eq!(
        responses["401"]["headers"]["WWW-Authenticate"]["required"],
        true
    );
    // `Retry-After` comes from a field, which may hold none.
    assert_eq!(
        responses["429"]["headers"]["Retry-After"].get("required"),
        None
    );
}

/// An error forwarded through a `Box`, with an extension member of its own.
#[allow(dead_code)] // documented only
#[derive(Debug, status_core::ApiStatus)]
#[status(409)]
pub struct VersionConflict {
    #[status(extension)]
    pub current_version: u64,
}

/// Forwards `VersionConflict` through a `Box`.
#[allow(dead_code)] // documented only
#[derive(Debug, status_core::ApiStatus)]
pub enum Boxed {
    #[status(transparent)]
    Conflict(Box<VersionConflict>),
}

/// A field type with neither `JsonSchema` nor `ToSchema`: it serializes, and that is all.
#[derive(Debug, serde::Serialize)]
pub struct Opaque(u8);

/// An error whose extension member has no schema in any tool.
#[allow(dead_code)] // documented only
#[derive(Debug, status_core::ApiStatus)]
#[status(409)]
pub struct WithOpaque {
    #[status(extension)]
    pub opaque: Opaque,
}

/// `Boxed`'s 409: `current_version` has its `u64`'s schema and example, through the `Box`.
pub fn assert_typed_through_the_box(conflict: &Value) {
    let media = &conflict["content"][PROBLEM_JSON];
    assert_eq!(
        media["schema"]["oneOf"][0]["properties"]["current_version"]["type"],
        "integer"
    );
    assert_eq!(
        media["examples"]["version_conflict"]["value"]["current_version"],
        0
    );
}

/// `WithOpaque`'s 409: `opaque`, of a type with no schema, takes any value and keeps its
/// placeholder.
pub fn assert_opaque_takes_any_value(conflict: &Value) {
    let media = &conflict["content"][PROBLEM_JSON];
    assert_eq!(
        media["schema"]["oneOf"][0]["properties"]["opaque"],
        json!({})
    );
    assert_eq!(
        media["examples"]["with_opaque"]["value"]["opaque"],
        "{opaque}"
    );
}
