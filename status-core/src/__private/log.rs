//! Logging of server errors as they become responses (feature `tracing`).
//!
//! The generated framework impls call these through autoref: `(&&&Loggable(x))` picks the
//! error-chain impl when the type is an `Error`, else `Debug`, else the code alone.
//!
//! The event is at error level, with the target `status_core::server_error` (`TARGET`),
//! not this module's path, so that it can be filtered on by a name that does not move:
//! `RUST_LOG=status_core::server_error=off` silences it, and `status_core=...` still covers
//! it. Its fields are `status`, `code`, `variant` (the Rust name, which the client never
//! sees), for an `Error` or a `Debug` type `error`, and `method` and `path` where the
//! integration is handed the request (rocket); the message is `server error response`.
//! Elsewhere, the request's span (tower-http's `TraceLayer`, say) carries them.

use std::error::Error;
use std::fmt::{self, Debug};

use crate::ApiStatus;

/// The target of the event, public: what a filter names to keep or drop it.
pub const TARGET: &str = "status_core::server_error";

/// A value to log, with the method and path of the request that led to it where the framework
/// hands the integration the request (rocket's `Responder` does; the others do not).
pub struct Loggable<'a, T: ?Sized>(pub &'a T, pub Option<(&'a str, &'a str)>);

pub trait ViaError {
    fn log_server_error(&self);
}

pub trait ViaDebug {
    fn log_server_error(&self);
}

pub trait ViaCode {
    fn log_server_error(&self);
}

impl<T: ApiStatus + Error> ViaError for &&Loggable<'_, T> {
    fn log_server_error(&self) {
        emit(self.0, self.1, Some(&Chain(self.0)));
    }
}

impl<T: ApiStatus + Debug + ?Sized> ViaDebug for &Loggable<'_, T> {
    fn log_server_error(&self) {
        emit(self.0, self.1, Some(&DebugText(self.0)));
    }
}

impl<T: ApiStatus + ?Sized> ViaCode for Loggable<'_, T> {
    fn log_server_error(&self) {
        emit(self.0, self.1, None);
    }
}

/// One error-level event for a 5xx; nothing for other statuses. The event names the variant:
/// the 5xx of one status share their code, and the log is for developers.
/// `method` and `path` are recorded only where known (a `None` field is left out).
fn emit<T: ApiStatus + ?Sized>(
    value: &T,
    request: Option<(&str, &str)>,
    error: Option<&dyn fmt::Display>,
) {
    let status = value.status();
    if !status.is_server_error() {
        return;
    }
    let (status, code, variant) = (status.as_u16(), value.code(), value.variant().name());
    let (method, path) = (request.map(|r| r.0), request.map(|r| r.1));
    if let Some(error) = error {
        tracing::error!(
            target: TARGET, status, code, variant, method, path, error = %error,
            "server error response"
        );
    } else {
        tracing::error!(target: TARGET, status, code, variant, method, path, "server error response");
    }
}

/// A value's `Debug`, where a `Display` is wanted.
struct DebugText<'a, T: ?Sized>(&'a T);

impl<T: Debug + ?Sized> fmt::Display for DebugText<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// An error and its `source()` chain: `outer: inner: root`.
struct Chain<'a>(&'a dyn Error);

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(error) = source {
            f.write_str(": ")?;
            write!(f, "{error}")?;
            source = error.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[derive(Debug)]
    struct Outer(std::io::Error);

    impl fmt::Display for Outer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("query failed")
        }
    }

    impl Error for Outer {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn chain_lists_every_source() {
        let error = Outer(std::io::Error::other("connection reset"));
        let mut text = String::new();
        let _ = write!(text, "{}", Chain(&error));
        assert_eq!(text, "query failed: connection reset");
    }
}
