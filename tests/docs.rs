//! The generated documentation: Markdown catalogs and OpenAPI, checked against reviewed
//! snapshots and parsed by a real OpenAPI 3.1 parser.
//!
//! After an intended change, rewrite the snapshots with `UPDATE_SNAPSHOTS=1 cargo test --test
//! docs`, then read the diff before committing it.

// The example enums are shared with the examples; not every variant is built here.
#[allow(dead_code)]
#[path = "../examples/demo/mod.rs"]
mod demo;

use std::path::Path;

use demo::ApiError;
use serde_json::json;
use status_core::{markdown, openapi, ApiStatus, Rejection, Status};

fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_SNAPSHOTS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its snapshot; run with UPDATE_SNAPSHOTS=1 and review the diff"
    );
}

fn openapi_json() -> String {
    let document = openapi::document::<ApiError>("Example service", "1.0.0");
    serde_json::to_string_pretty(&document).unwrap() + "\n"
}

#[test]
fn markdown_catalog_of_the_example_enum_matches_its_snapshot() {
    assert_snapshot("api_error.md", &markdown::catalog::<ApiError>());
}

#[test]
fn markdown_catalog_of_the_documented_codes_matches_its_snapshot() {
    assert_snapshot("status_codes.md", &markdown::documented());
}

#[test]
fn markdown_table_of_the_registered_statuses_matches_its_snapshot() {
    assert_snapshot("registered.md", &markdown::registered());
}

#[test]
fn openapi_document_of_the_example_enum_matches_its_snapshot() {
    assert_snapshot("api_error.openapi.json", &openapi_json());
}

#[test]
fn documented_catalog_reproduces_every_line_of_the_source_document_in_order() {
    let source = include_str!("../status-core/status-codes.txt");
    let catalog = markdown::documented();
    let mut rest = catalog.as_str();
    for line in source.lines() {
        let text = line.trim_end_matches(':');
        if matches!(
            text,
            "Status Codes" | "General Information" | "Last updated"
        ) {
            continue;
        }
        let at = rest
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is missing or out of order"));
        rest = &rest[at + text.len()..];
    }
}

#[test]
fn documented_catalog_shows_a_real_example_response_for_every_code() {
    let catalog = markdown::documented();
    for status in Status::ALL {
        let section = catalog.split(&format!("## {status}\n")).nth(1).unwrap();
        let json = section
            .split("```json\n")
            .nth(1)
            .unwrap()
            .split("\n```")
            .next()
            .unwrap();
        let body: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(body["status"], status.code(), "{status}");
    }
}

#[test]
fn openapi_document_parses_as_openapi_3_1() {
    let spec = oas3::from_json(openapi_json()).expect("a valid OpenAPI 3.1 document");
    let version = spec
        .validate_version()
        .expect("a supported OpenAPI version");
    assert_eq!((version.major, version.minor), (3, 1));

    let components = spec.components.as_ref().expect("components");
    let problem = components
        .schemas
        .get(openapi::PROBLEM_SCHEMA)
        .expect("the Problem schema");
    let problem = serde_json::to_value(problem).unwrap();
    for member in ["type", "title", "status", "detail", "instance", "code"] {
        assert!(
            problem["properties"].get(member).is_some(),
            "Problem lacks {member}"
        );
    }

    let mut statuses: Vec<u16> = ApiError::table()
        .responses()
        .iter()
        .map(|v| v.status().as_u16())
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(components.responses.len(), statuses.len());
    for status in statuses {
        // Named after the reason phrase, never after the Rust type.
        let reason = status_core::reason_phrase(http::StatusCode::from_u16(status).unwrap());
        let name = reason.unwrap().replace([' ', '-'], "");
        let response = components.responses[&name]
            .resolve(&spec)
            .expect("an inline response");
        let media = &response.content[status_core::PROBLEM_JSON];
        let schema = media
            .schema(&spec)
            .expect("the $ref resolves")
            .expect("a schema");
        // One schema per code, each with the status as a constant.
        let schema = serde_json::to_value(schema).unwrap();
        let variants = schema["oneOf"].as_array().expect("a oneOf");
        assert!(!variants.is_empty(), "{name}");
        for variant in variants {
            assert_eq!(
                variant["properties"]["status"]["enum"],
                json!([status]),
                "{name}"
            );
        }
        let examples = media.examples(&spec);
        assert!(!examples.is_empty(), "{name} has no example");
        for (variant, example) in examples {
            let value = example.value.expect("an example value");
            assert_eq!(value["status"], status, "{name}/{variant}");
        }
    }
}

#[test]
fn openapi_headers_document_retry_after_allow_and_www_authenticate() {
    let responses = openapi::responses::<ApiError>();
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
    assert_eq!(responses["405"]["headers"]["Allow"]["example"], "GET, HEAD");
    assert_eq!(
        responses["401"]["headers"]["WWW-Authenticate"]["example"],
        "Bearer"
    );
}

/// The frameworks guide's table of what the framework answers is the rejections' table, row
/// for row.
#[test]
fn the_frameworks_guide_lists_every_rejection_with_its_status() {
    let guide = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("status-core/guide/frameworks.md"),
    )
    .unwrap();
    let rows: Vec<&str> = guide
        .lines()
        .filter(|line| line.starts_with("| 4") && line.contains("` |"))
        .collect();
    let table = Rejection::table();
    for row in table.variants() {
        let start = format!("| {} | `{}` |", row.status().as_u16(), row.code());
        assert!(
            rows.iter().any(|line| line.starts_with(&start)),
            "the frameworks guide lacks {start}"
        );
    }
    let listed = rows
        .iter()
        .filter(|line| {
            table
                .variants()
                .iter()
                .any(|row| line.contains(&format!("`{}`", row.code())))
        })
        .count();
    assert_eq!(listed, table.variants().len(), "{rows:#?}");
}

/// The frameworks guide's table of the statuses each framework keeps is the code's: a row for
/// each code whose status differs somewhere, and none for the others.
#[test]
fn the_frameworks_guide_lists_each_framework_s_own_statuses() {
    use status_core::statuses::{ActixWeb, Poem, RejectionStatuses, Rocket, Salvo, Uniform, Warp};
    use status_core::RejectionKind;

    let guide = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("status-core/guide/frameworks.md"),
    )
    .unwrap();
    let header = "| code | the table (axum) | actix-web | poem | rocket | salvo | warp |";
    assert!(
        guide.contains(header),
        "the frameworks guide lacks {header}"
    );
    let frameworks = [
        Uniform::STATUSES,
        ActixWeb::STATUSES,
        Poem::STATUSES,
        Rocket::STATUSES,
        Salvo::STATUSES,
        Warp::STATUSES,
    ];
    for (index, kind) in RejectionKind::ALL.into_iter().enumerate() {
        let code = kind.info().code();
        let statuses: Vec<String> = frameworks.iter().map(|s| s[index].to_string()).collect();
        let row = format!("| `{code}` | {} |", statuses.join(" | "));
        let differs = statuses.iter().any(|status| *status != statuses[0]);
        let listed = guide
            .lines()
            .any(|line| line.starts_with(&format!("| `{code}` | ")));
        assert_eq!(
            listed, differs,
            "{code}: listed {listed}, differs {differs}"
        );
        if differs {
            assert!(guide.contains(&row), "the frameworks guide lacks {row}");
        }
    }
}

/// The rejections' catalog lists each code under its status, as every catalog does.
#[test]
fn the_rejections_have_a_catalog_of_their_own() {
    let catalog = markdown::catalog::<Rejection>();
    for row in Rejection::table().variants() {
        assert!(
            catalog.contains(&format!("(`{}`)", row.code())),
            "{}",
            row.code()
        );
    }
    assert!(catalog.contains("## 405 Method Not Allowed"), "{catalog}");
}
