//! What the library publishes is what its user meant to publish. A distinct secret stands in
//! every place a user can write text: doc comments on 4xx and 5xx variants, on the enum and on
//! fields; a 5xx's message template (thiserror's `#[error]`, which is its `Display`) and its
//! field values; a source error's `Display`. Every public output is rendered, and each must
//! hold exactly the secrets the rules publish:
//!
//! - an explicit `description = "..."` is written for the public, on any status;
//! - a 4xx variant's doc comment is its description, unless the type says `private_docs`;
//! - nothing else: no 5xx doc comment, template or field, no source, no enum or field doc.
//!
//! Every representation content negotiation sends (the JSON body, the HTML page from the
//! problem and from the value, the text, the XML) publishes exactly what the JSON body does.
//!
//! The HTML pages and the OpenAPI documents show no Rust type or variant name either; the
//! Markdown catalog, for developers, names the variants. A 5xx `message` with fields does not
//! compile without `expose` (tests/ui/fail/server-error-template-without-expose.rs), so the
//! 5xx template planted here is the one every 5xx has: its `Display`.

#[cfg(feature = "axum")]
#[path = "common/serve_axum.rs"]
mod serve_axum;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use status_core::negotiate::{Negotiation, Representation};
use status_core::{html, markdown, openapi, ApiStatus, Problem};

const ENUM_DOC: &str = "enum-doc-7f3a";
const FIELD_DOC: &str = "field-doc-9d2e";
const CLIENT_DOC: &str = "client-doc-4b1c";
const CLIENT_DOC_DETAIL: &str = "client-doc-detail-2a8f";
const CLIENT_DESCRIPTION: &str = "client-description-5e6d";
const SERVER_DOC: &str = "server-doc-1c9b";
const SERVER_TEMPLATE: &str = "server-template-8e4f";
const SERVER_FIELD: &str = "server-field-0a7c";
const SOURCE_DISPLAY: &str = "source-display-6d1e";
const SERVER_DOC_DESCRIBED: &str = "server-doc-described-3f7a";
const SERVER_DESCRIPTION: &str = "server-description-6b2d";
const PRIVATE_ENUM_DOC: &str = "private-enum-doc-8c3b";
const PRIVATE_CLIENT_DOC: &str = "private-client-doc-5a9e";
const PRIVATE_DESCRIPTION: &str = "private-description-7e4c";

const SECRETS: [&str; 14] = [
    ENUM_DOC,
    FIELD_DOC,
    CLIENT_DOC,
    CLIENT_DOC_DETAIL,
    CLIENT_DESCRIPTION,
    SERVER_DOC,
    SERVER_TEMPLATE,
    SERVER_FIELD,
    SOURCE_DISPLAY,
    SERVER_DOC_DESCRIBED,
    SERVER_DESCRIPTION,
    PRIVATE_ENUM_DOC,
    PRIVATE_CLIENT_DOC,
    PRIVATE_DESCRIPTION,
];

/// A source error whose text must stay in the server's logs.
#[derive(Debug, thiserror::Error)]
#[error("source-display-6d1e: connection to db-primary.internal:5432 reset")]
pub struct PoolError;

/// enum-doc-7f3a: the todo service's errors; see the runbook in the wiki.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(type_base = "/problems/", grpc_domain = "todo.example.com")]
pub enum TodoServiceError {
    /// client-doc-4b1c: no todo has this id.
    #[error("todo {id} not found")]
    #[status(404, message = "todo {id} not found")]
    TodoNotFound {
        /// field-doc-9d2e: the id the client asked for.
        id: u64,
    },
    /// client-doc-detail-2a8f: a todo with this title exists.
    #[error("title taken")]
    #[status(409)]
    TitleTaken,
    #[error("invalid todo")]
    #[status(
        422,
        description = "client-description-5e6d: the todo failed validation."
    )]
    InvalidTodo {
        #[status(extension)]
        errors: Vec<String>,
    },
    /// server-doc-1c9b: pg pool (db-primary.internal:5432) exhausted; see runbook RB-17.
    #[error("server-template-8e4f: storage at {host} failed")]
    #[status(500)]
    StorageFailure {
        host: String,
        #[source]
        source: PoolError,
    },
    /// server-doc-described-3f7a: the redis cluster is failing over.
    #[error(transparent)]
    #[status(503, description = "server-description-6b2d: try again in a minute.")]
    CacheOutage(#[from] PoolError),
}

/// private-enum-doc-8c3b: a type whose doc comments are all for developers.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(private_docs, catalog_title = "Todo lists")]
pub enum ListProblem {
    /// private-client-doc-5a9e: the list was archived by the nightly job.
    #[error("no such list")]
    #[status(404)]
    MissingList,
    #[error("list taken")]
    #[status(
        409,
        description = "private-description-7e4c: a list with this name exists."
    )]
    TakenList,
}

/// The Rust names, which no output for clients may show.
const NAMES: [&str; 9] = [
    "TodoServiceError",
    "TodoNotFound",
    "TitleTaken",
    "InvalidTodo",
    "StorageFailure",
    "CacheOutage",
    "ListProblem",
    "MissingList",
    "TakenList",
];

/// What 5xx variants would be called in snake case, which no output may show: their code is
/// their status's.
const SERVER_NAMES: [&str; 2] = ["storage_failure", "cache_outage"];

fn values() -> Vec<TodoServiceError> {
    vec![
        TodoServiceError::TodoNotFound { id: 7 },
        TodoServiceError::TitleTaken,
        TodoServiceError::InvalidTodo {
            errors: vec!["title is empty".into()],
        },
        TodoServiceError::StorageFailure {
            host: format!("{SERVER_FIELD}.internal"),
            source: PoolError,
        },
        TodoServiceError::CacheOutage(PoolError),
    ]
}

/// The secrets `text` holds.
fn found(text: &str) -> BTreeSet<&'static str> {
    SECRETS
        .into_iter()
        .filter(|secret| text.contains(secret))
        .collect()
}

fn set<const N: usize>(secrets: [&'static str; N]) -> BTreeSet<&'static str> {
    secrets.into_iter().collect()
}

/// The secrets each type's documentation publishes: descriptions, and a 4xx doc comment
/// where the type does not keep them private.
fn documented_todo() -> BTreeSet<&'static str> {
    set([
        CLIENT_DOC,
        CLIENT_DOC_DETAIL,
        CLIENT_DESCRIPTION,
        SERVER_DESCRIPTION,
    ])
}

fn documented_lists() -> BTreeSet<&'static str> {
    set([PRIVATE_DESCRIPTION])
}

fn assert_no_rust_names(output: &str, what: &str) {
    for name in NAMES.iter().chain(&SERVER_NAMES) {
        assert!(!output.contains(name), "{what} shows `{name}`:\n{output}");
    }
}

#[test]
fn the_html_catalog_and_every_page_publish_only_what_the_rules_publish() {
    for (table, expected) in [
        (TodoServiceError::table(), documented_todo()),
        (ListProblem::table(), documented_lists()),
    ] {
        let catalog = html::table(&table);
        assert_eq!(found(&catalog), expected, "{catalog}");
        assert_no_rust_names(&catalog, "the HTML catalog");
        let mut on_pages = BTreeSet::new();
        for variant in table.public_responses() {
            let page = html::problem_type(&table, variant.code()).unwrap();
            assert!(found(&page).is_subset(&expected), "{page}");
            assert_no_rust_names(&page, "a problem type page");
            on_pages.extend(found(&page));
        }
        assert_eq!(on_pages, expected);
    }
    let lists = html::catalog::<ListProblem>();
    assert!(lists.contains("<title>Todo lists</title>") && lists.contains("<h1>Todo lists</h1>"));
    let todo = html::catalog::<TodoServiceError>();
    assert!(todo.contains("<title>Errors</title>") && todo.contains("<h1>Errors</h1>"));
}

#[test]
fn the_markdown_catalog_publishes_the_same_texts_and_names_the_variants() {
    let todo = markdown::catalog::<TodoServiceError>();
    assert_eq!(found(&todo), documented_todo(), "{todo}");
    let lists = markdown::catalog::<ListProblem>();
    assert_eq!(found(&lists), documented_lists(), "{lists}");
    // For developers: it says which variant answers, by its Rust name.
    assert!(todo.contains("- `StorageFailure` (`internal_server_error`): "));
    for name in SERVER_NAMES {
        assert!(!todo.contains(name), "{name}");
    }
}

#[test]
fn the_openapi_responses_and_document_publish_only_what_the_rules_publish() {
    for (text, expected) in [
        (
            openapi::responses::<TodoServiceError>().to_string(),
            documented_todo(),
        ),
        (
            openapi::document::<TodoServiceError>("Todo", "1").to_string(),
            documented_todo(),
        ),
        (
            openapi::responses::<ListProblem>().to_string(),
            documented_lists(),
        ),
    ] {
        assert_eq!(found(&text), expected, "{text}");
        assert_no_rust_names(&text, "OpenAPI");
    }
    let responses = openapi::responses::<TodoServiceError>();
    let examples = &responses["404"]["content"]["application/problem+json"]["examples"];
    assert!(examples.get("todo_not_found").is_some(), "{examples}");
}

#[test]
fn a_response_sends_only_the_details_the_rules_publish() {
    let mut sent = BTreeSet::new();
    for err in values() {
        let response = err.response();
        let mut text = String::from_utf8(response.body().clone()).unwrap();
        for (name, value) in response.headers() {
            let _ = write!(text, "\n{name}: {}", value.to_str().unwrap());
        }
        assert_no_rust_names(&text, "a response");
        sent.extend(found(&text));
    }
    // Where a variant has no message, its description is the detail: a 4xx's doc comment,
    // and an explicit description of any status.
    assert_eq!(
        sent,
        set([CLIENT_DOC_DETAIL, CLIENT_DESCRIPTION, SERVER_DESCRIPTION])
    );
    // What the server keeps: the Display and the source are in the error, for its logs.
    let storage = &values()[3];
    assert!(storage.to_string().contains(SERVER_TEMPLATE));
    assert!(storage.to_string().contains(SERVER_FIELD));
    assert!(std::error::Error::source(storage)
        .unwrap()
        .to_string()
        .contains(SOURCE_DISPLAY));
}

/// One value of every variant of both types, with what it is called in failure messages.
fn every_value() -> Vec<(String, Problem, Vec<u8>)> {
    let mut all: Vec<(String, Problem, Vec<u8>)> = values()
        .into_iter()
        .map(|value| (format!("{value:?}"), value.problem(), value.body()))
        .collect();
    for value in [ListProblem::MissingList, ListProblem::TakenList] {
        all.push((format!("{value:?}"), value.problem(), value.body()));
    }
    all
}

/// The secrets the bodies of `every_value()` publish: the descriptions that are their details.
fn sent_in_bodies() -> BTreeSet<&'static str> {
    set([
        CLIENT_DOC_DETAIL,
        CLIENT_DESCRIPTION,
        SERVER_DESCRIPTION,
        PRIVATE_DESCRIPTION,
    ])
}

/// `text` says what the JSON body `json` of `what` says: exactly its secrets, and no Rust
/// name.
fn assert_says_what_the_body_says(text: &str, json: &str, what: &str) {
    assert_eq!(found(text), found(json), "{what}:\n{text}");
    assert_no_rust_names(text, what);
}

#[test]
fn every_representation_of_a_problem_publishes_what_its_body_publishes() {
    let negotiation = Negotiation::new();
    let mut sent = BTreeSet::new();
    let mut checked = 0;
    for (name, problem, body) in every_value() {
        let json = String::from_utf8(body).unwrap();
        assert_says_what_the_body_says(&json, &json, &format!("the JSON body of {name}"));
        sent.extend(found(&json));
        for representation in Representation::ALL {
            let rendered = negotiation.render(representation, &problem);
            let text = String::from_utf8(rendered).unwrap();
            let what = format!("{name} as {representation:?}");
            assert_says_what_the_body_says(&text, &json, &what);
            checked += 1;
        }
        let page = html::problem_page(&problem);
        assert_says_what_the_body_says(&page, &json, &format!("the page of {name}"));
    }
    assert_eq!(checked, 7 * Representation::ALL.len());
    assert_eq!(sent, sent_in_bodies());
}

/// Negotiation renders a value's page, text and XML from the value its response carries (its
/// body unchanged): what a real server sends for each `Accept` says what the JSON body says,
/// headers included.
#[cfg(feature = "axum")]
#[test]
fn every_negotiated_response_publishes_what_its_body_publishes() {
    use axum::extract::Path;
    use axum::response::{IntoResponse, Response};

    async fn answer(Path(index): Path<usize>) -> Response {
        let mut todo: Vec<Response> = values()
            .into_iter()
            .map(IntoResponse::into_response)
            .collect();
        todo.push(ListProblem::MissingList.into_response());
        todo.push(ListProblem::TakenList.into_response());
        todo.swap_remove(index)
    }

    let app = axum::Router::new()
        .route("/values/{index}", axum::routing::get(answer))
        .layer(Negotiation::new());
    let base = serve_axum::serve(app);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into();
    let get = |url: &str, accept: &str| {
        let mut response = agent
            .get(url)
            .header("accept", accept)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let mut text = response.body_mut().read_to_string().unwrap();
        for (name, value) in response.headers() {
            let _ = write!(text, "\n{name}: {}", value.to_str().unwrap());
        }
        (response.headers().clone(), text)
    };
    let mut sent = BTreeSet::new();
    let values = every_value();
    for (index, (name, problem, body)) in values.iter().enumerate() {
        let url = format!("{base}/values/{index}");
        let (_, json) = get(&url, "application/json");
        assert!(
            json.starts_with(std::str::from_utf8(body).unwrap()),
            "{json}"
        );
        assert_no_rust_names(&json, &format!("the JSON response of {name}"));
        sent.extend(found(&json));
        for (accept, media_type) in [
            ("text/html", "text/html; charset=utf-8"),
            ("text/plain", "text/plain; charset=utf-8"),
            ("application/problem+xml", "application/problem+xml"),
        ] {
            let (headers, text) = get(&url, accept);
            assert_eq!(headers["content-type"], media_type, "{name} for {accept}");
            let what = format!("{name} served for {accept}");
            assert_says_what_the_body_says(&text, &json, &what);
            // Rendered from the value, it is what the problem renders to.
            let representation = Negotiation::new().representation([accept.as_bytes()]);
            let rendered = Negotiation::new().render(representation, problem);
            assert!(
                text.starts_with(std::str::from_utf8(&rendered).unwrap()),
                "{what}: not the {representation:?} of its problem:\n{text}"
            );
        }
    }
    assert_eq!(values.len(), 7);
    assert_eq!(sent, sent_in_bodies());
}

#[cfg(feature = "utoipa")]
#[test]
fn the_utoipa_document_publishes_only_what_the_rules_publish() {
    use utoipa::OpenApi;

    #[utoipa::path(
        get,
        path = "/todos/{id}",
        params(("id" = u64, Path)),
        responses((status = 200, body = String), TodoServiceError)
    )]
    #[allow(dead_code)]
    fn todo() {}

    #[derive(OpenApi)]
    #[openapi(paths(todo))]
    struct ApiDoc;

    let text = ApiDoc::openapi().to_json().unwrap();
    assert_eq!(found(&text), documented_todo(), "{text}");
    assert_no_rust_names(&text, "the utoipa document");
}

#[cfg(feature = "aide")]
#[test]
fn the_aide_document_publishes_only_what_the_rules_publish() {
    use aide::axum::routing::get;
    use aide::axum::ApiRouter;
    use aide::openapi::OpenApi;

    async fn todo() -> Result<axum::Json<String>, TodoServiceError> {
        Err(TodoServiceError::TitleTaken)
    }

    let mut api = OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/todos", get(todo))
        .finish_api(&mut api);
    let text = serde_json::to_string(&api).unwrap();
    assert_eq!(found(&text), documented_todo(), "{text}");
    assert_no_rust_names(&text, "the aide document");
}

#[cfg(feature = "tonic")]
#[test]
fn a_grpc_status_and_its_details_carry_only_what_the_rules_publish() {
    let mut sent = BTreeSet::new();
    for err in values() {
        let status = tonic::Status::from(err);
        // The details are protobuf, whose strings travel as UTF-8 bytes.
        let text = format!(
            "{}\n{}\n{:?}",
            status.message(),
            String::from_utf8_lossy(status.details()),
            status.metadata()
        );
        assert_no_rust_names(&text, "a gRPC status");
        sent.extend(found(&text));
        let problem = status_core::tonic::problem(&status);
        sent.extend(found(&String::from_utf8(problem.to_json()).unwrap()));
    }
    assert_eq!(
        sent,
        set([CLIENT_DOC_DETAIL, CLIENT_DESCRIPTION, SERVER_DESCRIPTION])
    );
}
