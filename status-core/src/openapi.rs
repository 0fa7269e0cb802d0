//! OpenAPI 3.1 descriptions of a type's error responses (feature `openapi`).
//!
//! The values are plain [`serde_json::Value`]s, to merge into a document built any way you
//! like, or served as is with [`document`]. The `utoipa` and `aide` integrations hand the same
//! response objects to those tools, so every output documents the same thing.
//!
//! Each response holds the Problem Details schema inline rather than as a `$ref`: tools that
//! collect responses from a type (utoipa's `IntoResponses`, aide's inferred responses) do not
//! register the schemas those responses name, and a `$ref` would dangle.

use std::fmt::Write as _;

use http::StatusCode;
use serde_json::{json, Map, Value};

use crate::api_status::numbered;
use crate::headers::display_name;
use crate::registry::with_meaning;
use crate::{
    reason_phrase, ApiStatus, RegisteredStatus, Table, VariantInfo, ABOUT_BLANK, PROBLEM_JSON,
};

/// The name of the Problem Details schema in the `components.schemas` of [`document`].
///
/// ```
/// use status_core::openapi::{document, PROBLEM_SCHEMA};
/// # use status_core::ApiStatus;
/// # #[derive(Debug, ApiStatus)]
/// # #[status(503)]
/// # struct Maintenance;
///
/// let doc = document::<Maintenance>("My API", "1.0.0");
/// assert!(doc["components"]["schemas"].get(PROBLEM_SCHEMA).is_some());
/// ```
pub const PROBLEM_SCHEMA: &str = "Problem";

/// The JSON Schema of a Problem Details body (RFC 9457 section 3), for `components.schemas`.
///
/// ```
/// let schema = status_core::openapi::problem_schema();
/// assert_eq!(schema["properties"]["status"]["type"], "integer");
/// ```
#[must_use]
pub fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "An RFC 9457 Problem Details object.",
        "properties": {
            "type": {
                "type": "string",
                "format": "uri-reference",
                "description": "A URI identifying the problem type; absent means \"about:blank\".",
                "default": "about:blank"
            },
            "title": {
                "type": "string",
                "description": "A short summary of the problem type; for \"about:blank\", the reason phrase of the status."
            },
            "status": {
                "type": "integer",
                "minimum": 100,
                "maximum": 599,
                "description": "The HTTP status code."
            },
            "detail": { "type": "string", "description": "What went wrong in this occurrence." },
            "instance": {
                "type": "string",
                "format": "uri-reference",
                "description": "A URI identifying this occurrence."
            },
            "code": { "type": "string", "description": "The machine-readable error code." }
        },
        "required": ["title", "status", "code"],
        "additionalProperties": true
    })
}

/// The OpenAPI `responses` object of `T`: one entry per status code, with one example per
/// variant, named by its code, each served as `application/problem+json`.
///
/// Variants that share a status are named examples of one response (an OpenAPI operation has
/// one response per status); transparent variants add their field's responses. The document
/// is for the API's clients: it holds codes and the descriptions written for them, and no
/// Rust type or variant name ([`Table::public_responses`]).
///
/// ```
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
///     #[status(429)]
///     RateLimited { #[status(retry_after)] seconds: u64 },
/// }
///
/// let responses = status_core::openapi::responses::<ApiError>();
/// let not_found = &responses["404"]["content"]["application/problem+json"];
/// assert_eq!(not_found["examples"]["user_not_found"]["value"]["detail"], "user {id} not found");
/// assert_eq!(responses["429"]["headers"]["Retry-After"]["schema"]["type"], "integer");
/// ```
#[must_use]
pub fn responses<T: ApiStatus>() -> Value {
    table_responses(&T::table())
}

/// The `responses` object of the responses in `table`; [`responses`] for a table at hand.
///
/// ```
/// # use status_core::ApiStatus;
/// # #[derive(Debug, ApiStatus)]
/// # #[status(503)]
/// # struct Maintenance;
/// let responses = status_core::openapi::table_responses(&Maintenance::table());
/// assert!(responses.get("503").is_some());
/// ```
#[must_use]
pub fn table_responses(table: &Table) -> Value {
    Value::Object(
        status_responses(table)
            .map(|(status, response)| (status.as_str().to_owned(), response))
            .collect(),
    )
}

/// Each status of `table` with its response object, in ascending order of status: what every
/// integration documents.
pub(crate) fn status_responses(table: &Table) -> impl Iterator<Item = (StatusCode, Value)> {
    let responses = table.public_responses();
    let mut out = Vec::new();
    for group in responses.chunk_by(|a, b| a.status() == b.status()) {
        out.push((group[0].status(), response(group)));
    }
    out.into_iter()
}

/// A whole OpenAPI 3.1 document holding the Problem schema and `T`'s responses as reusable
/// components, ready to serve or to merge. Each response is named after its status's reason
/// phrase (`NotFound`, `TooManyRequests`; `Status599` for a status without one), never after
/// the Rust type.
///
/// ```
/// # use status_core::ApiStatus;
/// # #[derive(Debug, ApiStatus)]
/// # #[status(503)]
/// # struct Maintenance;
/// let doc = status_core::openapi::document::<Maintenance>("My API", "1.0.0");
/// assert_eq!(doc["openapi"], "3.1.0");
/// assert!(doc["components"]["responses"].get("ServiceUnavailable").is_some());
/// ```
#[must_use]
pub fn document<T: ApiStatus>(title: &str, version: &str) -> Value {
    let named: Map<String, Value> = status_responses(&T::table())
        .map(|(status, response)| (component_name(status), response))
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": { "title": title, "version": version },
        "paths": {},
        "components": {
            "schemas": { PROBLEM_SCHEMA: problem_schema() },
            "responses": named
        }
    })
}

/// The name of a status's response in `components.responses`: its reason phrase in Pascal
/// case, `NotFound`.
fn component_name(status: StatusCode) -> String {
    match reason_phrase(status) {
        Some(reason) => reason
            .split([' ', '-'])
            .flat_map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_uppercase())
                    .into_iter()
                    .chain(chars)
            })
            .collect(),
        None => format!("Status{}", status.as_u16()),
    }
}

/// One response object, for the variants that share its status.
fn response(group: &[&VariantInfo]) -> Value {
    let status = group[0].status();
    let reason = reason_phrase(status).unwrap_or("Error");
    let meaning = with_meaning(status.as_u16()).map_or("", RegisteredStatus::description);
    let mut description = format!("{reason}. {meaning}").trim_end().to_owned();
    for variant in group {
        let _ = write!(
            description,
            "\n- `{}`: {}",
            variant.code(),
            variant.description()
        );
        if variant.type_uri() != ABOUT_BLANK {
            let _ = write!(description, " Problem type: `{}`.", variant.type_uri());
        }
    }
    let mut examples = Map::new();
    for variant in group {
        let example = json!({ "summary": variant.description(), "value": variant.example() });
        // Named by code, the identifier clients see. Two types forwarded into one enum may
        // each answer this status with this code, differently.
        let name = numbered(variant.code(), '_', |taken| examples.contains_key(taken));
        examples.insert(name, example);
    }
    let mut response = json!({
        "description": description,
        "content": {
            PROBLEM_JSON: {
                "schema": problem_schema(),
                "examples": examples
            }
        }
    });
    let headers = headers(group);
    if !headers.is_empty() {
        response["headers"] = Value::Object(headers);
    }
    response
}

fn headers(group: &[&VariantInfo]) -> Map<String, Value> {
    let mut headers = Map::new();
    for variant in group {
        let fixed = variant
            .headers()
            .iter()
            .map(|(name, value)| (*name, Some(*value)));
        let from_fields = variant.field_headers().iter().map(|name| (*name, None));
        for (name, value) in fixed.chain(from_fields) {
            let (schema, description) = match name {
                "retry-after" => (
                    json!({ "type": "integer", "minimum": 0 }),
                    "Seconds to wait before retrying.",
                ),
                "allow" => (
                    json!({ "type": "string" }),
                    "The methods the resource supports.",
                ),
                "www-authenticate" => {
                    (json!({ "type": "string" }), "The authentication challenge.")
                }
                _ => (json!({ "type": "string" }), ""),
            };
            // `style` is the default for headers, written out because aide always writes it;
            // no `required`, which utoipa's header object cannot hold.
            let mut header =
                json!({ "description": description, "style": "simple", "schema": schema });
            if let Some(value) = value {
                header["example"] = value
                    .parse::<u64>()
                    .map_or_else(|_| json!(value), |n| json!(n));
            }
            headers.insert(display_name(name).to_owned(), header);
        }
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_sharing_a_code_are_numbered_from_the_second() {
        const ROWS: &[VariantInfo] = &[
            VariantInfo::new("Order", 404).with_code("not_found"),
            VariantInfo::new("User", 404)
                .with_code("not_found")
                .with_message("no such user", false),
            VariantInfo::new("Cart", 404)
                .with_code("not_found")
                .with_message("no such cart", false),
        ];
        let responses = table_responses(&Table::new("E", ROWS));
        let examples = responses["404"]["content"][PROBLEM_JSON]["examples"]
            .as_object()
            .unwrap();
        let names: Vec<&String> = examples.keys().collect();
        assert_eq!(names, ["not_found", "not_found_2", "not_found_3"]);
        assert_eq!(examples["not_found_3"]["value"]["detail"], "no such cart");
    }

    #[test]
    fn a_response_component_is_named_after_its_reason_phrase() {
        let name = |code: u16| component_name(StatusCode::from_u16(code).unwrap());
        assert_eq!(name(404), "NotFound");
        assert_eq!(name(203), "NonAuthoritativeInformation");
        assert_eq!(name(422), "UnprocessableContent");
        assert_eq!(name(418), "Status418");
        assert_eq!(name(599), "Status599");
    }
}
