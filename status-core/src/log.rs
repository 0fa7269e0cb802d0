//! Logging of server errors as they become responses (feature `tracing`).
//!
//! The generated framework impls call these through autoref: `(&&&Loggable(x))` picks the
//! error-chain impl when the type is an `Error`, else `Debug`, else the code alone.

use std::error::Error;
use std::fmt::{self, Debug};

use crate::ApiStatus;

pub struct Loggable<'a, T: ?Sized>(pub &'a T);

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
        emit(self.0, Some(&Chain(self.0)));
    }
}

impl<T: ApiStatus + Debug + ?Sized> ViaDebug for &Loggable<'_, T> {
    fn log_server_error(&self) {
        emit(self.0, Some(&DebugText(self.0)));
    }
}

impl<T: ApiStatus + ?Sized> ViaCode for Loggable<'_, T> {
    fn log_server_error(&self) {
        emit(self.0, None);
    }
}

/// One error-level event for a 5xx; nothing for other statuses. The event names the variant:
/// the 5xx of one status share their code, and the log is for developers.
fn emit<T: ApiStatus + ?Sized>(value: &T, error: Option<&dyn fmt::Display>) {
    let status = value.status();
    if !status.is_server_error() {
        return;
    }
    let (status, code, variant) = (status.as_u16(), value.code(), value.variant().name());
    if let Some(error) = error {
        tracing::error!(status, code, variant, error = %error, "server error response");
    } else {
        tracing::error!(status, code, variant, "server error response");
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
