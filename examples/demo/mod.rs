//! The error types of an example service, shared by the examples and the snapshot tests.

/// The `main` of the axum examples.
#[cfg(feature = "axum")]
#[allow(dead_code)] // each example uses what it needs
pub mod serve;

/// The users API of the utoipa examples (axum and actix-web).
#[cfg(feature = "utoipa")]
#[allow(dead_code)] // each example uses what it needs
pub mod documented;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use status_core::{ApiStatus, FromProblem};

/// Errors of an example authentication layer, forwarded by `ApiError::Auth`.
#[derive(Debug, thiserror::Error, ApiStatus, FromProblem)]
#[status(type_base = "/problems/")]
pub enum AuthError {
    /// The access token is missing, malformed or expired.
    #[error("invalid access token")]
    #[status(401, www_authenticate = "Bearer")]
    InvalidToken,
    #[error("missing role {role}")]
    #[status(403, message = "this action needs the `{role}` role")]
    MissingRole { role: String },
}

/// The error type of an example service: what its handlers return. Each problem type URI is
/// `/problems/` followed by the code, where the service serves its error catalog.
///
/// It derives `FromProblem` too, so a Rust client rebuilds the value from the response.
///
/// Each operation of the documented examples returns a subset of it, and documents that
/// subset's errors alone: `GET /users` can be rate limited, `POST /users` can find the body
/// invalid or the name taken, `GET /users/{id}` can find no user, and each can fail.
#[derive(Debug, thiserror::Error, ApiStatus, FromProblem)]
#[status(type_base = "/problems/", catalog_title = "Example service errors")]
#[status(subset(ListUsersError = [RateLimited, Database], derive(Debug, thiserror::Error)))]
#[status(subset(CreateUserError = [Conflict, Invalid, Database], derive(Debug, thiserror::Error)))]
#[status(subset(GetUserError = [UserNotFound, Database], derive(Debug, thiserror::Error)))]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(
        404,
        code = "user_not_found",
        title = "User not found",
        message = "user {id} not found"
    )]
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
    /// The connection pool to db-primary is exhausted (a note for developers: a 5xx's doc
    /// comment is never published).
    #[error("database error: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
}

/// What `GET /users/{id}` answers with.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: u64,
    pub name: String,
}

/// The example service's one user: any other id is not found.
#[allow(dead_code)] // used by the server examples
pub fn find_user(id: u64) -> Result<User, ApiError> {
    match id {
        1 => Ok(User {
            id,
            name: "Ada Lovelace".to_owned(),
        }),
        _ => Err(ApiError::UserNotFound { id }),
    }
}

/// `GET /users?limit=...`: a page of more than 100 users is more than the rate allows.
#[allow(dead_code)] // used by the documented examples
pub fn check_page(limit: u8) -> Result<(), ListUsersError> {
    if limit > 100 {
        return Err(ListUsersError::RateLimited {
            retry_after: Duration::from_secs(30),
        });
    }
    Ok(())
}

/// `POST /users`: the name must not be empty, and Ada's is taken.
#[allow(dead_code)] // used by the documented examples
pub fn check_new_name(name: &str) -> Result<(), CreateUserError> {
    if name.is_empty() {
        return Err(CreateUserError::Invalid {
            errors: [("name".to_owned(), vec!["must not be empty".to_owned()])].into(),
        });
    }
    if name == "Ada Lovelace" {
        return Err(CreateUserError::Conflict);
    }
    Ok(())
}

/// The requests worth trying against a server of the example service at `base`.
#[allow(dead_code)] // used by the server examples, not the quickstart
pub fn curl_lines(base: &str) -> Vec<String> {
    [
        "curl -i {base}/users/1",
        "curl -i {base}/users/42",
        "curl -i {base}/limited",
        "curl -i -X DELETE {base}/limited",
        "curl -i -H 'content-type: application/json' -d '{\"email\": \"ada\"}' {base}/signup",
        "curl -i -H 'content-type: application/json' -d '{\"email\": ' {base}/signup",
        "curl -i {base}/crash",
        "curl -i {base}/no/such/route",
        // The error catalog, where every problem type URI points.
        "curl -i {base}{problems}",
        "curl -i {base}{problems}user_not_found",
    ]
    .iter()
    .map(|line| {
        line.replace("{base}", base).replace(
            "{problems}",
            status_core::html::base_path(&ApiError::table()),
        )
    })
    .collect()
}

/// Fetches `url` and shows the status line, headers and body, as curl -i would.
#[allow(dead_code)] // used by the server examples, not the quickstart
pub fn fetch(url: &str) -> String {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    match agent.get(url).call() {
        Ok(mut response) => {
            let mut shown = format!("{:?} {}\n", response.version(), response.status());
            for (name, value) in response.headers() {
                let _ = writeln!(shown, "{name}: {}", value.to_str().unwrap_or("<binary>"));
            }
            shown + "\n" + &response.body_mut().read_to_string().unwrap_or_default()
        }
        Err(error) => format!("request failed: {error}"),
    }
}

/// The code of every variant, forwarded ones included: `/errors/{code}` answers with each.
#[allow(dead_code)] // used by the server examples and the browser test
pub const ERROR_CODES: &[&str] = &[
    "user_not_found",
    "rate_limited",
    "method_not_allowed",
    "conflict",
    "invalid",
    "invalid_token",
    "missing_role",
    "internal_server_error",
];

/// An occurrence of the variant whose code is `code`, as `/errors/{code}` serves it.
#[allow(dead_code)] // used by the server examples and the browser test
pub fn sample(code: &str) -> Option<ApiError> {
    Some(match code {
        "user_not_found" => ApiError::UserNotFound { id: 42 },
        "rate_limited" => ApiError::RateLimited {
            retry_after: Duration::from_secs(30),
        },
        "method_not_allowed" => ApiError::MethodNotAllowed,
        "conflict" => ApiError::Conflict,
        "invalid" => ApiError::Invalid {
            errors: BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]),
        },
        "invalid_token" => ApiError::Auth(AuthError::InvalidToken),
        "missing_role" => ApiError::Auth(AuthError::MissingRole {
            role: "admin".to_owned(),
        }),
        "internal_server_error" => {
            std::io::Error::other("connection to db.internal:5432 reset").into()
        }
        _ => return None,
    })
}

/// Each `/errors/{code}` path with the error it answers with.
#[allow(dead_code)] // used by the browser test
pub fn error_paths() -> Vec<(String, ApiError)> {
    ERROR_CODES
        .iter()
        .filter_map(|code| Some((format!("/errors/{code}"), sample(code)?)))
        .collect()
}
