#![deny(warnings, missing_docs, clippy::pedantic)]
//! Generated code compiles without a warning in a crate that denies them all, pedantic
//! Clippy lints included: `cargo clippy --workspace --all-targets --all-features -- -D warnings`
//! checks this file, so a lint that fires on what the derive writes fails the build.
//!
//! The types below use every feature of the derive at once.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use http::Method;
use status_core::{ApiStatus, FromProblem};

/// An inner error, forwarded transparently.
#[derive(Debug, ApiStatus)]
pub enum AuthError {
    /// The token has expired.
    #[status(401, www_authenticate = "Bearer error=\"invalid_token\"")]
    Expired,
    /// The token lacks a scope.
    #[status(403, code = "missing_scope", message = "needs the {scope} scope")]
    MissingScope {
        /// The scope that is missing.
        scope: &'static str,
    },
}

/// A struct deriving the trait, forwarded transparently through a type parameter.
#[derive(Debug, ApiStatus)]
#[status(429, message = "{count} requests in {window:?}")]
pub struct RateLimited {
    /// How many requests were made.
    #[status(extension)]
    pub count: u32,
    /// The window they were counted in.
    pub window: Duration,
    /// When to try again.
    #[status(retry_after)]
    pub retry_in: Option<Duration>,
}

/// Every feature of the derive in one generic enum.
#[derive(Debug, ApiStatus)]
#[status(500, display, grpc_domain = "api.example.com")]
pub enum ApiError<'a, T, I, const N: usize>
where
    T: Clone,
{
    /// A value was not found.
    #[status(404, message = "{value} ({kind:?}) not found; tried {tries:>3} times")]
    NotFound {
        /// The value looked for.
        value: T,
        /// What kind of thing it was.
        kind: &'a str,
        /// How often it was looked for.
        tries: u8,
    },
    /// Too many requests.
    #[status(429, code = "slow_down")]
    Limited {
        /// How long to wait.
        #[status(retry_after)]
        wait: Duration,
        /// The limit that was hit.
        #[status(extension)]
        limit: u32,
    },
    /// Down for maintenance.
    #[status(503, retry_after = 120, grpc = "unavailable")]
    Maintenance,
    /// Validation failed.
    #[status(422, description = "The request body failed validation.")]
    Invalid(#[status(extension = "errors")] BTreeMap<String, Vec<String>>),
    /// The method is not allowed.
    #[status(405)]
    WrongMethod {
        /// The methods that are.
        #[status(allow)]
        allowed: Vec<Method>,
    },
    /// A fixed-size key was malformed.
    #[status(400, message = "bad key {0:?}")]
    BadKey([u8; N]),
    /// The upstream failed, which is safe to say.
    #[status(502, display, expose)]
    Upstream {
        /// The upstream's name.
        host: &'static str,
    },
    /// Forwarded to a type parameter.
    #[status(transparent)]
    Inner(I),
    /// Forwarded to a concrete type.
    #[status(transparent)]
    Auth {
        /// The inner error.
        source: AuthError,
    },
    /// Only in some builds.
    #[cfg(any())]
    #[status(400)]
    Never,
    /// In every build.
    #[cfg(test)]
    #[status(409, message = "{{conflict}}")]
    Always,
    /// The enum's default status.
    Internal,
}

impl<T: Clone, I, const N: usize> fmt::Display for ApiError<'_, T, I, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Upstream { host } => write!(f, "upstream {host} failed"),
            _ => f.write_str("an API error"),
        }
    }
}

/// The concrete instance the test uses.
type Concrete<'a> = ApiError<'a, u64, RateLimited, 2>;

#[test]
fn generated_code_behaves_under_pedantic_lints() {
    let err: Concrete<'_> = ApiError::NotFound {
        value: 7,
        kind: "user",
        tries: 2,
    };
    assert_eq!(err.detail(), "7 (\"user\") not found; tried   2 times");

    let err: Concrete<'_> = ApiError::Limited {
        wait: Duration::from_millis(1500),
        limit: 10,
    };
    assert_eq!(err.code(), "slow_down");
    assert_eq!(err.headers()["retry-after"], "2");
    assert_eq!(err.problem().extensions()["limit"], 10);
    #[cfg(feature = "tonic")]
    {
        let status = tonic::Status::from(err);
        assert_eq!(status.code(), tonic::Code::ResourceExhausted);
        let maintenance: Concrete<'_> = ApiError::Maintenance;
        assert_eq!(
            tonic::Status::from(maintenance).code(),
            tonic::Code::Unavailable
        );
    }

    let err: Concrete<'_> = ApiError::Maintenance;
    assert_eq!(err.headers()["retry-after"], "120");

    let err: Concrete<'_> = ApiError::Invalid(BTreeMap::from([(
        "name".to_owned(),
        vec!["is empty".to_owned()],
    )]));
    assert_eq!(err.problem().extensions()["errors"]["name"][0], "is empty");
    // Enum-level `display` gives a 4xx without a message its Display text.
    assert_eq!(err.detail(), "an API error");

    let err: Concrete<'_> = ApiError::WrongMethod {
        allowed: vec![Method::GET],
    };
    assert_eq!(err.headers()["allow"], "GET");

    let err: Concrete<'_> = ApiError::BadKey([1, 2]);
    assert_eq!(err.detail(), "bad key [1, 2]");

    let err: Concrete<'_> = ApiError::Upstream { host: "payments" };
    assert_eq!(err.detail(), "upstream payments failed");

    let err: Concrete<'_> = ApiError::Inner(RateLimited {
        count: 3,
        window: Duration::from_secs(1),
        retry_in: None,
    });
    assert_eq!(err.status(), 429);
    assert_eq!(err.detail(), "3 requests in 1s");
    assert!(err.headers().get("retry-after").is_none());

    let err: Concrete<'_> = ApiError::Auth {
        source: AuthError::MissingScope { scope: "admin" },
    };
    assert_eq!(err.code(), "missing_scope");
    let err: Concrete<'_> = ApiError::Auth {
        source: AuthError::Expired,
    };
    assert_eq!(err.status(), 401);

    let err: Concrete<'_> = ApiError::Always;
    assert_eq!(err.variant().name(), "Always");
    assert_eq!(err.detail(), "{conflict}");

    let err: Concrete<'_> = ApiError::Internal;
    assert_eq!(err.status(), 500);
    assert_eq!(err.variant().name(), "Internal");

    let rows = Concrete::table().responses().len();
    // 9 own rows (Never is compiled out), 1 of RateLimited, 2 of AuthError.
    assert_eq!(rows, 12);
}

/// Every kind of field a client reads back, in one generic type a client decodes.
#[derive(Debug, PartialEq, ApiStatus, FromProblem)]
pub enum ClientError<T, I> {
    /// A value was not found.
    #[status(404, message = "no {0} here")]
    Missing(T),
    /// Too many requests.
    #[status(429, message = "{count} requests in {window}s")]
    Limited {
        /// How many requests were made.
        #[status(extension)]
        count: u32,
        /// The window they were counted in, in seconds.
        window: u64,
        /// When to try again.
        #[status(retry_after)]
        retry_in: Option<Duration>,
    },
    /// The method is not allowed.
    #[status(405)]
    WrongMethod {
        /// The methods that are.
        #[status(allow)]
        allowed: Vec<Method>,
    },
    /// Forwarded to a type parameter.
    #[status(transparent)]
    Inner(I),
    /// Down for maintenance.
    #[status(503)]
    Down,
    /// A field that stays on the server.
    #[status(500)]
    Kept {
        /// The query that failed.
        query: String,
    },
}

/// The inner type `ClientError` forwards to in the test.
#[derive(Debug, PartialEq, ApiStatus, FromProblem)]
#[status(401, www_authenticate = "Bearer")]
pub struct Expired;

#[test]
fn generated_decoding_behaves_under_pedantic_lints() {
    type Client = ClientError<String, Expired>;
    let values: [Client; 5] = [
        ClientError::Missing("a {b} /c".to_owned()),
        ClientError::Limited {
            count: 3,
            window: 60,
            retry_in: Some(Duration::from_secs(5)),
        },
        ClientError::WrongMethod {
            allowed: vec![Method::GET, Method::HEAD],
        },
        ClientError::Inner(Expired),
        ClientError::Down,
    ];
    for value in values {
        assert_eq!(Client::from_response(&value.response()), Ok(value));
    }
    let kept: Client = ClientError::Kept {
        query: "select".to_owned(),
    };
    assert_eq!(Client::from_response(&kept.response()), Err(kept.problem()));
}

/// The challenge of `Unauthorized`, named by path.
pub const REALM: &str = "Basic realm=\"api\"";

/// The methods of a read-only resource, named by path.
pub const READ_ONLY: &str = "GET, HEAD";

/// Forwarding variants, header constants and fields, and renamed codes in one generic type.
#[derive(Debug, ApiStatus, FromProblem)]
#[status(rename_all = "kebab-case", strip_suffix = "Error")]
pub enum Forwarding<I> {
    /// Forwarded through a `Box`, with a message of its own.
    #[status(message = "could not create archive {1}")]
    Archive(#[status(forward)] Box<AuthError>, &'static str),
    /// Forwarded through an `Arc`, exposing its message on a 5xx.
    #[status(message = "could not share {name}", expose)]
    Share {
        /// What was shared.
        name: String,
        /// The inner error.
        #[status(forward)]
        inner: std::sync::Arc<RateLimited>,
    },
    /// Forwarded to a type parameter, without a message.
    Generic(#[status(forward)] I),
    /// A challenge from a constant.
    #[status(401, www_authenticate = REALM)]
    UnauthorizedError,
    /// A challenge from a field.
    #[status(401)]
    ChallengedError {
        /// The challenge.
        #[status(www_authenticate)]
        challenge: String,
    },
    /// Methods from a constant.
    #[status(405, allow = crate::READ_ONLY)]
    ReadOnlyError,
    /// The decoding side's way to a forwarded type.
    #[status(transparent)]
    Again(Expired),
}

#[test]
fn forwarding_and_header_values_behave_under_pedantic_lints() {
    type Concrete = Forwarding<Expired>;
    let err: Concrete = Forwarding::Archive(Box::new(AuthError::MissingScope { scope: "a" }), "x");
    assert_eq!(err.status(), 403);
    assert_eq!(err.code(), "missing_scope");
    assert_eq!(err.detail(), "could not create archive x");
    assert_eq!(err.static_body(), None);
    let err: Concrete = Forwarding::Generic(Expired);
    assert_eq!(err.headers()["www-authenticate"], "Bearer");
    assert!(matches!(
        Concrete::from_response(&err.response()),
        Ok(Forwarding::Again(Expired))
    ));
    let err: Concrete = Forwarding::Share {
        name: "s".to_owned(),
        inner: std::sync::Arc::new(RateLimited {
            count: 1,
            window: Duration::from_secs(1),
            retry_in: Some(Duration::from_secs(3)),
        }),
    };
    assert_eq!(err.detail(), "could not share s");
    assert_eq!(err.headers()["retry-after"], "3");
    assert_eq!(
        Concrete::UnauthorizedError.headers()["www-authenticate"],
        REALM
    );
    assert_eq!(Concrete::UnauthorizedError.code(), "unauthorized");
    assert_eq!(Concrete::ReadOnlyError.headers()["allow"], READ_ONLY);
    let sent: Concrete = Forwarding::ChallengedError {
        challenge: "Bearer".to_owned(),
    };
    assert_eq!(sent.code(), "challenged");
    let back = Concrete::from_response(&sent.response());
    assert!(
        matches!(back, Ok(Forwarding::ChallengedError { ref challenge }) if challenge == "Bearer")
    );
}

/// A store's errors, with a typed subset for each operation.
#[derive(Debug, ApiStatus, FromProblem)]
#[status(subset(ReadError = [Missing, Failed], derive(Debug)))]
#[status(subset(WriteError = [Missing, Taken, Failed], derive(Debug)))]
pub enum StoreError {
    /// Nothing has this id.
    #[status(404, message = "item {id} not found")]
    Missing {
        /// The id asked for.
        id: u64,
    },
    /// Someone else has the name.
    #[status(409, message = "`{0}` is taken")]
    Taken(String),
    /// The store failed.
    #[status(500)]
    Failed,
}

#[test]
fn subsets_widen_and_narrow() {
    let read = ReadError::Missing { id: 3 };
    assert_eq!(read.detail(), "item 3 not found");
    let write = WriteError::from(read);
    assert_eq!(write.code(), "missing");
    let store = StoreError::from(write);
    assert!(matches!(
        ReadError::try_from(store),
        Ok(ReadError::Missing { id: 3 })
    ));
    assert!(ReadError::try_from(StoreError::Taken("a".to_owned())).is_err());
}
