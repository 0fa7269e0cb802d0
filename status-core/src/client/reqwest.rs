//! A `reqwest` client's side: a response read into the success type, or into the server's own
//! error enum through [`FromProblem`].
//!
//! ```no_run
//! use serde::Deserialize;
//! use status_core::reqwest::ClientError;
//! use status_core::{ApiStatus, FromProblem};
//!
//! #[derive(Debug, thiserror::Error, ApiStatus, FromProblem)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//! }
//!
//! #[derive(Deserialize)]
//! struct User {
//!     name: String,
//! }
//!
//! async fn user(client: &reqwest::Client, id: u64) -> Result<User, ClientError<ApiError>> {
//!     let response = client.get(format!("http://127.0.0.1:3000/users/{id}")).send().await?;
//!     status_core::reqwest::json(response).await
//! }
//!
//! # async fn caller(client: reqwest::Client) {
//! match user(&client, 42).await {
//!     Ok(user) => println!("{}", user.name),
//!     Err(ClientError::Api(ApiError::UserNotFound { id })) => println!("no user {id}"),
//!     Err(other) => println!("{other}"),
//! }
//! # }
//! ```

use std::fmt;

use crate::{FromProblem, Problem};

/// Why a call did not give the success type: the server's error as the enum's value, a
/// problem that is not one of its values, or a failure of the request or of the body.
#[derive(Debug)]
pub enum ClientError<E> {
    /// The server answered with one of `E`'s values.
    Api(E),
    /// The server (or a proxy before it) answered with an error that is not one of `E`'s
    /// values: another service's problem, a variant whose fields stayed on the server, or the
    /// problem of the status alone when the body was not Problem Details. Boxed, so that a
    /// `Result` of this error stays small.
    Problem(Box<Problem>),
    /// The request failed before a response came back, or while its body was read.
    Request(::reqwest::Error),
    /// A success whose body is not the JSON of the expected type.
    Body(serde_json::Error),
}

impl<E> From<::reqwest::Error> for ClientError<E> {
    fn from(error: ::reqwest::Error) -> Self {
        Self::Request(error)
    }
}

impl<E: fmt::Display> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Api(error) => error.fmt(f),
            Self::Problem(problem) => {
                f.write_str("the server answered")?;
                if let Some(status) = problem.status() {
                    write!(f, " {status}")?;
                }
                if let Some(title) = problem.title() {
                    write!(f, " {title}")?;
                }
                match problem.detail() {
                    Some(detail) => write!(f, ": {detail}"),
                    None => Ok(()),
                }
            }
            Self::Request(error) => error.fmt(f),
            Self::Body(_) => f.write_str("the response body is not the expected JSON"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            // Shown by `Display` already: their own sources come next.
            Self::Api(error) => error.source(),
            Self::Request(error) => error.source(),
            Self::Problem(_) => None,
            Self::Body(error) => Some(error),
        }
    }
}

/// The response itself when its status is not an error (below 400), else its error read
/// into `E`: what `reqwest::Response::error_for_status` does, keeping what the server said.
///
/// # Errors
///
/// [`ClientError::Api`] or [`ClientError::Problem`] for a 4xx or 5xx response;
/// [`ClientError::Request`] if its body could not be read.
pub async fn error_for_problem<E: FromProblem>(
    mut response: ::reqwest::Response,
) -> Result<::reqwest::Response, ClientError<E>> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    let headers = std::mem::take(response.headers_mut());
    let body = response.bytes().await?;
    // Read as `from_response` reads any response: in one pass, a `Problem` made only when no
    // variant answers.
    let mut received = http::Response::new(body);
    *received.status_mut() = status;
    *received.headers_mut() = headers;
    Err(match E::from_response(&received) {
        Ok(error) => ClientError::Api(error),
        Err(problem) => ClientError::Problem(Box::new(problem)),
    })
}

/// The success body as a `T`, or the error read into `E`; reqwest's `json` feature is not
/// needed.
///
/// # Errors
///
/// As [`error_for_problem`], and [`ClientError::Body`] when a success's body is not a `T`.
pub async fn json<T: serde::de::DeserializeOwned, E: FromProblem>(
    response: ::reqwest::Response,
) -> Result<T, ClientError<E>> {
    let body = error_for_problem(response).await?.bytes().await?;
    serde_json::from_slice(&body).map_err(ClientError::Body)
}
