//! A small axum service whose handlers return the derived `ApiError`.
//!
//! `cargo run --example axum_server --features axum` serves on 127.0.0.1:3000 (or `$PORT`)
//! until Ctrl-C and prints the curl lines to try; `-- --once` serves on a free port, calls
//! one endpoint itself, prints what came back, and exits.

mod demo;

use std::collections::BTreeMap;
use std::time::Duration;

use axum::extract::Path;
use axum::routing::{get, post};
use axum::{Json, Router};
use demo::{ApiError, User};

async fn user(Path(id): Path<u64>) -> Result<Json<User>, ApiError> {
    Ok(Json(demo::find_user(id)?))
}

async fn limited() -> Result<String, ApiError> {
    Err(ApiError::RateLimited {
        retry_after: Duration::from_secs(30),
    })
}

async fn signup(Json(form): Json<BTreeMap<String, String>>) -> Result<String, ApiError> {
    if form.get("email").is_some_and(|email| email.contains('@')) {
        return Ok("welcome\n".to_owned());
    }
    let errors = BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]);
    Err(ApiError::Invalid { errors })
}

async fn crash() -> Result<String, ApiError> {
    // The io error's text goes to the logs (feature `tracing`), never into the body.
    Err(std::io::Error::other("connection to db.internal:5432 reset").into())
}

/// An occurrence of every variant, by its code: `/errors/user_not_found`, ...
async fn error(Path(code): Path<String>) -> Result<String, ApiError> {
    Err(demo::sample(&code).unwrap_or(ApiError::UserNotFound { id: 0 }))
}

fn app() -> Router {
    Router::new()
        .route("/users/{id}", get(user))
        .route("/limited", get(limited))
        .route("/signup", post(signup))
        .route("/crash", get(crash))
        .route("/errors/{code}", get(error))
        // The error catalog, at `/problems/`: each problem type URI opens its own page.
        .merge(status_core::axum::problem_types::<ApiError, _>())
        .fallback(status_core::axum::not_found)
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ))
        // Outermost, so that every problem body, the rewritten ones too, names its path.
        .layer(axum::middleware::from_fn(
            status_core::axum::problem_instance,
        ))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    demo::serve::serve(app(), "axum", demo::curl_lines, &["/users/42"]).await
}
