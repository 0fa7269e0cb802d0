//! The users API the utoipa examples document, the same on axum and on actix-web: its types
//! and its document.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A user of the example service.
#[derive(Serialize, ToSchema)]
pub struct User {
    pub id: u64,
    pub name: String,
}

/// A user to create.
#[derive(Deserialize, ToSchema)]
pub struct NewUser {
    /// The user's name, not empty.
    #[schema(min_length = 1)]
    pub name: String,
}

/// How many users to list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// At most this many users.
    pub limit: u8,
}

/// The one user there is.
pub fn ada() -> User {
    User {
        id: 1,
        name: "Ada Lovelace".to_owned(),
    }
}

/// The paths each utoipa example answers with, for `--once` and the curl lines.
pub const TRY_PATHS: [&str; 5] = [
    "/openapi.json",
    "/users?limit=5",
    "/users/1",
    "/users/42",
    "/users/ada",
];
