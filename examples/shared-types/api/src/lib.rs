//! The types of a small todo service that its server and its clients share: what a request
//! returns, and the error enum, whose values a client rebuilds from the server's responses.

use serde::{Deserialize, Serialize};
use status_core::{ApiStatus, FromProblem};

/// What `GET /todos/{id}` returns.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Todo {
    pub id: u64,
    pub title: String,
}

/// The service's errors: the server returns them from its handlers, the client gets them
/// back as values.
#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
pub enum ApiError {
    #[error("todo {id} not found")]
    #[status(404, message = "todo {id} not found")]
    TodoNotFound { id: u64 },
    #[error("too many requests")]
    #[status(429)]
    RateLimited {
        #[status(retry_after)]
        retry_in: u64,
        #[status(extension)]
        limit: u32,
    },
}
