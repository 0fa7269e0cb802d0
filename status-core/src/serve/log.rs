//! Logging every error response, through `tracing` (feature `tracing`), by a policy: a level
//! per status class, and per status where one needs another.
//!
//! The event is emitted once, where the framework turns the error into a response, with the
//! error at hand: its `source()` chain (or its `Debug`), its variant, code and status. A 4xx
//! has the target `status_core::client_error`, a 5xx `status_core::server_error`; both are
//! under `status_core`, so `RUST_LOG=status_core=warn` keeps the 5xx and drops the 4xx.

use std::fmt::Display;
use std::sync::RwLock;

use http::StatusCode;
use tracing::Level;

/// The target of the events of client errors (4xx).
pub const CLIENT_ERROR_TARGET: &str = "status_core::client_error";
/// The target of the events of server errors (5xx).
pub const SERVER_ERROR_TARGET: &str = "status_core::server_error";

/// The level each error response is logged at, for the whole process.
///
/// The defaults: a 5xx at `ERROR`, with its `source()` chain, where the team must look; a 4xx
/// at `INFO`, the client's mistake but the team's to see (a hand-written handler that logs
/// its errors usually logs these); nothing else, since a 1xx, 2xx or 3xx is no error.
/// [`install`](LogPolicy::install) sets another policy; a subscriber's filter drops what a
/// level lets through (`RUST_LOG=status_core::client_error=off`).
///
/// ```
/// use http::StatusCode;
/// use status_core::LogPolicy;
/// use tracing::Level;
///
/// // 4xx at WARN, but a 404 only at DEBUG; 5xx as by default.
/// let policy = LogPolicy::new()
///     .client_errors(Level::WARN)
///     .status(StatusCode::NOT_FOUND, Level::DEBUG);
/// assert_eq!(policy.level(StatusCode::CONFLICT), Some(Level::WARN));
/// assert_eq!(policy.level(StatusCode::NOT_FOUND), Some(Level::DEBUG));
/// assert_eq!(policy.level(StatusCode::BAD_GATEWAY), Some(Level::ERROR));
/// assert_eq!(policy.level(StatusCode::OK), None);
/// policy.install();
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogPolicy {
    client_errors: Option<Level>,
    server_errors: Option<Level>,
    statuses: Vec<(u16, Option<Level>)>,
}

impl Default for LogPolicy {
    fn default() -> Self {
        Self::new()
    }
}

/// The policy in force: [`LogPolicy::new`]'s until one is installed.
static POLICY: RwLock<LogPolicy> = RwLock::new(LogPolicy::new());

impl LogPolicy {
    /// The default policy: 4xx at `INFO`, 5xx at `ERROR`.
    ///
    /// ```
    /// use status_core::LogPolicy;
    ///
    /// assert_eq!(LogPolicy::new().level(http::StatusCode::NOT_FOUND), Some(tracing::Level::INFO));
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            client_errors: Some(Level::INFO),
            server_errors: Some(Level::ERROR),
            statuses: Vec::new(),
        }
    }

    /// The level of client errors (4xx); `None` logs none.
    ///
    /// ```
    /// let quiet = status_core::LogPolicy::new().client_errors(None);
    /// assert_eq!(quiet.level(http::StatusCode::NOT_FOUND), None);
    /// ```
    #[must_use]
    pub fn client_errors(mut self, level: impl Into<Option<Level>>) -> Self {
        self.client_errors = level.into();
        self
    }

    /// The level of server errors (5xx); `None` logs none.
    ///
    /// ```
    /// let policy = status_core::LogPolicy::new().server_errors(tracing::Level::WARN);
    /// assert_eq!(policy.level(http::StatusCode::BAD_GATEWAY), Some(tracing::Level::WARN));
    /// ```
    #[must_use]
    pub fn server_errors(mut self, level: impl Into<Option<Level>>) -> Self {
        self.server_errors = level.into();
        self
    }

    /// The level of one status, in place of its class's; `None` logs none of it.
    ///
    /// ```
    /// use http::StatusCode;
    ///
    /// let policy = status_core::LogPolicy::new().status(StatusCode::UNAUTHORIZED, None);
    /// assert_eq!(policy.level(StatusCode::UNAUTHORIZED), None);
    /// assert_eq!(policy.level(StatusCode::FORBIDDEN), Some(tracing::Level::INFO));
    /// ```
    #[must_use]
    pub fn status(mut self, status: StatusCode, level: impl Into<Option<Level>>) -> Self {
        let level = level.into();
        let status = status.as_u16();
        match self.statuses.iter_mut().find(|(s, _)| *s == status) {
            Some(entry) => entry.1 = level,
            None => self.statuses.push((status, level)),
        }
        self
    }

    /// The level a response of `status` is logged at; `None` when it is not logged.
    #[must_use]
    pub fn level(&self, status: StatusCode) -> Option<Level> {
        if let Some((_, level)) = self.statuses.iter().find(|(s, _)| *s == status.as_u16()) {
            return *level;
        }
        if status.is_server_error() {
            self.server_errors
        } else if status.is_client_error() {
            self.client_errors
        } else {
            None
        }
    }

    /// Makes this the policy of the process, for every framework and every type, from now on.
    pub fn install(self) {
        // A poisoned lock only means a writer panicked: its value is a whole policy still.
        *POLICY
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = self;
    }
}

/// The level the installed policy gives `status`.
fn level(status: StatusCode) -> Option<Level> {
    POLICY
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .level(status)
}

/// What an event says of an error response.
pub(crate) struct Event<'a> {
    pub(crate) status: StatusCode,
    pub(crate) code: &'a str,
    /// The variant's name; `None` for an error that is no value of a type (a framework's
    /// plain error response).
    pub(crate) variant: Option<&'a str>,
    /// The method and path of the request, where the framework hands them over (rocket).
    pub(crate) request: Option<(&'a str, &'a str)>,
    /// The error, with its chain, or its `Debug`; `None` for a value that is neither.
    pub(crate) error: Option<&'a dyn Display>,
}

/// Emits `event` at the level the policy gives its status, if any.
pub(crate) fn emit(event: &Event<'_>) {
    let Some(level) = level(event.status) else {
        return;
    };
    let (status, code, variant) = (event.status.as_u16(), event.code, event.variant);
    let (method, path) = (event.request.map(|r| r.0), event.request.map(|r| r.1));
    // `tracing` wants the level and target of a call site as constants: one call site each.
    macro_rules! at {
        ($target:expr, $message:literal) => {
            at!(@ $target, $message, [ERROR, WARN, INFO, DEBUG, TRACE])
        };
        (@ $target:expr, $message:literal, [$($level:ident),*]) => {
            $(
                if level == Level::$level {
                    match event.error {
                        Some(error) => tracing::event!(
                            target: $target, Level::$level,
                            status, code, variant, method, path, error = %error, $message
                        ),
                        None => tracing::event!(
                            target: $target, Level::$level,
                            status, code, variant, method, path, $message
                        ),
                    }
                    return;
                }
            )*
        };
    }
    if event.status.is_server_error() {
        at!(SERVER_ERROR_TARGET, "server error response");
    } else {
        at!(CLIENT_ERROR_TARGET, "client error response");
    }
}
