//! Typed subsets: each is an enum of its own that answers as the parent does, converts into
//! the parent and into every wider subset, and is narrowed from the parent with `TryFrom`.
#![deny(warnings, missing_docs)]

use status_core::{ApiStatus, FromProblem};

/// The service's errors.
#[derive(Debug, thiserror::Error, ApiStatus, FromProblem)]
#[status(display, type_base = "/problems/")]
#[status(subset(ReadError = [UserNotFound, Database], derive(Debug, thiserror::Error)))]
#[status(subset(WriteError = [Database, Conflict, UserNotFound, Rejected], derive(Debug, thiserror::Error)))]
pub enum ApiError {
    /// No user has this id.
    #[error("user {id} not found")]
    #[status(404)]
    UserNotFound {
        /// The id asked for.
        id: u64,
    },
    /// Someone else changed it first.
    #[error("version {0} is not the current one")]
    #[status(409)]
    Conflict(#[status(extension = "current_version")] u32),
    /// Too many requests.
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        /// When to come back.
        #[status(retry_after)]
        seconds: u64,
    },
    /// The database failed.
    #[error("database: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
    /// What the framework rejected, forwarded with its own statuses and codes.
    #[error(transparent)]
    #[status(transparent)]
    Rejected(status_core::Rejection),
}

/// Without `display` and without derives: the variants alone, docs included.
#[derive(Debug, ApiStatus)]
#[status(subset(Missing = [Gone]))]
pub enum Plain {
    /// It was here.
    #[status(404, message = "item {0} not found")]
    Gone(u64),
    /// Not yet.
    #[status(503)]
    Later,
}

fn find(id: u64) -> Result<(), ReadError> {
    Err(ReadError::UserNotFound { id })
}

fn update(id: u64) -> Result<(), WriteError> {
    // A narrower subset widens with `?`.
    find(id)?;
    // thiserror's `#[from]` goes along with the derive.
    Err(std::io::Error::other("disk full"))?
}

fn main() {
    let read = find(7).unwrap_err();
    let full = ApiError::UserNotFound { id: 7 };
    assert_eq!(read.status(), full.status());
    assert_eq!(read.body(), full.body());
    assert_eq!(read.to_string(), "user 7 not found");
    assert_eq!(read.variant().type_uri(), "/problems/user_not_found");

    let codes = |table: status_core::Table| -> Vec<&str> {
        table.variants().iter().map(status_core::VariantInfo::code).collect()
    };
    assert_eq!(codes(ReadError::table()), ["user_not_found", "internal_server_error"]);
    // The parent's order, whatever order the subset lists them in.
    assert_eq!(codes(WriteError::table()), ["user_not_found", "conflict", "internal_server_error"]);

    let write = update(7).unwrap_err();
    assert_eq!(write.code(), "user_not_found");
    let full: ApiError = write.into();
    assert_eq!(full.code(), "user_not_found");

    // A transparent variant's rows come along: the rejections are the subset's too.
    let write_codes = codes(WriteError::table());
    assert!(write_codes.contains(&"conflict") && !write_codes.contains(&"invalid_json"));
    let documented: Vec<&str> = WriteError::table()
        .responses()
        .iter()
        .map(|row| row.code())
        .collect();
    assert!(documented.contains(&"invalid_json"), "{documented:?}");
    assert!(!ReadError::table().responses().iter().any(|row| row.code() == "invalid_json"));

    // Narrowing hands back what the subset does not list.
    let limited = ReadError::try_from(ApiError::RateLimited { seconds: 3 }).unwrap_err();
    assert_eq!(limited.code(), "rate_limited");
    let found = ReadError::try_from(ApiError::UserNotFound { id: 1 }).unwrap();
    assert_eq!(found.to_string(), "user 1 not found");

    // A client of the subset decodes its own codes, and no other.
    let conflict = ApiError::Conflict(3).response();
    assert!(ReadError::from_response(&conflict).is_err());
    assert!(matches!(WriteError::from_response(&conflict), Ok(WriteError::Conflict(3))));

    assert_eq!(Missing::Gone(4).detail(), "item 4 not found");
    assert_eq!(codes(Missing::table()), ["gone"]);
    let _ = Plain::Later;
}
