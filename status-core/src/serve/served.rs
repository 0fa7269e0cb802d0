//! [`Served`]: the record a response carries of the error it was made from, so that
//! middleware can log it, count it or render it again without parsing the body back.

use std::any::Any;
use std::error::Error;
use std::fmt;
use std::sync::Arc;

use http::StatusCode;

use crate::response::erased::ErasedStatus;
use crate::{ApiStatus, Problem, VariantInfo};

/// What an error response was made from: the variant, its code and status, and, where the
/// type allows it, the value itself, as an error and as its own type.
///
/// Every framework integration attaches one to the responses it makes of derived types (and
/// of [`Rejection`](crate::Rejection)s): in the response's extensions with axum, poem, salvo
/// and warp, in the error of `HttpResponse::error()` with actix-web, and in the request's
/// local cache with rocket. Each framework module has a `served` function that finds it.
///
/// The value is kept where its type is not generic and is `Send + Sync` (and so `'static`):
/// [`error`](Self::error) then gives it as a `std::error::Error` (where it is one, with its
/// `source()` chain) and [`value`](Self::value) as itself. Otherwise the record holds the
/// variant, code and status alone.
///
/// ```
/// use status_core::{ApiStatus, Served};
///
/// #[derive(Debug, thiserror::Error, ApiStatus)]
/// enum ApiError {
///     #[error("database: {0}")]
///     #[status(500)]
///     Database(#[from] std::io::Error),
/// }
///
/// let served = Served::from_error(ApiError::from(std::io::Error::other("pool exhausted")));
/// assert_eq!(served.status(), 500);
/// assert_eq!(served.code(), "internal_server_error");
/// assert_eq!(served.variant(), "Database");
/// assert_eq!(served.error().unwrap().source().unwrap().to_string(), "pool exhausted");
/// assert!(matches!(served.value::<ApiError>(), Some(ApiError::Database(_))));
/// ```
#[derive(Clone)]
pub struct Served {
    status: StatusCode,
    code: &'static str,
    row: &'static VariantInfo,
    type_name: &'static str,
    value: Option<Arc<dyn Kept>>,
}

impl Served {
    /// The record of `value`, without the value: what a response of a type that cannot be
    /// kept (generic, or not `Send + Sync`) carries.
    ///
    /// ```
    /// use status_core::{ApiStatus, Served};
    ///
    /// #[derive(Debug, ApiStatus)]
    /// #[status(404)]
    /// struct Missing;
    ///
    /// let served = Served::new(&Missing);
    /// assert_eq!((served.status().as_u16(), served.code()), (404, "missing"));
    /// assert!(served.error().is_none());
    /// ```
    #[must_use]
    pub fn new<T: ApiStatus + ?Sized>(value: &T) -> Self {
        Self {
            status: value.status(),
            code: value.code(),
            row: value.variant(),
            type_name: std::any::type_name::<T>(),
            value: None,
        }
    }

    /// The record of `value`, keeping it: [`value`](Self::value) gives it back.
    ///
    /// ```
    /// use status_core::{ApiStatus, Served};
    ///
    /// #[derive(Debug, ApiStatus)]
    /// #[status(409)]
    /// struct Taken(&'static str);
    ///
    /// let served = Served::from_value(Taken("ada"));
    /// assert_eq!(served.value::<Taken>().unwrap().0, "ada");
    /// ```
    #[must_use]
    pub fn from_value<T: ApiStatus + Send + Sync + 'static>(value: T) -> Self {
        #[cfg(debug_assertions)]
        return Self::keeping(Arc::new(KeptValue(value)), std::any::type_name::<T>());
        #[cfg(not(debug_assertions))]
        {
            let record = Self::new(&value);
            Self {
                value: Some(Arc::new(KeptValue(value))),
                ..record
            }
        }
    }

    /// The record of an error, keeping it: [`error`](Self::error) gives it, with its
    /// `source()` chain, and [`value`](Self::value) as itself.
    ///
    /// ```
    /// use status_core::{ApiStatus, Served};
    ///
    /// #[derive(Debug, thiserror::Error, ApiStatus)]
    /// #[error("slow down")]
    /// #[status(429)]
    /// struct Busy;
    ///
    /// assert_eq!(Served::from_error(Busy).error().unwrap().to_string(), "slow down");
    /// ```
    #[must_use]
    pub fn from_error<T: ApiStatus + Error + Send + Sync + 'static>(value: T) -> Self {
        #[cfg(debug_assertions)]
        return Self::keeping(Arc::new(KeptError(value)), std::any::type_name::<T>());
        #[cfg(not(debug_assertions))]
        {
            let record = Self::new(&value);
            Self {
                value: Some(Arc::new(KeptError(value))),
                ..record
            }
        }
    }

    /// The record of a kept value, read through the trait object. A build with debug
    /// assertions (a dev build) makes records so, compiled once, here, rather than for every
    /// derived type in its crate, which then compiles the value's box and the few methods of
    /// `Kept` alone; an optimized build reads the value's own type (`new`), inlined.
    #[cfg(debug_assertions)]
    fn keeping(value: Arc<dyn Kept>, type_name: &'static str) -> Self {
        let erased = value.erased();
        Self {
            status: erased.status(),
            code: erased.code(),
            row: erased.variant(),
            type_name,
            value: Some(value),
        }
    }

    /// The status the response was sent with.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code the client saw.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The name of the variant, as written in the enum (through a transparent variant, the
    /// inner type's): for the team's logs, never sent to the client.
    #[must_use]
    pub fn variant(&self) -> &'static str {
        self.row.name()
    }

    /// The table row of the variant, with everything the documents say of it.
    #[must_use]
    pub fn row(&self) -> &'static VariantInfo {
        self.row
    }

    /// The path of the type the value has, as `std::any::type_name` gives it
    /// (`my_service::ApiError`).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The value as an error, with its `source()` chain: where the type implements
    /// `std::error::Error` and was kept.
    #[must_use]
    pub fn error(&self) -> Option<&(dyn Error + 'static)> {
        self.value.as_deref()?.error()
    }

    /// The value as its own type, where it was kept and is a `T`.
    #[must_use]
    pub fn value<T: Any>(&self) -> Option<&T> {
        self.value.as_deref()?.any().downcast_ref()
    }

    /// The value, for rendering it again, where it was kept.
    pub(crate) fn kept(&self) -> Option<&dyn Kept> {
        self.value.as_deref()
    }
}

impl fmt::Debug for Served {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Served")
            .field("status", &self.status.as_u16())
            .field("code", &self.code)
            .field("variant", &self.variant())
            .field("type_name", &self.type_name)
            .field("kept", &self.value.is_some())
            .finish_non_exhaustive()
    }
}

/// A value kept in a record: what rendering it again and giving it back need. Few methods,
/// each a line: every type whose responses keep their value compiles them in its own crate.
/// Its body and problem are written from `erased`, once, here, as the defaults of `body` and
/// `problem` write them (the derive overrides neither): a hand-written type whose own `body`
/// differs is rendered again from the body its response carries, which then differs from
/// this one, and one that overrides `problem` alone, whose body is the default's, is rendered
/// in the other representations from the same default problem as its body.
pub(crate) trait Kept: Send + Sync + 'static {
    fn erased(&self) -> &dyn ErasedStatus;
    fn error(&self) -> Option<&(dyn Error + 'static)>;
    fn any(&self) -> &dyn Any;
}

impl dyn Kept {
    /// The body of the value as the derived responses write it: its static body, else one
    /// written from it.
    pub(crate) fn body(&self) -> Vec<u8> {
        let value = self.erased();
        match value.static_body() {
            Some(body) => body.to_vec(),
            None => crate::response::body::write_body(value),
        }
    }

    /// The problem of the value, as the default `ApiStatus::problem` makes it.
    pub(crate) fn problem(&self) -> Problem {
        crate::response::erased::problem_of(self.erased())
    }
}

/// A value, kept, that is not seen as an error.
struct KeptValue<T>(T);

/// An error, kept.
struct KeptError<T>(T);

impl<T: ApiStatus + Send + Sync + 'static> Kept for KeptValue<T> {
    fn erased(&self) -> &dyn ErasedStatus {
        &self.0
    }

    fn error(&self) -> Option<&(dyn Error + 'static)> {
        None
    }

    fn any(&self) -> &dyn Any {
        &self.0
    }
}

impl<T: ApiStatus + Error + Send + Sync + 'static> Kept for KeptError<T> {
    fn erased(&self) -> &dyn ErasedStatus {
        &self.0
    }

    fn error(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.0)
    }

    fn any(&self) -> &dyn Any {
        &self.0
    }
}
