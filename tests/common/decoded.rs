//! The error type the client-side tests decode: every shape of field `FromProblem` reads
//! back, and the ones it must not.
#![allow(dead_code)] // each test uses its part

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use status_core::{ApiStatus, FromProblem};

/// The text between `NameTaken`'s two placeholders: a name holding it splits two ways.
pub const NAME_TAKEN_SEPARATOR: &str = "\" is taken by ";

/// The text of `Database`'s inner error, which must never reach a client.
pub const SECRET: &str = "password=hunter2 host=db.internal";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    pub per_minute: u32,
    pub burst: Option<u16>,
}

/// Forwarded by `ApiError::Auth`.
#[derive(Debug, Clone, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
pub enum AuthError {
    #[error("token expired")]
    #[status(401, www_authenticate = "Bearer")]
    Expired,
    #[error("needs {scope}")]
    #[status(403, message = "needs the {scope} scope")]
    MissingScope { scope: String },
}

#[derive(Debug, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct DbError(pub String);

#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
pub enum ApiError {
    #[error("forbidden")]
    #[status(403)]
    Forbidden,
    #[error("user {id} not found")]
    #[status(404, message = "user {id} not found")]
    UserNotFound { id: u64 },
    /// The id twice: as an extension member and in the message.
    #[error("order {id} not found")]
    #[status(404, message = "order {id} not found")]
    OrderNotFound {
        #[status(extension)]
        id: u64,
    },
    #[error("gone")]
    #[status(410, code = "gone_for_good")]
    Gone,
    #[error("{0}")]
    #[status(400, code = "bad_input", message = "{0}")]
    BadInput(String),
    #[error("name taken")]
    #[status(409, message = "the name \"{name}\" is taken by {owner}")]
    NameTaken { name: String, owner: String },
    #[error("over the limit")]
    #[status(400, message = "{amount} is over the limit of {limit}")]
    OverLimit { amount: i64, limit: u32 },
    #[error("malformed")]
    #[status(400)]
    Malformed(#[status(extension = "reason")] String),
    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[error("slow down")]
    #[status(429, message = "slow down")]
    RateLimited {
        #[status(retry_after)]
        retry_in: Option<u64>,
        #[status(extension)]
        limits: Limits,
        #[status(extension)]
        note: Option<String>,
    },
    #[error("wrong method")]
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: Vec<http::Method>,
    },
    #[error("maintenance")]
    #[status(503)]
    Maintenance {
        #[status(retry_after)]
        back_in: Duration,
    },
    #[error("order {order} holds {count} items, over the limit")]
    #[status(400, display)]
    TooManyItems { order: u64, count: u32 },
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    // What stays on the server:
    #[error("database: {0}")]
    #[status(500)]
    Database(#[from] DbError),
    #[error("query {query} failed")]
    #[status(500, code = "query_failed")]
    QueryFailed { query: String },
    #[error("{path:?} is missing")]
    #[status(404, message = "{path:?} is missing")]
    Missing { path: String },
    #[error("{name:?} is reserved")]
    #[status(409, display)]
    Reserved { name: String },
}

/// One value of every variant that a client rebuilds, with awkward text where it matters.
pub fn decodable() -> Vec<ApiError> {
    vec![
        ApiError::Forbidden,
        ApiError::UserNotFound { id: 7 },
        ApiError::OrderNotFound { id: u64::MAX },
        ApiError::Gone,
        ApiError::BadInput("say \"hi\" {there} / ü 日本".into()),
        ApiError::NameTaken {
            name: "a/b {c}".into(),
            owner: "Zoë \"z\"".into(),
        },
        ApiError::OverLimit {
            amount: -12,
            limit: 10,
        },
        ApiError::Malformed("the body's `items` is not a list".into()),
        ApiError::Invalid {
            errors: BTreeMap::from([
                ("email".into(), vec!["is required".into()]),
                (
                    "age".into(),
                    vec!["must be positive".into(), "must be a number".into()],
                ),
            ]),
        },
        ApiError::RateLimited {
            retry_in: Some(30),
            limits: Limits {
                per_minute: 60,
                burst: None,
            },
            note: Some("per key".into()),
        },
        ApiError::RateLimited {
            retry_in: None,
            limits: Limits {
                per_minute: 1,
                burst: Some(5),
            },
            note: None,
        },
        ApiError::WrongMethod {
            allowed: vec![http::Method::GET, http::Method::HEAD],
        },
        ApiError::Maintenance {
            back_in: Duration::from_secs(120),
        },
        ApiError::TooManyItems {
            order: 12,
            count: 1000,
        },
        ApiError::Auth(AuthError::Expired),
        ApiError::Auth(AuthError::MissingScope {
            scope: "orders:write".into(),
        }),
    ]
}

/// One value of every variant that stays on the server, each with text no client may see.
pub fn kept_on_server() -> Vec<ApiError> {
    vec![
        ApiError::Database(DbError(SECRET.into())),
        ApiError::QueryFailed {
            query: SECRET.into(),
        },
        ApiError::Missing {
            path: "/etc".into(),
        },
        ApiError::Reserved {
            name: "admin".into(),
        },
    ]
}

/// Every sample, by index, as the servers serve them.
pub fn sample(index: usize) -> Option<ApiError> {
    let mut all = decodable();
    all.extend(kept_on_server());
    (index < all.len()).then(|| all.swap_remove(index))
}

pub fn sample_count() -> usize {
    decodable().len() + kept_on_server().len()
}
