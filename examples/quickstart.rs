//! The documented status codes and an application's error enum, as the responses they become.
//!
//! Run with `cargo run --example quickstart`.

use std::collections::BTreeMap;
use std::time::Duration;

use status_core::{ApiStatus, Status, VariantInfo};

/// Errors of an example authentication layer, forwarded by `ApiError::Auth`.
#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum AuthError {
    /// The access token is missing, malformed or expired.
    #[error("invalid access token")]
    #[status(401, www_authenticate = "Bearer")]
    InvalidToken,
    #[error("missing role {role}")]
    #[status(403, message = "this action needs the `{role}` role")]
    MissingRole { role: String },
}

/// The error type of an example service: what its handlers return.
#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404, code = "user_not_found", message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[error("slow down")]
    #[status(429, message = "rate limit exceeded; retry later")]
    RateLimited {
        #[status(retry_after)]
        retry_after: Duration,
    },
    #[error("wrong method")]
    #[status(405, allow = "GET, HEAD")]
    MethodNotAllowed,
    /// The resource changed since the client last read it.
    #[error("conflict")]
    #[status(409)]
    Conflict,
    #[error("validation failed")]
    #[status(422, description = "The request body failed validation.")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
    #[error("database error: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
}

fn main() {
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
