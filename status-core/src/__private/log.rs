//! How the generated framework impls log a value as it becomes a response (feature
//! `tracing`): through autoref, `(&&&Loggable(x))` picks the error-chain impl when the type
//! is an `Error`, else its `Debug`, else the code alone. What is logged at which level is
//! [`LogPolicy`](crate::LogPolicy)'s (`serve/log.rs`).

use std::error::Error;
use std::fmt::{self, Debug};

use crate::serve::log::{emit, Event};
use crate::ApiStatus;

/// A value to log, with the method and path of the request that led to it where the framework
/// hands the integration the request (rocket's `Responder` does; the others do not).
pub struct Loggable<'a, T: ?Sized>(pub &'a T, pub Option<(&'a str, &'a str)>);

pub trait ViaError {
    fn log_error(&self);
}

pub trait ViaDebug {
    fn log_error(&self);
}

pub trait ViaCode {
    fn log_error(&self);
}

impl<T: ApiStatus + Error> ViaError for &&Loggable<'_, T> {
    fn log_error(&self) {
        log(self.0, self.1, Some(&Chain(self.0)));
    }
}

impl<T: ApiStatus + Debug + ?Sized> ViaDebug for &Loggable<'_, T> {
    fn log_error(&self) {
        log(self.0, self.1, Some(&DebugText(self.0)));
    }
}

impl<T: ApiStatus + ?Sized> ViaCode for Loggable<'_, T> {
    fn log_error(&self) {
        log(self.0, self.1, None);
    }
}

/// The event of `value`. It names the variant: the 5xx of one status share their code, and
/// the log is for developers.
fn log<T: ApiStatus + ?Sized>(
    value: &T,
    request: Option<(&str, &str)>,
    error: Option<&dyn fmt::Display>,
) {
    emit(&Event {
        status: value.status(),
        code: value.code(),
        variant: Some(value.variant().name()),
        request,
        error,
    });
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
