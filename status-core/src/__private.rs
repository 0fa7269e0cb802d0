//! The paths generated code uses, so it never depends on what the user has in scope.

pub use core::fmt::{Result as FmtResult, Write as FmtWrite};
pub use http::{HeaderMap, StatusCode};

pub use crate::response::table::status_code as status;

/// The status `N`, as a constant a derived `status()` arm names: evaluated once per code, not
/// once per arm.
pub struct Code<const N: u16>;

impl<const N: u16> Code<N> {
    pub const STATUS: StatusCode = status(N);
}
pub use crate::{ApiStatus, Extensions, GrpcDomain, Table, TransparentInfo, VariantInfo};

pub use crate::__impl_frameworks as impl_frameworks;
pub use crate::client::from_problem::steps as decode;
pub use crate::{
    DetailField, ExtensionMember, FromAllow, FromHeaderText, FromProblem, FromRetryAfter, Received,
};
pub use serde::Serialize;

/// Adds the field `value` as the extension member `name`.
/// `member` is `,"name":`, spelled by the derive, which has refused standard members' names.
pub fn extension<T: Serialize + ?Sized>(
    extensions: &mut Extensions<'_>,
    name: &str,
    member: &str,
    value: &T,
) {
    extensions.insert_derived(name, member, value);
}

/// `response` with `served` in its extensions: what the derived responses of frameworks built on
/// the `http` crate carry.
#[must_use]
pub fn with_served<B>(mut response: http::Response<B>, served: crate::Served) -> http::Response<B> {
    response.extensions_mut().insert(served);
    response
}

/// The axum response of a derived type's value (its `IntoResponse`). A build with debug
/// assertions writes it through a trait object, compiled once in this crate; an optimized
/// build writes it for the type itself, as `status_core::axum::response` does.
#[cfg(feature = "axum")]
#[must_use]
pub fn axum_response<T: ApiStatus>(value: &T) -> axum::response::Response {
    #[cfg(debug_assertions)]
    return crate::response::api_status::erased_response(value);
    #[cfg(not(debug_assertions))]
    crate::axum::response(value)
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

/// Sets `WWW-Authenticate` from a field holding the challenge.
pub fn www_authenticate<T: HeaderText + ?Sized>(headers: &mut HeaderMap, value: &T) {
    if let Some(value) = value.header_text() {
        headers.insert(http::header::WWW_AUTHENTICATE, value);
    }
}

pub use crate::response::headers::{AllowMethods, HeaderText, RetryAfter};

/// A field a `message` shows, so that a string is written as it is, without the formatting
/// machinery. What is a string is decided by type, here, and not by the name the derive
/// sees: a type of the user's named `String` is not one, and is formatted with `Display`.
///
/// `MessageField(&field).as_plain_str()` finds the inherent method of the string types
/// below first; any other type reaches the one of [`NotPlainStr`] through `Deref`.
pub struct MessageField<'a, T: ?Sized>(pub &'a T);

/// The string types: each gets an inherent `as_plain_str` that lends the text.
macro_rules! plain_str {
    ($($ty:ty),*) => {$(
        impl<'a> MessageField<'a, $ty> {
            #[inline]
            #[must_use]
            pub fn as_plain_str(&self) -> Option<&'a str> {
                Some(self.0)
            }
        }
    )*};
}

plain_str!(
    str,
    &str,
    std::string::String,
    &std::string::String,
    std::borrow::Cow<'_, str>,
    std::boxed::Box<str>
);

impl<T: ?Sized> core::ops::Deref for MessageField<'_, T> {
    type Target = NotPlainStr;

    #[inline]
    fn deref(&self) -> &NotPlainStr {
        &NotPlainStr
    }
}

/// What a [`MessageField`] of any other type dereferences to: it is formatted.
pub struct NotPlainStr;

impl NotPlainStr {
    #[inline]
    #[must_use]
    pub fn as_plain_str(&self) -> Option<&'static str> {
        None
    }
}

#[cfg(feature = "actix-web")]
pub use actix_web;
#[cfg(feature = "axum")]
pub use axum;
#[cfg(feature = "poem")]
pub use poem;
#[cfg(feature = "poem-openapi")]
pub use poem_openapi;
#[cfg(feature = "rocket")]
pub use rocket;
#[cfg(feature = "salvo")]
pub use salvo_core;
#[cfg(feature = "salvo-oapi")]
pub use salvo_oapi;
#[cfg(feature = "tonic")]
pub use tonic;
/// The record of a value that its responses carry (`__private/capture.rs`).
pub mod capture;
/// The logging of an error as it becomes a response (`__private/log.rs`).
#[cfg(feature = "tracing")]
pub mod log;
#[cfg(feature = "utoipa")]
pub use utoipa;
#[cfg(feature = "warp")]
pub use warp;
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

#[cfg(feature = "openapi")]
pub use crate::openapi::TypedMembers;

#[cfg(feature = "openapi")]
pub use crate::openapi::SchemaProbe;

#[cfg(feature = "aide")]
pub use crate::aide::probe::{NoAideMembers, NoJsonSchema, ViaAideMembers, ViaJsonSchema};
#[cfg(feature = "poem-openapi")]
pub use crate::poem_openapi::probe::{NoPoemMembers, NoPoemType, ViaPoemMembers, ViaPoemType};
#[cfg(feature = "utoipa")]
pub use crate::utoipa::probe::{NoToSchema, NoUtoipaMembers, ViaToSchema, ViaUtoipaMembers};
#[cfg(feature = "aide")]
pub use schemars::SchemaGenerator;

/// The static body of a value a type with the `type_base` `base` forwards to, from the
/// value's own (`static_body`) and its row (`variant`): see `VariantInfo::static_body_under`.
#[must_use]
pub fn static_body_under(
    body: Option<&'static [u8]>,
    row: &'static VariantInfo,
    base: &'static str,
) -> Option<&'static [u8]> {
    row.static_body_under(body, base)
}

/// `VariantInfo::derived`, as a function: a row of the derive names it in one token, where
/// a path would be tokens the compiler reads for every variant.
#[must_use]
pub const fn row(
    name: &'static str,
    status: u16,
    code: &'static str,
    decodes: bool,
) -> VariantInfo {
    VariantInfo::derived(name, status, code, decodes)
}

/// `VariantInfo::derived_with_body`, as a function, for the same reason as `row`.
#[must_use]
pub const fn row_with_body(
    name: &'static str,
    status: u16,
    code: &'static str,
    decodes: bool,
    body: &'static [u8],
) -> VariantInfo {
    VariantInfo::derived_with_body(name, status, code, decodes, body)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::fmt;

    use super::MessageField;

    /// Named like the standard type, but not it.
    struct String;

    impl fmt::Display for String {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("mine")
        }
    }

    #[test]
    fn string_types_are_plain_strings_and_others_are_not() {
        let owned = std::string::String::from("owned");
        assert_eq!(MessageField("str").as_plain_str(), Some("str"));
        assert_eq!(MessageField(&"ref").as_plain_str(), Some("ref"));
        assert_eq!(MessageField(&owned).as_plain_str(), Some("owned"));
        assert_eq!(MessageField(&&owned).as_plain_str(), Some("owned"));
        assert_eq!(
            MessageField(&Cow::Borrowed("cow")).as_plain_str(),
            Some("cow")
        );
        assert_eq!(
            MessageField(&Box::<str>::from("boxed")).as_plain_str(),
            Some("boxed")
        );
        assert_eq!(MessageField(&String).as_plain_str(), None);
        assert_eq!(MessageField(&7_u32).as_plain_str(), None);
        assert_eq!(MessageField(&'c').as_plain_str(), None);
    }

    #[test]
    fn a_type_parameter_is_formatted_whatever_it_stands_for() {
        fn plain<T: fmt::Display>(value: &T) -> Option<&str> {
            MessageField(value).as_plain_str()
        }
        assert_eq!(plain(&std::string::String::from("owned")), None);
    }
}
