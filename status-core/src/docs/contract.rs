//! [`Contract`]: a served OpenAPI document held against the responses a service really sends,
//! for the service's own integration tests.

use core::fmt;
use std::fmt::Write as _;

use http::{Method, StatusCode};
use serde_json::Value;

use crate::PROBLEM_JSON;

/// An OpenAPI document as a contract a test holds a service to: each response the test
/// receives must be one its operation documents, by status and, for a problem, by `code`.
///
/// Typed subsets make a handler's own errors exact at compile time; this catches the rest:
/// a utoipa `responses(...)` that names another type than the handler returns, a middleware's
/// error, a route the document lacks. Build it from the document the service serves (any docs
/// tool's, as a [`serde_json::Value`]) and [`check`](Contract::check) what each request got.
///
/// ```
/// use http::{Method, StatusCode};
/// use serde_json::json;
/// use status_core::openapi::Contract;
///
/// let contract = Contract::new(&json!({ "paths": { "/users/{id}": { "get": { "responses": {
///     "200": { "description": "The user." },
///     "404": { "description": "Not Found", "content": { "application/problem+json": {
///         "schema": { "oneOf": [{ "properties": { "code": { "enum": ["user_not_found"] } } }] }
///     } } }
/// } } } } }));
/// let not_found = br#"{"status":404,"code":"user_not_found"}"#;
/// assert!(contract.check(&Method::GET, "/users/7", StatusCode::NOT_FOUND, not_found).is_ok());
///
/// let conflict = br#"{"status":409,"code":"conflict"}"#;
/// let error = contract.check(&Method::GET, "/users/7", StatusCode::CONFLICT, conflict).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "GET /users/7 answered 409 `conflict`, which GET /users/{id} does not document \
///      (it documents: 200, 404 `user_not_found`)",
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Contract {
    operations: Vec<Operation>,
}

#[derive(Debug, Clone)]
struct Operation {
    method: String,
    template: String,
    segments: Vec<Segment>,
    /// Each documented status (or `4XX`, `default`) with the codes its problems may carry;
    /// none listed means any.
    responses: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
}

/// A response its operation does not document, or a request no operation matches; its
/// `Display` says which and what the operation documents instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undocumented {
    request: String,
    status: StatusCode,
    code: Option<String>,
    operation: Option<(String, String)>,
}

impl Undocumented {
    /// The status the service answered with.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem's `code`, if the response was a problem with one.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }
}

impl fmt::Display for Undocumented {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} answered {}", self.request, self.status.as_u16())?;
        if let Some(code) = &self.code {
            write!(f, " `{code}`")?;
        }
        match &self.operation {
            Some((operation, documented)) => write!(
                f,
                ", which {operation} does not document (it documents: {documented})"
            ),
            None => f.write_str(", and the document has no operation for it"),
        }
    }
}

impl std::error::Error for Undocumented {}

impl Contract {
    /// The contract of an OpenAPI 3.x document.
    #[must_use]
    pub fn new(document: &Value) -> Self {
        let mut operations = Vec::new();
        let paths = document["paths"].as_object().into_iter().flatten();
        for (template, item) in paths {
            let segments = split(template)
                .map(|segment| {
                    if segment.starts_with('{') && segment.ends_with('}') {
                        Segment::Parameter
                    } else {
                        Segment::Literal(segment.to_owned())
                    }
                })
                .collect::<Vec<_>>();
            for (method, operation) in item.as_object().into_iter().flatten() {
                let Some(responses) = operation["responses"].as_object() else {
                    continue;
                };
                operations.push(Operation {
                    method: method.to_ascii_uppercase(),
                    template: template.clone(),
                    segments: segments.clone(),
                    responses: responses
                        .iter()
                        .map(|(status, response)| (status.clone(), documented_codes(response)))
                        .collect(),
                });
            }
        }
        Contract { operations }
    }

    /// Whether `status` with `body`, the answer to `method path`, is documented: by the
    /// operation whose path template matches `path` (a literal segment before a parameter),
    /// under its status, or its range (`4XX`), or `default`; and for a problem body, with a
    /// `code` among those the response lists, where it lists any.
    ///
    /// # Errors
    /// [`Undocumented`] when no operation matches, or the operation does not document it.
    pub fn check(
        &self,
        method: &Method,
        path: &str,
        status: StatusCode,
        body: &[u8],
    ) -> Result<(), Undocumented> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let code = serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|body| body["code"].as_str().map(str::to_owned));
        let undocumented = |operation| Undocumented {
            request: format!("{method} {path}"),
            status,
            code: code.clone(),
            operation,
        };
        let Some(operation) = self.operation(method, path) else {
            return Err(undocumented(None));
        };
        let exact = status.as_str();
        let range = format!("{}XX", exact.as_bytes()[0] as char);
        let response = [exact, range.as_str(), "default"]
            .iter()
            .find_map(|key| operation.responses.iter().find(|(k, _)| k == key));
        let documented = response.is_some_and(|(_, codes)| {
            codes.is_empty() || code.as_ref().is_some_and(|code| codes.contains(code))
        });
        if documented {
            return Ok(());
        }
        let listed = operation
            .responses
            .iter()
            .map(|(status, codes)| {
                let mut listed = status.clone();
                for code in codes {
                    let _ = write!(listed, " `{code}`");
                }
                listed
            })
            .collect::<Vec<_>>()
            .join(", ");
        Err(undocumented(Some((
            format!("{} {}", operation.method, operation.template),
            listed,
        ))))
    }

    /// [`check`](Contract::check) on a whole response.
    ///
    /// # Errors
    /// As `check`.
    pub fn check_response<B: AsRef<[u8]>>(
        &self,
        method: &Method,
        path: &str,
        response: &http::Response<B>,
    ) -> Result<(), Undocumented> {
        self.check(method, path, response.status(), response.body().as_ref())
    }

    /// The operation of `method` whose template matches `path`, literal segments first.
    fn operation(&self, method: &Method, path: &str) -> Option<&Operation> {
        let segments: Vec<&str> = split(path).collect();
        self.operations
            .iter()
            .filter(|operation| operation.method == method.as_str())
            .filter(|operation| {
                operation.segments.len() == segments.len()
                    && operation
                        .segments
                        .iter()
                        .zip(&segments)
                        .all(|(template, segment)| match template {
                            Segment::Literal(literal) => literal == segment,
                            Segment::Parameter => !segment.is_empty(),
                        })
            })
            // The most literal segments wins: `/users/me` before `/users/{id}`.
            .max_by_key(|operation| {
                operation
                    .segments
                    .iter()
                    .filter(|s| matches!(s, Segment::Literal(_)))
                    .count()
            })
    }
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.trim_matches('/').split('/').filter(|s| !s.is_empty())
}

/// The codes a response's problem schema or examples name: each `oneOf` branch's constant
/// `code`, the schema's own, and each example's.
fn documented_codes(response: &Value) -> Vec<String> {
    let content = &response["content"][PROBLEM_JSON];
    let schema = &content["schema"];
    let branches = schema["oneOf"]
        .as_array()
        .map_or_else(|| vec![schema], |branches| branches.iter().collect());
    let mut codes: Vec<String> = branches
        .into_iter()
        .filter_map(|branch| constant(&branch["properties"]["code"]))
        .collect();
    for example in content["examples"].as_object().into_iter().flatten() {
        if let Some(code) = example.1["value"]["code"].as_str() {
            codes.push(code.to_owned());
        }
    }
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// A schema's one value: `const`, or an `enum` of one.
fn constant(schema: &Value) -> Option<String> {
    schema["const"]
        .as_str()
        .or_else(|| match schema["enum"].as_array()?.as_slice() {
            [one] => one.as_str(),
            _ => None,
        })
        .map(str::to_owned)
}
