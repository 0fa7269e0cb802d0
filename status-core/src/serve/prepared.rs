//! [`ProblemResponse`]: a value's response, built when the value becomes a framework's error
//! type (actix-web's and poem's `Error`, warp's `Rejection`) and kept until the framework sends
//! it, with the record of what it serves. Each framework names it after its own error type
//! (`status_core::actix::ProblemError`, `status_core::poem::ProblemError`,
//! `status_core::warp::ProblemRejection`) and implements its traits for it.

use std::fmt;

use http::StatusCode;

use crate::{ApiStatus, Served};

/// The response of an [`ApiStatus`] value, built once, with the value's code and the record of
/// what it serves: what a derived type becomes as a framework's error.
///
/// Its `Display` names the status and code only (`404 Not Found (user_not_found)`), so that a
/// framework's own logging of the error shows no more than the client sees; middleware that
/// wants the error itself finds it in the record ([`served`](Self::served)).
///
/// ```
/// use status_core::{ApiStatus, ProblemResponse, Served};
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404, code = "user_not_found")]
/// struct UserNotFound;
///
/// let response = ProblemResponse::<Vec<u8>>::new(&UserNotFound).with_served(Served::new(&UserNotFound));
/// assert_eq!(response.to_string(), "404 Not Found (user_not_found)");
/// assert_eq!(response.served().unwrap().variant(), "UserNotFound");
/// ```
pub struct ProblemResponse<B> {
    response: http::Response<B>,
    code: &'static str,
    served: Option<Served>,
}

impl<B> ProblemResponse<B>
where
    B: From<&'static [u8]> + From<Vec<u8>>,
{
    /// Builds the response of `value` now, a static body as it is.
    pub fn new<T: ApiStatus + ?Sized>(value: &T) -> Self {
        Self {
            response: crate::response::api_status::response_with_body(value),
            code: value.code(),
            served: None,
        }
    }
}

impl<B> ProblemResponse<B> {
    /// This response with the record of what it serves, which middleware finds again.
    #[must_use]
    pub fn with_served(mut self, served: Served) -> Self {
        self.served = Some(served);
        self
    }

    /// The record of what it serves: the value's variant, code and status, and the value
    /// itself where its type allows ([`Served`]).
    #[must_use]
    pub fn served(&self) -> Option<&Served> {
        self.served.as_ref()
    }

    /// The status the response has.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.response.status()
    }

    /// The response as it was built.
    pub(crate) fn response(&self) -> &http::Response<B> {
        &self.response
    }
}

impl<B> fmt::Display for ProblemResponse<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.response.status(), self.code)
    }
}

/// The status and code, as the `Display` has them: warp logs a rejection by its `Debug`.
impl<B> fmt::Debug for ProblemResponse<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ProblemResponse({}, {})",
            self.response.status(),
            self.code
        )
    }
}

impl<B> std::error::Error for ProblemResponse<B> {}
