//! What the utoipa and aide tests check of a generated OpenAPI document: that it is valid, that
//! no `$ref` dangles, that it documents every error `ShopError` can produce, and that each
//! documented example is the body a real server sends for that variant.

use serde_json::Value;
use status_core::{ApiStatus, PROBLEM_JSON};

use crate::common::{error_named, send, ShopError};

/// Every name `/errors/{name}` answers: one per variant, forwarded ones included.
pub const ERROR_NAMES: &[&str] = &[
    "malformed",
    "unauthorized",
    "forbidden",
    "order-not-found",
    "product-not-found",
    "token-expired",
    "suspended",
    "wrong-method",
    "invalid",
    "rate-limited",
    "database",
    "upstream",
    "maintenance",
];

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
        assert_eq!(
            media["schema"]["properties"]["status"]["type"],
            "integer",
            "{} has no inline Problem schema",
            variant.name()
        );
        let example = &media["examples"][variant.code()]["value"];
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
        for (member, value) in example.as_object().unwrap() {
            let placeholder = value.as_str().is_some_and(|text| text.contains('{'));
            if !placeholder {
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
