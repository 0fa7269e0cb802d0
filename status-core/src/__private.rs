//! The paths generated code uses, so it never depends on what the user has in scope.

pub use core::fmt::{Result as FmtResult, Write as FmtWrite};
pub use http::{HeaderMap, StatusCode};

pub use crate::api_status::status_code as status;

/// The status `N`, as a constant a derived `status()` arm names: evaluated once per code, not
/// once per arm.
pub struct Code<const N: u16>;

impl<const N: u16> Code<N> {
    pub const STATUS: StatusCode = status(N);
}
pub use crate::{ApiStatus, Extensions, Table, TransparentInfo, VariantInfo};

pub use crate::__impl_frameworks as impl_frameworks;
pub use serde::Serialize;

/// Adds the field `value` as the extension member `name`.
pub fn extension<T: Serialize + ?Sized>(extensions: &mut Extensions<'_>, name: &str, value: &T) {
    extensions.insert(name, value);
}

/// Sets `Retry-After` from a field of whole seconds.
pub fn retry_after<T: RetryAfter + ?Sized>(headers: &mut HeaderMap, value: &T) {
    if let Some(seconds) = value.retry_after_seconds() {
        headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
    }
}

/// Sets `Allow` from a field holding the allowed methods.
pub fn allow<T: AllowMethods + ?Sized>(headers: &mut HeaderMap, value: &T) {
    if let Some(value) = value.allow_header() {
        headers.insert(http::header::ALLOW, value);
    }
}

pub use crate::headers::{AllowMethods, RetryAfter};

#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum;
#[cfg(feature = "tracing")]
#[path = "log.rs"]
pub mod log;
#[cfg(feature = "utoipa")]
pub use utoipa;
/// What `IntoResponses::responses` returns, named once so generated code stays short.
#[cfg(feature = "utoipa")]
pub type UtoipaResponses = std::collections::BTreeMap<
    std::string::String,
    utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
>;

#[cfg(feature = "aide")]
pub use aide;
/// What `OperationOutput::inferred_responses` returns.
#[cfg(feature = "aide")]
pub type AideResponses = std::vec::Vec<(Option<u16>, aide::openapi::Response)>;
