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

pub use super::contract::{Contract, Undocumented};
use crate::response::headers::display_name;
use crate::response::table::numbered;
use crate::status::registry::with_meaning;
use crate::{
    reason_phrase, ApiStatus, RegisteredStatus, RejectionKind, Table, VariantInfo, ABOUT_BLANK,
    PROBLEM_JSON,
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

/// The JSON Schema of [`Violations`](crate::Violations): the `errors` member RFC 9457 section
/// 3 shows, a list of a JSON Pointer into the request body and what is wrong there, with an
/// example.
///
/// ```
/// let schema = status_core::openapi::violations_schema();
/// assert_eq!(schema["items"]["required"], serde_json::json!(["detail", "pointer"]));
/// assert_eq!(schema["examples"][0][0]["pointer"], "#/age");
/// ```
#[must_use]
pub fn violations_schema() -> Value {
    json!({
        "type": "array",
        "description": "Each place where the request's input is wrong (RFC 9457 section 3).",
        "items": {
            "type": "object",
            "properties": {
                "detail": {
                    "type": "string",
                    "description": "What is wrong there."
                },
                "pointer": {
                    "type": "string",
                    "description": "Where: a JSON Pointer (RFC 6901) into the request body, as a URI fragment (`#/items/0/name`).",
                    "pattern": "^#(/([^~]|~[01])*)*$"
                }
            },
            "required": ["detail", "pointer"]
        },
        "examples": [[{ "detail": "must be a positive integer", "pointer": "#/age" }]]
    })
}

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
    rows_responses(&table.public_responses())
}

/// The responses of the rejections of `kinds`, each status once.
pub(crate) fn rejection_responses(
    kinds: &[RejectionKind],
    statuses: &'static [VariantInfo],
) -> impl Iterator<Item = (StatusCode, Value)> {
    let mut rows: Vec<&VariantInfo> = kinds.iter().map(|kind| &statuses[*kind as usize]).collect();
    rows.sort_by_key(|row| row.status());
    // The one member a rejection has, `json_data`'s `errors`, is of a type known here.
    let mut members = TypedMembers::default();
    members.push_json_data_errors_in(statuses);
    with_typed_members(rows_responses(&rows), &members, &|_| None)
}

fn rows_responses(responses: &[&VariantInfo]) -> impl Iterator<Item = (StatusCode, Value)> {
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
    let mut schemas: Vec<Value> = Vec::with_capacity(group.len());
    for variant in group {
        add_variant_schema(&mut schemas, variant_schema(variant));
    }
    let mut response = json!({
        "description": description,
        "content": {
            PROBLEM_JSON: {
                "schema": { "oneOf": schemas },
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

/// The schema of the bodies one variant sends: the Problem Details members, with the status,
/// the code, and the type and title where the variant has them, as constants (an `enum` of
/// one value, which utoipa's schema holds and `const` it does not), so that a
/// generated client can tell the variants of a status apart by `code`; every extension
/// member, required, since the body always has it.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(409)]
/// struct Conflict { #[status(extension)] current_version: u64 }
///
/// let schema = status_core::openapi::variant_schema(&Conflict::table().variants()[0]);
/// assert_eq!(schema["properties"]["code"]["enum"], serde_json::json!(["conflict"]));
/// assert_eq!(schema["properties"]["status"]["enum"], serde_json::json!([409]));
/// assert_eq!(schema["required"], serde_json::json!(["title", "status", "detail", "code", "current_version"]));
/// ```
#[must_use]
pub fn variant_schema(variant: &VariantInfo) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    if variant.type_uri() != ABOUT_BLANK {
        properties.insert(
            "type".into(),
            json!({ "type": "string", "format": "uri-reference", "enum": [variant.type_uri()] }),
        );
        required.push("type");
    }
    if let Some(title) = variant.title() {
        properties.insert("title".into(), json!({ "type": "string", "enum": [title] }));
        required.push("title");
    }
    properties.insert(
        "status".into(),
        json!({ "type": "integer", "enum": [variant.status().as_u16()] }),
    );
    properties.insert(
        "detail".into(),
        json!({ "type": "string", "description": "What went wrong in this occurrence." }),
    );
    properties.insert(
        "instance".into(),
        json!({
            "type": "string",
            "format": "uri-reference",
            "description": "A URI identifying this occurrence."
        }),
    );
    properties.insert(
        "code".into(),
        json!({ "type": "string", "enum": [variant.code()] }),
    );
    required.extend(["status", "detail", "code"]);
    for &name in variant.extensions() {
        // Any JSON value: the row does not say what type the field has.
        properties.insert(name.to_owned(), json!({}));
        required.push(name);
    }
    json!({
        "type": "object",
        "description": variant.description(),
        "properties": properties,
        "required": required
    })
}

/// Documents, on each operation of an OpenAPI document, the [`Rejection`](crate::Rejection)s
/// the framework answers before its handler runs, by what the operation takes: a JSON or form
/// body (`invalid_json`, `json_data`, `missing_json_content_type`, ...), path parameters
/// (`invalid_path`), query parameters (`invalid_query`). A status the operation already
/// documents becomes one response for both ([`merge_responses`]); a response given by
/// reference is the author's own and is left as written. For a document built by any tool
/// whose framework answers its errors through this crate; aide's, poem-openapi's and
/// salvo-oapi's modules apply it to their own document types.
///
/// It reads the document, not the handlers: an operation documents a body or parameter when
/// its tool saw the extractor.
///
/// ```
/// use serde_json::json;
///
/// let mut document = json!({ "openapi": "3.1.0", "paths": { "/users/{id}": { "get": {
///     "parameters": [{ "name": "id", "in": "path", "required": true }],
///     "responses": { "200": { "description": "The user." } }
/// } } } });
/// status_core::openapi::add_rejections(&mut document);
/// let responses = &document["paths"]["/users/{id}"]["get"]["responses"];
/// let examples = &responses["400"]["content"]["application/problem+json"]["examples"];
/// assert!(examples.get("invalid_path").is_some());
/// assert!(responses.get("415").is_none(), "no body, no body's rejections");
/// ```
pub fn add_rejections(document: &mut Value) {
    add_rejections_in::<crate::statuses::Uniform>(document);
}

/// [`add_rejections`] with the statuses one framework gives its own errors, for a service that
/// keeps them ([`Statuses::Framework`](crate::Statuses::Framework)).
///
/// ```
/// use serde_json::json;
/// use status_core::statuses::Poem;
///
/// let mut document = json!({ "paths": { "/users": { "post": {
///     "requestBody": { "content": { "application/json": { "schema": {} } } },
///     "responses": {}
/// } } } });
/// status_core::openapi::add_rejections_in::<Poem>(&mut document);
/// let responses = &document["paths"]["/users"]["post"]["responses"];
/// let examples = &responses["400"]["content"]["application/problem+json"]["examples"];
/// assert!(examples.get("json_data").is_some(), "poem's own status for it");
/// assert!(responses.get("422").is_none());
/// ```
pub fn add_rejections_in<S: crate::statuses::RejectionStatuses>(document: &mut Value) {
    add_rejections_as(document, S::ROWS, &|_, response| response);
}

/// [`add_rejections`] with the rows `rows`, each response in the form `form` gives it (a tool
/// that writes OpenAPI 3.0 rewrites it so).
pub(crate) fn add_rejections_as(
    document: &mut Value,
    rows: &'static [VariantInfo],
    form: &dyn Fn(StatusCode, Value) -> Value,
) {
    let Some(paths) = document.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (template, path) in paths.iter_mut() {
        let shared = path.get("parameters").cloned().unwrap_or(Value::Null);
        let Some(path) = path.as_object_mut() else {
            continue;
        };
        for (method, operation) in path.iter_mut() {
            if !OPERATION_METHODS.contains(&method.as_str()) {
                continue;
            }
            let added: Map<String, Value> =
                operation_rejections(template, operation, &shared, rows)
                    .map(|(status, response)| (status.as_str().to_owned(), form(status, response)))
                    .collect();
            if added.is_empty() {
                continue;
            }
            let Some(operation) = operation.as_object_mut() else {
                continue;
            };
            let responses = operation.entry("responses").or_insert_with(|| json!({}));
            // A response by reference is the author's own: left as written.
            let by_reference = |status: &String| responses[status.as_str()].get("$ref").is_some();
            let added: Map<String, Value> = added
                .into_iter()
                .filter(|(status, _)| !by_reference(status))
                .collect();
            merge_responses(responses, &Value::Object(added));
        }
    }
}

/// The responses of the rejections of one operation of a document, with the statuses of
/// `rows`: by what it takes ([`rejection_kinds`]), and a path parameter's for a templated
/// `path`, which has parameters even where the tool did not describe them (aide's
/// `Path<u64>`): its segments are parsed all the same.
pub(crate) fn operation_rejections(
    path: &str,
    operation: &Value,
    shared: &Value,
    rows: &'static [VariantInfo],
) -> impl Iterator<Item = (StatusCode, Value)> {
    let mut kinds = rejection_kinds(operation, shared);
    if path.contains('{') && !kinds.contains(&RejectionKind::InvalidPath) {
        kinds.push(RejectionKind::InvalidPath);
    }
    rejection_responses(&kinds, rows)
}

/// The keys of a path item that are operations.
const OPERATION_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What the framework can reject before `operation`'s handler runs, by what it takes; `shared`
/// are the parameters of its path item.
fn rejection_kinds(operation: &Value, shared: &Value) -> Vec<RejectionKind> {
    let mut kinds = Vec::new();
    let media = operation["requestBody"]["content"].as_object();
    let takes =
        |prefix: &str| media.is_some_and(|media| media.keys().any(|m| m.starts_with(prefix)));
    if takes("application/json") {
        kinds.extend_from_slice(RejectionKind::JSON_BODY);
    } else if takes("application/x-www-form-urlencoded") {
        kinds.extend_from_slice(RejectionKind::FORM_BODY);
    }
    let own = operation.get("parameters").and_then(Value::as_array);
    for parameter in own.into_iter().chain(shared.as_array()).flatten() {
        let kind = match parameter["in"].as_str() {
            Some("path") => RejectionKind::InvalidPath,
            Some("query") => RejectionKind::InvalidQuery,
            _ => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// Merges the `responses` object `added` into `responses`, as one operation that can answer
/// both: a status in both becomes one response whose schema (`oneOf`), examples, headers and
/// description cover both. OpenAPI holds one response per status, and tools that keep one
/// (utoipa, aide) would otherwise drop or overwrite the second.
///
/// ```
/// use status_core::openapi::{merge_responses, responses};
/// use status_core::{ApiStatus, Rejection};
/// # #[derive(Debug, ApiStatus)]
/// # enum BookError {
/// #     #[status(404)]
/// #     BookNotFound,
/// # }
///
/// let mut merged = responses::<BookError>();
/// merge_responses(&mut merged, &responses::<Rejection>());
/// let examples = &merged["404"]["content"]["application/problem+json"]["examples"];
/// assert!(examples.get("book_not_found").is_some());
/// assert!(examples.get("route_not_found").is_some());
/// ```
pub fn merge_responses(responses: &mut Value, added: &Value) {
    let (Some(into), Some(added)) = (responses.as_object_mut(), added.as_object()) else {
        return;
    };
    for (status, response) in added {
        match into.get_mut(status) {
            Some(existing) => merge_response(existing, response),
            None => {
                into.insert(status.clone(), response.clone());
            }
        }
    }
    // In order of status, as every output lists them.
    into.sort_keys();
}

pub(crate) fn merge_response(existing: &mut Value, added: &Value) {
    if let (Some(description), Some(added_description)) = (
        existing["description"].as_str(),
        added["description"].as_str(),
    ) {
        // The variant lines, after the status's own sentence both start with; each once.
        let mut merged = description.to_owned();
        for line in added_description.split("\n- ").skip(1) {
            let line = format!("\n- {line}");
            if !merged.contains(&line) {
                merged.push_str(&line);
            }
        }
        existing["description"] = json!(merged);
    }
    if let Some(headers) = added.get("headers").and_then(Value::as_object) {
        let into = existing
            .as_object_mut()
            .map(|response| response.entry("headers").or_insert_with(|| json!({})));
        if let Some(Value::Object(into)) = into {
            for (name, header) in headers {
                into.entry(name.clone()).or_insert_with(|| header.clone());
            }
        }
    }
    let Some(added_content) = added["content"].get(PROBLEM_JSON) else {
        return;
    };
    let Some(content) = existing
        .as_object_mut()
        .map(|response| response.entry("content").or_insert_with(|| json!({})))
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    let Some(media) = content.get_mut(PROBLEM_JSON) else {
        content.insert(PROBLEM_JSON.to_owned(), added_content.clone());
        return;
    };
    merge_schemas(&mut media["schema"], &added_content["schema"]);
    if let Some(added_examples) = added_content["examples"].as_object() {
        let examples = media
            .as_object_mut()
            .map(|media| media.entry("examples").or_insert_with(|| json!({})));
        if let Some(Value::Object(examples)) = examples {
            for (name, example) in added_examples {
                if examples.values().any(|shown| shown == example) {
                    continue;
                }
                let name = numbered(name, '_', |taken| examples.contains_key(taken));
                examples.insert(name, example.clone());
            }
        }
    }
}

/// Adds a variant's schema to a `oneOf`, where a body matches exactly one schema: one with the
/// same code and type as a schema already there is folded into it (its members joined, only
/// those both require required), so that the two never both match.
fn add_variant_schema(variants: &mut Vec<Value>, schema: Value) {
    let identity = |schema: &Value| {
        let properties = &schema["properties"];
        (
            properties["code"]["enum"].clone(),
            properties["type"]["enum"].clone(),
        )
    };
    let Some(same) = variants
        .iter_mut()
        .find(|shown| identity(shown) == identity(&schema))
    else {
        variants.push(schema);
        return;
    };
    if let (Some(properties), Some(added)) = (
        same["properties"].as_object_mut(),
        schema["properties"].as_object(),
    ) {
        for (name, property) in added {
            properties
                .entry(name.clone())
                .or_insert_with(|| property.clone());
        }
    }
    if let (Some(required), Some(added)) = (
        same["required"].as_array_mut(),
        schema["required"].as_array(),
    ) {
        required.retain(|name| added.contains(name));
    }
}

/// `schema` widened to accept what `added` does too: the variants of both, in one `oneOf`
/// when both are this module's; a schema of other origin stays whole, as one of `anyOf`.
fn merge_schemas(schema: &mut Value, added: &Value) {
    let added: Vec<Value> = match added.get("oneOf").and_then(Value::as_array) {
        Some(variants) => variants.clone(),
        None => vec![added.clone()],
    };
    if let Some(variants) = schema.get_mut("oneOf").and_then(Value::as_array_mut) {
        for variant in added {
            add_variant_schema(variants, variant);
        }
        return;
    }
    let mut any_of = vec![schema.take()];
    any_of.extend(added);
    *schema = json!({ "anyOf": any_of });
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
            // `style` is the default for headers, written out because aide always writes it.
            let mut header =
                json!({ "description": description, "style": "simple", "schema": schema });
            // Required where every variant of the status sends it: a fixed value always goes
            // out, a field's may not (an `Option`). utoipa's header object cannot say it.
            let always = group
                .iter()
                .all(|variant| variant.headers().iter().any(|(fixed, _)| *fixed == name));
            if always {
                header["required"] = json!(true);
            }
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

/// The schema a tool gives for the type of an extension member's field, keyed by the row
/// (status and code) and the member's name; `None` where the type has no schema in that tool.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct TypedMembers {
    members: Vec<(u16, &'static str, &'static str, Value)>,
}

impl TypedMembers {
    /// Records the schema of `member` in the rows of `status` and `code`.
    pub fn push(
        &mut self,
        status: u16,
        code: &'static str,
        member: &'static str,
        schema: Option<Value>,
    ) {
        if let Some(schema) = schema {
            self.members.push((status, code, member, schema));
        }
    }

    /// The `errors` member of a `json_data` rejection, a [`Violations`](crate::Violations).
    #[cfg(any(
        feature = "aide",
        feature = "utoipa",
        feature = "poem-openapi",
        feature = "salvo-oapi"
    ))]
    pub(crate) fn push_json_data_errors(&mut self) {
        self.push_json_data_errors_in(crate::response::rejection::ROWS);
    }

    /// [`Self::push_json_data_errors`] for the rejection rows `rows`, whose `json_data` may
    /// have another status (a framework's own).
    pub(crate) fn push_json_data_errors_in(&mut self, rows: &[VariantInfo]) {
        let row = &rows[RejectionKind::JsonData as usize];
        let (status, code) = (row.status().as_u16(), row.code());
        self.push(status, code, "errors", Some(violations_schema()));
    }
}

/// `responses` with each typed member's schema in place of the schema of any value, and an
/// example value of its type in place of its `{placeholder}`; `resolve` finds the schema a
/// `$ref` names, for the example.
pub(crate) fn with_typed_members(
    responses: impl Iterator<Item = (StatusCode, Value)>,
    members: &TypedMembers,
    resolve: &dyn Fn(&str) -> Option<Value>,
) -> impl Iterator<Item = (StatusCode, Value)> {
    let members = &members.members;
    let typed: Vec<(StatusCode, Value)> = responses
        .map(|(status, mut response)| {
            for (_, code, member, schema) in members
                .iter()
                .filter(|(typed, ..)| *typed == status.as_u16())
            {
                let media = &mut response["content"][PROBLEM_JSON];
                let is_row = |value: &Value| value["code"] == json!(code);
                if let Some(variants) = media["schema"]["oneOf"].as_array_mut() {
                    for variant in variants {
                        if variant["properties"]["code"]["enum"] == json!([code]) {
                            variant["properties"][*member] = schema.clone();
                        }
                    }
                }
                if let Some(examples) = media["examples"].as_object_mut() {
                    let value = example_value(schema, resolve, 0);
                    for example in examples.values_mut() {
                        if is_row(&example["value"]) {
                            if let Some(value) = &value {
                                example["value"][*member] = value.clone();
                            }
                        }
                    }
                }
            }
            (status, response)
        })
        .collect();
    typed.into_iter()
}

/// A value that `schema` accepts, for an example: the schema's own example, default,
/// constant or first enumerated value, else the least value of its type (`0`, `""`,
/// `false`, `[]`, an object of its required members); `None` for a schema that says nothing.
fn example_value(
    schema: &Value,
    resolve: &dyn Fn(&str) -> Option<Value>,
    depth: u8,
) -> Option<Value> {
    // A type that holds itself has no least value to spell out.
    if depth > 8 {
        return None;
    }
    let schema = schema.as_object()?;
    if let Some(example) = schema.get("examples").and_then(|examples| examples.get(0)) {
        return Some(example.clone());
    }
    for key in ["example", "default", "const"] {
        if let Some(value) = schema.get(key) {
            return Some(value.clone());
        }
    }
    if let Some(first) = schema.get("enum").and_then(|values| values.get(0)) {
        return Some(first.clone());
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        return example_value(&resolve(target)?, resolve, depth + 1);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(first) = schema.get(key).and_then(|schemas| schemas.get(0)) {
            return example_value(first, resolve, depth + 1);
        }
    }
    let types: Vec<&str> = match schema.get("type")? {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    let least = |key: &str| schema.get(key).and_then(Value::as_u64).unwrap_or(0);
    let chosen = types
        .iter()
        .find(|name| **name != "null")
        .or_else(|| types.first())?;
    Some(match *chosen {
        "integer" | "number" => schema.get("minimum").cloned().unwrap_or(json!(0)),
        "string" => json!("x".repeat(usize::try_from(least("minLength")).unwrap_or(0))),
        "boolean" => json!(false),
        "array" => {
            let count = usize::try_from(least("minItems")).unwrap_or(0);
            let item = schema
                .get("items")
                .and_then(|items| example_value(items, resolve, depth + 1))
                .unwrap_or(Value::Null);
            Value::Array(vec![item; count])
        }
        "object" => {
            let mut object = Map::new();
            let required = schema.get("required").and_then(Value::as_array);
            for name in required.into_iter().flatten().filter_map(Value::as_str) {
                let member = schema
                    .get("properties")
                    .and_then(|properties| properties.get(name))
                    .and_then(|property| example_value(property, resolve, depth + 1))
                    .unwrap_or(Value::Null);
                object.insert(name.to_owned(), member);
            }
            Value::Object(object)
        }
        _ => Value::Null,
    })
}

/// A field type, for the generated impls to ask through autoref
/// (`(&&SchemaProbe::<T>::new())`) for its schema in a tool, where it has one.
#[doc(hidden)]
pub struct SchemaProbe<T: ?Sized>(core::marker::PhantomData<T>);

impl<T: ?Sized> SchemaProbe<T> {
    #[must_use]
    pub const fn new() -> Self {
        Self(core::marker::PhantomData)
    }
}

impl<T: ?Sized> Default for SchemaProbe<T> {
    fn default() -> Self {
        Self::new()
    }
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

    mod example_values {
        use super::*;

        fn example(schema: &Value) -> Option<Value> {
            example_value(schema, &|_| None, 0)
        }

        #[test]
        fn an_example_is_the_schemas_own_value_first() {
            let all = json!({
                "examples": [1], "example": 2, "default": 3, "const": 4, "enum": [5], "type": "integer"
            });
            assert_eq!(example(&all), Some(json!(1)));
            assert_eq!(
                example(&json!({ "example": 2, "default": 3 })),
                Some(json!(2))
            );
            assert_eq!(
                example(&json!({ "default": 3, "const": 4 })),
                Some(json!(3))
            );
            assert_eq!(example(&json!({ "const": 4, "enum": [5] })), Some(json!(4)));
            assert_eq!(
                example(&json!({ "enum": [5, 6], "type": "integer" })),
                Some(json!(5))
            );
            assert_eq!(example(&json!({})), None);
            assert_eq!(example(&json!(true)), None);
        }

        #[test]
        fn an_example_is_else_the_least_value_of_its_type() {
            assert_eq!(example(&json!({ "type": "integer" })), Some(json!(0)));
            assert_eq!(
                example(&json!({ "type": "number", "minimum": 3 })),
                Some(json!(3))
            );
            assert_eq!(example(&json!({ "type": "string" })), Some(json!("")));
            assert_eq!(
                example(&json!({ "type": "string", "minLength": 3 })),
                Some(json!("xxx"))
            );
            assert_eq!(example(&json!({ "type": "boolean" })), Some(json!(false)));
            assert_eq!(example(&json!({ "type": "null" })), Some(Value::Null));
            // The first type that is not null; null where it is the only one.
            assert_eq!(
                example(&json!({ "type": ["null", "boolean"] })),
                Some(json!(false))
            );
            assert_eq!(example(&json!({ "type": ["null"] })), Some(Value::Null));
            assert_eq!(
                example(&json!({ "type": "array", "minItems": 2, "items": { "type": "integer" } })),
                Some(json!([0, 0]))
            );
            assert_eq!(example(&json!({ "type": "array" })), Some(json!([])));
            let object = json!({
                "type": "object",
                "required": ["id", "tags"],
                "properties": {
                    "id": { "type": "integer" },
                    "tags": { "type": "array", "items": { "type": "string" } },
                    "note": { "type": "string" }
                }
            });
            assert_eq!(example(&object), Some(json!({ "id": 0, "tags": [] })));
            assert_eq!(
                example(&json!({ "anyOf": [{ "type": "boolean" }, { "type": "integer" }] })),
                Some(json!(false))
            );
        }

        #[test]
        fn an_example_follows_refs_eight_deep_and_no_deeper() {
            // `#/n` names a schema that refers to `#/n+1`; `#/last` is an integer.
            let chain = |last: u8| {
                move |target: &str| {
                    let n: u8 = target.trim_start_matches("#/").parse().ok()?;
                    Some(if n == last {
                        json!({ "type": "integer" })
                    } else {
                        json!({ "$ref": format!("#/{}", n + 1) })
                    })
                }
            };
            let start = json!({ "$ref": "#/1" });
            assert_eq!(example_value(&start, &chain(8), 0), Some(json!(0)));
            assert_eq!(example_value(&start, &chain(9), 0), None);
            // Nesting counts as a step too.
            let mut nested = json!({ "type": "integer" });
            for _ in 0..9 {
                nested = json!({ "anyOf": [nested] });
            }
            assert_eq!(example(&nested), None);
            assert_eq!(example(&nested["anyOf"][0]), Some(json!(0)));
            // A type that holds itself ends.
            let itself = |_: &str| Some(json!({ "$ref": "#/1" }));
            assert_eq!(example_value(&start, &itself, 0), None);
        }
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
