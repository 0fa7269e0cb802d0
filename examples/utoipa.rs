//! An API documented with utoipa: the handlers name `ApiError` in their `responses(...)`, and
//! the document lists every error response it can produce, with one named example per variant.
//!
//! Run with `cargo run --example utoipa --features utoipa`; it prints the OpenAPI document.
//! No server runs: the handlers are only there to be documented.

// The shared example enum: documented here, not every variant is constructed.
#[allow(dead_code)]
mod demo;

use demo::ApiError;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// A user of the example service.
#[derive(Serialize, ToSchema)]
struct User {
    id: u64,
    name: String,
}

/// Fetch a user by id.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user", body = User), ApiError)
)]
#[allow(dead_code)] // documented, not served
fn get_user(id: u64) -> Result<User, ApiError> {
    match id {
        1 => Ok(User {
            id,
            name: "Ada Lovelace".to_owned(),
        }),
        _ => Err(ApiError::UserNotFound { id }),
    }
}

/// Delete a user; the example service never allows it.
#[utoipa::path(
    delete,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 204, description = "The user was deleted"), ApiError)
)]
#[allow(dead_code)] // documented, not served
fn delete_user(_id: u64) -> Result<(), ApiError> {
    Err(ApiError::MethodNotAllowed)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Example service",
        version = "1.0.0",
        description = "Users, and the Problem Details responses of their errors.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    paths(get_user, delete_user)
)]
struct ApiDoc;

fn main() {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("the document does not serialize: {error}");
            std::process::exit(1);
        }
    }
}
