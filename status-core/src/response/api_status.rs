//! The `ApiStatus` trait: what a type's values answer, built on the static [`Table`] of its
//! responses (in `table.rs`).

use core::fmt;
use std::sync::Arc;

use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};

use crate::response::erased::ErasedStatus;
use crate::{Extensions, Problem, Table, VariantInfo, PROBLEM_JSON};

/// A type whose values are HTTP error responses: a status, a machine-readable code, a
/// detail for a human, and the Problem Details body and headers that go with them.
///
/// `#[derive(ApiStatus)]` implements it; a hand-written impl needs only [`table`] and
/// [`variant`], since everything else has a default built on those two. The trait is
/// object safe: `&dyn ApiStatus` works wherever the static [`table`] is not needed.
///
/// ```
/// use status_core::{ApiStatus, Table, VariantInfo};
///
/// struct Missing;
///
/// const MISSING: &[VariantInfo] = &[VariantInfo::new("Missing", 404)];
///
/// impl ApiStatus for Missing {
///     fn table() -> Table {
///         Table::new("Missing", MISSING)
///     }
///     fn variant(&self) -> &'static VariantInfo {
///         &Self::table().variants()[0]
///     }
/// }
///
/// assert_eq!(Missing.status(), http::StatusCode::NOT_FOUND);
/// assert_eq!(Missing.code(), "not_found");
/// assert_eq!(Missing.detail(), "The server cannot find the requested resource.");
/// ```
///
/// [`table`]: ApiStatus::table
/// [`variant`]: ApiStatus::variant
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `ApiStatus`",
    label = "this type has no HTTP status",
    note = "derive it with `#[derive(ApiStatus)]`, or, for an error from another crate, map the variant to a status such as `#[status(500)]` instead of forwarding to it (`transparent`, `forward`)"
)]
pub trait ApiStatus {
    /// Every response this type can produce, for documentation and examples.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let codes: Vec<&str> = ApiError::table().variants().iter().map(|v| v.code()).collect();
    /// assert_eq!(codes, ["user_not_found", "rate_limited"]);
    /// ```
    fn table() -> Table
    where
        Self: Sized;

    /// The table row that describes this value (through `transparent` and `forward` variants,
    /// the field's).
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// assert_eq!(ApiError::UserNotFound { id: 7 }.variant().name(), "UserNotFound");
    /// ```
    fn variant(&self) -> &'static VariantInfo;

    /// The HTTP status of this value.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// assert_eq!(ApiError::UserNotFound { id: 7 }.status(), http::StatusCode::NOT_FOUND);
    /// ```
    fn status(&self) -> StatusCode {
        self.variant().status()
    }

    /// The machine-readable code clients match on (`"user_not_found"`).
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// assert_eq!(ApiError::UserNotFound { id: 7 }.code(), "user_not_found");
    /// ```
    fn code(&self) -> &'static str {
        self.variant().code()
    }

    /// The static description of this kind of error, for documentation.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let err = ApiError::UserNotFound { id: 7 };
    /// assert_eq!(err.description(), "The server cannot find the requested resource.");
    /// ```
    fn description(&self) -> &'static str {
        self.variant().description()
    }

    /// Writes the human-readable detail of this occurrence.
    ///
    /// The default writes the variant's static detail; the derive overrides it for variants
    /// whose message names fields.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let mut detail = String::new();
    /// ApiError::UserNotFound { id: 7 }.write_detail(&mut detail).unwrap();
    /// assert_eq!(detail, "user 7 not found");
    /// ```
    ///
    /// # Errors
    /// Only those `out` returns.
    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(self.variant().detail())
    }

    /// The human-readable detail of this occurrence, as a `String`.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// assert_eq!(ApiError::UserNotFound { id: 7 }.detail(), "user 7 not found");
    /// ```
    fn detail(&self) -> String {
        let mut detail = String::new();
        // A Display that fails mid-way: what it wrote is not worth showing (the body agrees).
        if self.write_detail(&mut detail).is_err() {
            detail.clear();
            detail.push_str(self.variant().detail());
        }
        detail
    }

    /// Adds the extension members this occurrence carries.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let err = ApiError::RateLimited { seconds: 30, limit: 100 };
    /// let mut problem = status_core::Problem::new(err.status());
    /// err.write_extensions(&mut status_core::Extensions::new(&mut problem));
    /// assert_eq!(problem.extensions()["limit"], 100);
    /// ```
    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        let _ = extensions;
    }

    /// Adds the headers built from this occurrence's fields (such as `Retry-After`).
    ///
    /// Static headers from the table (such as `WWW-Authenticate`) are added by [`response`]
    /// and need not be written here.
    ///
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let mut headers = http::HeaderMap::new();
    /// ApiStatus::write_headers(&ApiError::RateLimited { seconds: 30, limit: 100 }, &mut headers);
    /// assert_eq!(headers["retry-after"], "30");
    /// ```
    ///
    /// [`response`]: ApiStatus::response
    fn write_headers(&self, headers: &mut HeaderMap) {
        let _ = headers;
    }

    /// The Problem Details body of this value.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let problem = ApiError::UserNotFound { id: 7 }.problem();
    /// assert_eq!(problem.title(), Some("Not Found"));
    /// assert_eq!(problem.detail(), Some("user 7 not found"));
    /// ```
    fn problem(&self) -> Problem {
        let problem = Problem::new(self.status())
            .with_code(self.code())
            .with_detail(self.detail());
        let mut problem = self.variant().with_problem_type(problem);
        self.write_extensions(&mut Extensions::new(&mut problem));
        problem
    }

    /// The JSON body of this value: [`problem`](ApiStatus::problem) serialized, written in
    /// one pass without building it.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// # }
    /// let body = ApiError::UserNotFound { id: 7 }.body();
    /// assert_eq!(
    ///     body,
    ///     br#"{"title":"Not Found","status":404,"detail":"user 7 not found","code":"user_not_found"}"#,
    /// );
    /// ```
    fn body(&self) -> Vec<u8> {
        if let Some(body) = self.static_body() {
            return body.to_vec();
        }
        #[cfg(debug_assertions)]
        let value: &dyn ErasedStatus = &Erased(self);
        #[cfg(not(debug_assertions))]
        let value = self;
        crate::response::body::write_body(value)
    }

    /// The body this value serves as it is, when no field of it changes the body: the row's
    /// ([`VariantInfo::static_body`]), which [`body`](ApiStatus::body) and the framework
    /// responses send without writing it. `None` when the body is written from the value.
    ///
    /// The derive overrides it for a type with a `#[status(forward)]` variant that has a
    /// detail of its own: the row such a variant answers with is its field's, whose body says
    /// the field's detail. A hand-written impl whose detail is not its row's does the same.
    ///
    /// ```
    /// use status_core::ApiStatus;
    ///
    /// #[derive(Debug, ApiStatus)]
    /// #[status(403)]
    /// struct Forbidden;
    ///
    /// #[derive(Debug, ApiStatus)]
    /// enum ApiError {
    ///     #[status(503)]
    ///     Maintenance,
    ///     #[status(message = "could not upload {0}")]
    ///     Upload(String, #[status(forward)] Forbidden),
    /// }
    ///
    /// let maintenance = ApiError::Maintenance;
    /// assert_eq!(maintenance.static_body(), Some(&*maintenance.body()));
    /// // The row is `Forbidden`'s, which has a static body; this value's detail is its own.
    /// let upload = ApiError::Upload("a.zip".into(), Forbidden);
    /// assert!(upload.variant().static_body().is_some());
    /// assert_eq!(upload.static_body(), None);
    /// assert_eq!(upload.detail(), "could not upload a.zip");
    /// ```
    fn static_body(&self) -> Option<&'static [u8]> {
        self.variant().static_body()
    }

    /// Every header this response needs: `Content-Type` and the variant's own.
    ///
    /// ```
    /// # use status_core::ApiStatus;
    /// # #[derive(Debug, ApiStatus)]
    /// # enum ApiError {
    /// #     #[status(404, code = "user_not_found", message = "user {id} not found")]
    /// #     UserNotFound { id: u64 },
    /// #     #[status(429)]
    /// #     RateLimited { #[status(retry_after)] seconds: u64, #[status(extension)] limit: u32 },
    /// # }
    /// let headers = ApiError::RateLimited { seconds: 30, limit: 100 }.headers();
    /// assert_eq!(headers["content-type"], "application/problem+json");
    /// assert_eq!(headers["retry-after"], "30");
    /// ```
    fn headers(&self) -> HeaderMap {
        #[cfg(debug_assertions)]
        let value: &dyn ErasedStatus = &Erased(self);
        #[cfg(not(debug_assertions))]
        let value = self;
        headers_of(value)
    }

    /// The whole response, for any framework built on the `http` crate.
    ///
    /// ```
    /// # use status_core::{ApiStatus, Table, VariantInfo};
    /// # struct Missing;
    /// # impl ApiStatus for Missing {
    /// #     fn table() -> Table { const { Table::new("Missing", const { &[VariantInfo::new("Missing", 404)] }) } }
    /// #     fn variant(&self) -> &'static VariantInfo { &Self::table().variants()[0] }
    /// # }
    /// let response = Missing.response();
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// ```
    fn response(&self) -> http::Response<Vec<u8>> {
        response_with_body(self)
    }
}

impl<T: ApiStatus + ?Sized> ErasedStatus for T {
    fn status(&self) -> StatusCode {
        ApiStatus::status(self)
    }

    fn variant(&self) -> &'static VariantInfo {
        ApiStatus::variant(self)
    }

    fn code(&self) -> &'static str {
        ApiStatus::code(self)
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        ApiStatus::write_detail(self, out)
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        ApiStatus::write_extensions(self, extensions);
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        ApiStatus::write_headers(self, headers);
    }

    fn static_body(&self) -> Option<&'static [u8]> {
        ApiStatus::static_body(self)
    }
}

/// Any `ApiStatus` value, unsized ones included, as something a `&dyn ErasedStatus` can
/// point to.
pub(crate) struct Erased<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: ApiStatus + ?Sized> ErasedStatus for Erased<'_, T> {
    fn status(&self) -> StatusCode {
        self.0.status()
    }

    fn variant(&self) -> &'static VariantInfo {
        self.0.variant()
    }

    fn code(&self) -> &'static str {
        self.0.code()
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.0.write_detail(out)
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        self.0.write_extensions(extensions);
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        self.0.write_headers(headers);
    }

    fn static_body(&self) -> Option<&'static [u8]> {
        self.0.static_body()
    }
}

/// `ApiStatus::headers`: `Content-Type`, the row's own headers and those of the fields.
fn headers_of<V: ErasedStatus + ?Sized>(value: &V) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(PROBLEM_JSON),
    );
    for &(name, value) in value.variant().headers() {
        // The derive checks these at compile time; a hand-written table that got one wrong
        // loses that header rather than the response.
        if let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            headers.insert(name, value);
        }
    }
    value.write_headers(&mut headers);
    headers
}

/// The response of `value` with its body as the framework's type: a static body is passed
/// as it is (as `Bytes::from_static`, in axum and actix-web), any other one is written.
pub(crate) fn response_with_body<B, T>(value: &T) -> http::Response<B>
where
    B: From<&'static [u8]> + From<Vec<u8>>,
    T: ApiStatus + ?Sized,
{
    assemble(value.status(), value.headers(), value.static_body(), || {
        value.body()
    })
}

/// The response of a derived type's value, through the trait object: what its framework
/// impls call in a build with debug assertions, so that the response is compiled once, here,
/// rather than for every derived type in its crate. The derive never overrides `body` or
/// `headers`, so the static body, else the body written from the value, is its body.
#[cfg_attr(not(all(debug_assertions, feature = "axum")), allow(dead_code))]
pub(crate) fn erased_response<B>(value: &dyn ErasedStatus) -> http::Response<B>
where
    B: From<&'static [u8]> + From<Vec<u8>>,
{
    assemble(
        value.status(),
        headers_of(value),
        value.static_body(),
        || crate::response::body::write_body(value),
    )
}

/// A response of `status` and `headers` whose body is `static_body` as it is, else `body()`.
fn assemble<B>(
    status: http::StatusCode,
    headers: HeaderMap,
    static_body: Option<&'static [u8]>,
    body: impl FnOnce() -> Vec<u8>,
) -> http::Response<B>
where
    B: From<&'static [u8]> + From<Vec<u8>>,
{
    let body = static_body.map_or_else(|| B::from(body()), B::from);
    let mut response = http::Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// A boxed value answers as the value does, so `transparent` and `forward` can forward
/// through a `Box`.
///
/// ```
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404)]
/// struct Missing;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(transparent)]
///     Boxed(Box<Missing>),
/// }
///
/// assert_eq!(ApiError::Boxed(Box::new(Missing)).status(), 404);
/// ```
impl<T: ApiStatus> ApiStatus for Box<T> {
    fn table() -> Table {
        T::table()
    }

    fn variant(&self) -> &'static VariantInfo {
        (**self).variant()
    }

    fn status(&self) -> StatusCode {
        (**self).status()
    }

    fn code(&self) -> &'static str {
        (**self).code()
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        (**self).write_detail(out)
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        (**self).write_extensions(extensions);
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        (**self).write_headers(headers);
    }

    fn static_body(&self) -> Option<&'static [u8]> {
        (**self).static_body()
    }
}

// Written out for `Arc` as for `Box`, not by a macro: a user's "the trait `ApiStatus` is not
// implemented" error lists these impls, and reads them as written.
/// A shared value answers as the value does, so `transparent` and `forward` can forward
/// through an `Arc`.
///
/// ```
/// use std::sync::Arc;
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404)]
/// struct Missing;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(transparent)]
///     Shared(Arc<Missing>),
/// }
///
/// assert_eq!(ApiError::Shared(Arc::new(Missing)).status(), 404);
/// ```
impl<T: ApiStatus> ApiStatus for Arc<T> {
    fn table() -> Table {
        T::table()
    }

    fn variant(&self) -> &'static VariantInfo {
        (**self).variant()
    }

    fn status(&self) -> StatusCode {
        (**self).status()
    }

    fn code(&self) -> &'static str {
        (**self).code()
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        (**self).write_detail(out)
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        (**self).write_extensions(extensions);
    }

    fn write_headers(&self, headers: &mut HeaderMap) {
        (**self).write_headers(headers);
    }

    fn static_body(&self) -> Option<&'static [u8]> {
        (**self).static_body()
    }
}
