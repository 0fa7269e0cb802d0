//! The documented status codes and an application's error enum, as the responses they become.
//!
//! Run with `cargo run --example quickstart`; add `-- --markdown` for the Markdown error
//! catalogs (the example enum's, and the framework's rejections') and the table of registered
//! statuses, `-- --html` for the HTML error catalog of the example enum (the page its problem
//! type URIs resolve to), or `-- --openapi` for its OpenAPI 3.1 document. `-- --html-pages DIR`
//! writes every HTML page (the catalog, one per problem type, the documented codes, the
//! rejections' catalog) into `DIR`.

mod demo;

use demo::ApiError;
use status_core::{ApiStatus, Rejection, Status, VariantInfo};

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("--markdown") => {
            println!("{}", status_core::markdown::documented());
            println!("{}", status_core::markdown::registered());
            println!("{}", status_core::markdown::catalog::<ApiError>());
            println!("{}", status_core::markdown::catalog::<Rejection>());
        }
        Some("--html") => print!("{}", status_core::html::catalog::<ApiError>()),
        Some("--html-pages") => {
            let dir = std::env::args()
                .nth(2)
                .unwrap_or_else(|| "html-pages".to_owned());
            if let Err(error) = write_html_pages(std::path::Path::new(&dir)) {
                eprintln!("cannot write the pages into {dir}: {error}");
                std::process::exit(1);
            }
        }
        Some("--openapi") => {
            let document = status_core::openapi::document::<ApiError>("Example service", "1.0.0");
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
        }
        Some(other) => {
            eprintln!(
                "unknown option {other}; use --markdown, --html, --html-pages DIR, --openapi, or nothing"
            );
            std::process::exit(2);
        }
        None => overview(),
    }
}

/// Every HTML page the example service serves, one file each, for an HTML checker.
fn write_html_pages(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("catalog.html"),
        status_core::html::catalog::<ApiError>(),
    )?;
    std::fs::write(dir.join("documented.html"), status_core::html::documented())?;
    std::fs::write(
        dir.join("rejections.html"),
        status_core::html::catalog::<Rejection>(),
    )?;
    let table = ApiError::table();
    for variant in table.public_responses() {
        if let Some(page) = status_core::html::problem_type(&table, variant.code()) {
            std::fs::write(dir.join(format!("{}.html", variant.code())), page)?;
        }
    }
    Ok(())
}

/// The tables and example bodies of the documented codes and of `ApiError`.
fn overview() {
    println!("Documented status codes\n");
    print_table(
        Status::ALL
            .iter()
            .map(|s| (s.code(), s.reason(), s.description())),
    );
    for status in Status::ALL {
        println!("\n{status}\n{}", status.example_response());
    }

    println!("\n\nApiError: every response the type can produce\n");
    let responses = ApiError::table().responses();
    println!(
        "{:<5} {:<17} {:<19} description",
        "code", "variant", "machine code"
    );
    println!("{:-<5} {:-<17} {:-<19} {:-<11}", "", "", "", "");
    for v in &responses {
        let (status, name, code) = (v.status().as_u16(), v.name(), v.code());
        println!("{status:<5} {name:<17} {code:<19} {}", v.description());
    }
    for variant in &responses {
        print_example(variant);
    }

    println!("\n\nOne occurrence, as served\n");
    let err = ApiError::UserNotFound { id: 42 };
    let response = err.response();
    println!("{:?} {}", response.version(), response.status());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("\n{}", String::from_utf8_lossy(response.body()));
}

fn print_table<'a>(rows: impl Iterator<Item = (u16, &'a str, &'a str)>) {
    println!("{:<5} {:<22} description", "code", "reason");
    println!("{:-<5} {:-<22} {:-<11}", "", "", "");
    for (code, reason, description) in rows {
        println!("{code:<5} {reason:<22} {description}");
    }
}

fn print_example(variant: &VariantInfo) {
    println!("\n{} ({})", variant.name(), variant.status());
    for (name, value) in variant.headers() {
        println!("{name}: {value}");
    }
    for name in variant.field_headers() {
        println!("{name}: <from a field>");
    }
    let body = serde_json::to_string_pretty(&variant.example()).unwrap_or_default();
    println!("{body}");
}
