//! The generated table: the per-variant data `#[derive(ApiStatus)]` writes as a constant
//! ([`Table`], its [`VariantInfo`] rows and [`TransparentInfo`] links) and the library reads
//! to answer, document and decode a type's responses.

use http::StatusCode;

use crate::status::registry::with_meaning;
use crate::status::same_text;
use crate::{Problem, RegisteredStatus};

/// `code` as a status, in constant context, where an invalid code fails the build.
#[doc(hidden)]
#[must_use]
pub const fn status_code(code: u16) -> StatusCode {
    let Ok(status) = StatusCode::from_u16(code) else {
        panic!("a status code must lie in 100..=999");
    };
    status
}

/// One response a type can produce: a row of its static [`Table`].
///
/// The derive builds these in constant context; a hand-written impl can too.
///
/// ```
/// use status_core::VariantInfo;
///
/// const RATE_LIMITED: VariantInfo = VariantInfo::new("RateLimited", 429)
///     .with_code("slow_down")
///     .with_headers(&[("retry-after", "30")]);
/// assert_eq!(RATE_LIMITED.code(), "slow_down");
/// assert_eq!(RATE_LIMITED.description(), status_core::Status::TooManyRequests.description());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VariantInfo {
    name: &'static str,
    status: StatusCode,
    code: Option<&'static str>,
    type_uri: Option<&'static str>,
    title: Option<&'static str>,
    description: Option<&'static str>,
    message: Option<&'static str>,
    exposes_fields: bool,
    headers: &'static [(&'static str, &'static str)],
    extensions: &'static [&'static str],
    field_headers: &'static [&'static str],
    body: Option<&'static [u8]>,
    grpc: Option<&'static str>,
    decodes: bool,
}

impl VariantInfo {
    /// A row for the variant `name`, answering with `status`.
    ///
    /// # Panics
    /// When `status` is outside `100..=999`: at compile time where it is a constant, as the
    /// derive always uses it.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("NotFound", 404);
    /// assert_eq!(info.status(), http::StatusCode::NOT_FOUND);
    /// ```
    #[must_use]
    pub const fn new(name: &'static str, status: u16) -> Self {
        let status = status_code(status);
        Self {
            name,
            status,
            code: None,
            type_uri: None,
            title: None,
            description: None,
            message: None,
            exposes_fields: false,
            headers: &[],
            extensions: &[],
            field_headers: &[],
            body: None,
            grpc: None,
            decodes: false,
        }
    }

    /// The row the derive emits (through `__private::row`): `new(name, status)
    /// .with_code(code).with_decodes(decodes)` in one call, without re-checking in constant
    /// evaluation the code the derive has checked.
    #[must_use]
    pub(crate) const fn derived(
        name: &'static str,
        status: u16,
        code: &'static str,
        decodes: bool,
    ) -> Self {
        let mut row = Self::new(name, status);
        row.code = Some(code);
        row.decodes = decodes;
        row
    }

    /// `derived`, for a variant whose body no field changes: `body` is that body, spelled by
    /// the derive at compile time and served as it is, whatever the value's methods say.
    #[must_use]
    pub(crate) const fn derived_with_body(
        name: &'static str,
        status: u16,
        code: &'static str,
        decodes: bool,
        body: &'static [u8],
    ) -> Self {
        let mut row = Self::derived(name, status, code, decodes);
        row.body = Some(body);
        row
    }

    /// This row with another status: the rejection table's rows as a framework answers them.
    pub(crate) const fn with_status(mut self, status: u16) -> Self {
        self.status = status_code(status);
        self
    }

    /// Sets the machine-readable code; without one it is the status's code (the derive gives
    /// every row one: the variant's name in snake case on a 4xx, the status's code on a 5xx).
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("NotFound", 404).with_code("user_not_found");
    /// assert_eq!(info.code(), "user_not_found");
    /// ```
    ///
    /// # Panics
    /// When `code` holds a `"`, a `\` or a control character, which a machine-readable code
    /// has no use for: at compile time where it is a constant, as the derive always uses it.
    #[must_use]
    pub const fn with_code(mut self, code: &'static str) -> Self {
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            assert!(
                bytes[i] >= 0x20 && bytes[i] != b'"' && bytes[i] != b'\\',
                "a code holds no quote, backslash or control character"
            );
            i += 1;
        }
        self.code = Some(code);
        self
    }

    /// Sets the problem type URI (RFC 9457 section 3.1.1); without one it is `about:blank`.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("OutOfCredit", 403)
    ///     .with_type("https://api.example.com/problems/out_of_credit");
    /// assert_eq!(info.type_uri(), "https://api.example.com/problems/out_of_credit");
    /// ```
    ///
    /// # Panics
    /// When `type_uri` holds a character a URI cannot (a space, a quote, a backslash, a
    /// control character...): at compile time where it is a constant, as the derive always
    /// uses it.
    #[must_use]
    pub const fn with_type(mut self, type_uri: &'static str) -> Self {
        assert!(
            crate::problem::type_uri::is_uri_text(type_uri),
            "a type URI holds no space, quote, backslash, control or non-ASCII character"
        );
        self.type_uri = Some(type_uri);
        self
    }

    /// Sets the title of the problem type (RFC 9457 section 3.1.3); without one it is the
    /// reason phrase of the status.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("OutOfCredit", 403)
    ///     .with_type("https://api.example.com/problems/out_of_credit")
    ///     .with_title("You do not have enough credit");
    /// assert_eq!(info.title(), Some("You do not have enough credit"));
    /// ```
    #[must_use]
    pub const fn with_title(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self
    }

    /// Sets the description, the text that says what the error means to a client; without one
    /// it is the registry's text for the status. It is published: write it for strangers.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Conflict", 409).with_description("Edited meanwhile.");
    /// assert_eq!(info.description(), "Edited meanwhile.");
    /// ```
    #[must_use]
    pub const fn with_description(mut self, description: &'static str) -> Self {
        self.description = Some(description);
        self
    }

    /// Sets the message template as documentation shows it (`"user {id} not found"`).
    ///
    /// `exposes_fields` says whether the template names fields, and so whether the detail of
    /// each occurrence differs from this text.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Gone", 404).with_message("user {id} not found", true);
    /// assert_eq!(info.message(), Some("user {id} not found"));
    /// assert_eq!(info.detail(), "The server cannot find the requested resource.");
    /// ```
    #[must_use]
    pub const fn with_message(mut self, message: &'static str, exposes_fields: bool) -> Self {
        self.message = Some(message);
        self.exposes_fields = exposes_fields;
        self
    }

    /// Sets every header each response of this variant carries, as `(name, value)` pairs.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Wrong", 405).with_headers(&[("allow", "GET")]);
    /// assert_eq!(info.headers().len(), 1);
    /// ```
    ///
    /// # Panics
    /// When a value holds a character a header cannot carry (a control character such as CR
    /// or LF, or a non-ASCII one), when a `www-authenticate` challenge is blank, or when an
    /// `allow` value is not a comma-separated list of methods: at compile time where it is a
    /// constant, as the derive always uses it (`www_authenticate = REALM` is checked so).
    #[must_use]
    pub const fn with_headers(mut self, headers: &'static [(&'static str, &'static str)]) -> Self {
        let mut i = 0;
        while i < headers.len() {
            check_header(headers[i].0, headers[i].1);
            i += 1;
        }
        self.headers = headers;
        self
    }

    /// Names the extension members built from fields, for documentation and examples.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Invalid", 422)
    ///     .with_description("Validation failed.")
    ///     .with_extensions(&["errors"]);
    /// assert_eq!(info.extensions(), &["errors"]);
    /// ```
    #[must_use]
    pub const fn with_extensions(mut self, names: &'static [&'static str]) -> Self {
        self.extensions = names;
        self
    }

    /// Names the headers built from fields (such as `retry-after`), for documentation.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Slow", 429).with_field_headers(&["retry-after"]);
    /// assert_eq!(info.field_headers(), &["retry-after"]);
    /// ```
    #[must_use]
    pub const fn with_field_headers(mut self, names: &'static [&'static str]) -> Self {
        self.field_headers = names;
        self
    }

    /// Sets the gRPC code, by `tonic::Code`'s name in snake case (`"not_found"`), instead of
    /// the one the status maps to (see `status_core::tonic`, feature `tonic`).
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Taken", 409).with_grpc("already_exists");
    /// assert_eq!(info.grpc(), Some("already_exists"));
    /// ```
    ///
    /// # Panics
    /// When `name` is not one of gRPC's error codes (`"ok"` is not an error): at compile time
    /// where it is a constant, as the derive always uses it.
    #[must_use]
    pub const fn with_grpc(mut self, name: &'static str) -> Self {
        assert!(
            crate::status::grpc::code_number(name).is_some(),
            "not a gRPC error code name, like \"not_found\""
        );
        self.grpc = Some(name);
        self
    }

    /// The variant's name, as written in the enum.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("NotFound", 404).name(), "NotFound");
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The status every occurrence of this variant answers with.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("Busy", 503).status().as_u16(), 503);
    /// ```
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code: the one given, else the registry's code for the status.
    ///
    /// The derive always gives one: the variant's name in snake case on a 4xx, the status's
    /// code on a 5xx. A hand-written row without one takes the status's code, or `"error"`
    /// for a status the registry does not name.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("Whatever", 503).code(), "service_unavailable");
    /// assert_eq!(status_core::VariantInfo::new("Whatever", 599).code(), "error");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &'static str {
        if let Some(code) = self.code {
            return code;
        }
        match RegisteredStatus::get(self.status.as_u16()) {
            Some(registered) => match registered.default_code() {
                Some(code) => code,
                None => "error",
            },
            None => "error",
        }
    }

    /// The problem type URI: the one given, else `about:blank`.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("NotFound", 404).type_uri(), "about:blank");
    /// ```
    #[must_use]
    pub const fn type_uri(&self) -> &'static str {
        match self.type_uri {
            Some(type_uri) => type_uri,
            None => crate::ABOUT_BLANK,
        }
    }

    /// The title: the one given, else the reason phrase of the status, if it has one.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("NotFound", 404).title(), Some("Not Found"));
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<&'static str> {
        self.title.or_else(|| crate::reason_phrase(self.status))
    }

    /// The title given with [`with_title`](Self::with_title), if any.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("NotFound", 404).own_title(), None);
    /// ```
    #[must_use]
    pub const fn own_title(&self) -> Option<&'static str> {
        self.title
    }

    /// The description, written for the clients of the API: the one given, else the
    /// registry's text for the status ([`RegisteredStatus::description`]).
    ///
    /// Every output shows it (the HTML pages, OpenAPI, Markdown), and it is the detail of a
    /// variant without a message. The derive gives it from `description = "..."`, or from the
    /// doc comment of a 4xx variant; never from the doc comment of a 5xx, which may be written
    /// for developers. Empty only for a hand-written row on an unregistered status without a
    /// description, which the derive rejects at compile time.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Limited", 429);
    /// assert!(info.description().contains("rate limiting"));
    /// let info = status_core::VariantInfo::new("Taken", 409);
    /// assert_eq!(info.description(), "The request conflicts with the current state of the target resource.");
    /// ```
    #[must_use]
    pub const fn description(&self) -> &'static str {
        if let Some(description) = self.description {
            return description;
        }
        match with_meaning(self.status.as_u16()) {
            Some(registered) => registered.description(),
            None => "",
        }
    }

    /// The message template as written, if the variant has one.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("NotFound", 404).message(), None);
    /// ```
    #[must_use]
    pub const fn message(&self) -> Option<&'static str> {
        self.message
    }

    /// The detail every occurrence shares: a message without fields, else the description.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("Gone", 404).with_message("the user is gone", false);
    /// assert_eq!(info.detail(), "the user is gone");
    /// ```
    #[must_use]
    pub const fn detail(&self) -> &'static str {
        match self.message {
            Some(message) if !self.exposes_fields => message,
            _ => self.description(),
        }
    }

    /// The static headers, as `(name, value)` pairs.
    ///
    /// ```
    /// assert!(status_core::VariantInfo::new("NotFound", 404).headers().is_empty());
    /// ```
    #[must_use]
    pub const fn headers(&self) -> &'static [(&'static str, &'static str)] {
        self.headers
    }

    /// The names of the extension members built from fields.
    ///
    /// ```
    /// assert!(status_core::VariantInfo::new("NotFound", 404).extensions().is_empty());
    /// ```
    #[must_use]
    pub const fn extensions(&self) -> &'static [&'static str] {
        self.extensions
    }

    /// The names of the headers built from fields.
    ///
    /// ```
    /// assert!(status_core::VariantInfo::new("NotFound", 404).field_headers().is_empty());
    /// ```
    #[must_use]
    pub const fn field_headers(&self) -> &'static [&'static str] {
        self.field_headers
    }

    /// The gRPC code set with [`with_grpc`](Self::with_grpc) (`grpc = "..."` in the derive),
    /// by name; `None` leaves it to the status.
    ///
    /// ```
    /// assert_eq!(status_core::VariantInfo::new("NotFound", 404).grpc(), None);
    /// ```
    #[must_use]
    pub const fn grpc(&self) -> Option<&'static str> {
        self.grpc
    }

    /// Whether a client rebuilds this variant from its response with
    /// [`FromProblem`](crate::FromProblem): every field reaches the client, in the body or a
    /// header. A derived row says so unless a field stays on the server (a source, a field a
    /// 5xx does not show); a hand-written row says so when its type implements `FromProblem`
    /// for it.
    ///
    /// ```
    /// use status_core::ApiStatus;
    ///
    /// #[derive(Debug, ApiStatus)]
    /// enum ApiError {
    ///     #[status(404, message = "user {id} not found")]
    ///     UserNotFound { id: u64 },
    ///     #[status(500)]
    ///     Database { query: String },
    /// }
    ///
    /// let rows = ApiError::table().variants();
    /// assert!(rows[0].decodes());
    /// assert!(!rows[1].decodes());
    /// ```
    #[must_use]
    pub const fn decodes(&self) -> bool {
        self.decodes
    }

    /// Sets whether a client rebuilds this variant ([`VariantInfo::decodes`]).
    ///
    /// ```
    /// let row = status_core::VariantInfo::new("Gone", 410).with_decodes(true);
    /// assert!(row.decodes());
    /// ```
    #[must_use]
    pub const fn with_decodes(mut self, decodes: bool) -> Self {
        self.decodes = decodes;
        self
    }

    /// The body every occurrence of this variant serves, when no field changes it: the
    /// derive spells it at compile time, and the axum and actix-web responses send it without
    /// copying or formatting. `None` for a variant whose detail or extensions come from its
    /// fields, for a status outside the catalog without a `title`, and for hand-written rows.
    ///
    /// ```
    /// use status_core::ApiStatus;
    ///
    /// #[derive(Debug, ApiStatus)]
    /// enum ApiError {
    ///     #[status(503)]
    ///     Maintenance,
    ///     #[status(404, message = "user {id} not found")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let maintenance = ApiError::Maintenance;
    /// assert_eq!(maintenance.variant().static_body(), Some(&*maintenance.body()));
    /// assert_eq!(ApiError::UserNotFound { id: 7 }.variant().static_body(), None);
    /// ```
    #[must_use]
    pub const fn static_body(&self) -> Option<&'static [u8]> {
        self.body
    }
}

impl VariantInfo {
    /// The body this variant serves, with each field it shows standing as a `{placeholder}`.
    ///
    /// Its detail is the one every occurrence shares, or the message template: a 5xx shows
    /// only what the server sends, never a description written for developers.
    ///
    /// ```
    /// let info = status_core::VariantInfo::new("UserNotFound", 404)
    ///     .with_message("user {id} not found", true)
    ///     .with_extensions(&["id"]);
    /// let example = info.example();
    /// assert_eq!(example.detail(), Some("user {id} not found"));
    /// assert_eq!(example.extensions()["id"], "{id}");
    /// ```
    #[must_use]
    pub fn example(&self) -> Problem {
        let problem = Problem::new(self.status)
            .with_code(self.code())
            .with_detail(self.message.unwrap_or_else(|| self.detail()));
        let mut problem = self.with_problem_type(problem);
        for name in self.extensions {
            problem.insert_extension(*name, format!("{{{name}}}"));
        }
        problem
    }
}

impl VariantInfo {
    /// This row as a type with the `type_base` `base` answers it through a `transparent` or
    /// `forward` variant: as if it were one of that type's own, its type is `base` followed by
    /// its code. A row that names a problem type (`about:blank` written out included) keeps
    /// it, and is returned as it is.
    ///
    /// The derive calls it where a type with a `type_base` forwards, and [`Table::responses`]
    /// where such a type's table links to another; a hand-written [`ApiStatus`] impl that
    /// forwards under a base of its own calls it in `variant`. Each row is retyped once per
    /// base, and kept for the life of the process, so that it can be `'static` as rows are.
    ///
    /// ```
    /// use status_core::RejectionKind;
    ///
    /// let row = RejectionKind::InvalidJson.info();
    /// let typed = row.under_type_base("https://api.example.com/problems/");
    /// assert_eq!(typed.type_uri(), "https://api.example.com/problems/invalid_json");
    /// assert_eq!((typed.code(), typed.status()), (row.code(), row.status()));
    /// // Typed already: kept.
    /// assert!(std::ptr::eq(typed.under_type_base("/elsewhere/"), typed));
    /// ```
    ///
    /// [`ApiStatus`]: crate::ApiStatus
    #[must_use]
    pub fn under_type_base(&'static self, base: &'static str) -> &'static Self {
        if self.type_uri.is_some() {
            return self;
        }
        retyped::row(self, base)
    }

    /// The static body of a value that answers with this row, `body`, as a type with the
    /// `type_base` `base` serves it through a `transparent` or `forward` variant: the body of
    /// [`under_type_base`](Self::under_type_base)'s row where `body` is this row's, else
    /// `None`, so that the body is written with the typed row.
    #[must_use]
    pub(crate) fn static_body_under(
        &'static self,
        body: Option<&'static [u8]>,
        base: &'static str,
    ) -> Option<&'static [u8]> {
        let typed = self.under_type_base(base);
        if core::ptr::eq(typed, self) {
            return body;
        }
        match (body, self.body) {
            (Some(body), Some(own)) if body == own => typed.body,
            _ => None,
        }
    }

    /// Whether the two rows answer alike: everything but the variant's name is the same.
    fn answers_like(&self, other: &Self) -> bool {
        Self { name: "", ..*self } == Self { name: "", ..*other }
    }

    /// `problem` with this variant's problem type and its title, where it has them.
    pub(crate) fn with_problem_type(&self, mut problem: Problem) -> Problem {
        if self.type_uri() != crate::ABOUT_BLANK {
            problem = problem.with_type(self.type_uri());
        }
        if let Some(title) = self.title {
            problem = problem.with_title(title);
        }
        problem
    }
}

/// The static description of every response a type can produce.
///
/// Transparent variants appear as links to their field's own table; [`Table::responses`]
/// follows them.
///
/// ```
/// use status_core::{Table, TransparentInfo, VariantInfo};
///
/// fn inner() -> Table {
///     const { Table::new("AuthError", const { &[VariantInfo::new("Expired", 401)] }) }
/// }
/// const OUTER: Table = Table::new("ApiError", const { &[VariantInfo::new("NotFound", 404)] })
///     .with_transparent(const { &[TransparentInfo::new("Auth", inner)] });
///
/// let codes: Vec<u16> = OUTER.responses().iter().map(|v| v.status().as_u16()).collect();
/// assert_eq!(codes, [404, 401]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Table {
    type_name: &'static str,
    catalog_title: Option<&'static str>,
    type_base: Option<&'static str>,
    variants: &'static [VariantInfo],
    transparent: &'static [TransparentInfo],
}

impl Table {
    /// The table of `type_name`, whose own variants are `variants`.
    ///
    /// ```
    /// let table = status_core::Table::new("ApiError", &[]);
    /// assert_eq!(table.type_name(), "ApiError");
    /// ```
    #[must_use]
    pub const fn new(type_name: &'static str, variants: &'static [VariantInfo]) -> Self {
        Self {
            type_name,
            catalog_title: None,
            type_base: None,
            variants,
            transparent: &[],
        }
    }

    /// Sets the title of the type's HTML error catalog (`catalog_title = "..."` in the
    /// derive): its heading and the name of its pages.
    ///
    /// ```
    /// let table = status_core::Table::new("ApiError", &[]).with_catalog_title("Todo API errors");
    /// assert_eq!(table.catalog_title(), "Todo API errors");
    /// ```
    #[must_use]
    pub const fn with_catalog_title(mut self, title: &'static str) -> Self {
        self.catalog_title = Some(title);
        self
    }

    /// The title of the type's HTML error catalog: the one set, else `"Errors"`. Never the
    /// type's name, which is a name in the source, not one for the API's clients.
    ///
    /// ```
    /// assert_eq!(status_core::Table::new("ApiError", &[]).catalog_title(), "Errors");
    /// ```
    #[must_use]
    pub const fn catalog_title(&self) -> &'static str {
        match self.catalog_title {
            Some(title) => title,
            None => "Errors",
        }
    }

    /// Sets the base the variants' type URIs are built on (`type_base = "..."` in the derive),
    /// where the HTML error catalog is served.
    ///
    /// ```
    /// let table = status_core::Table::new("ApiError", &[])
    ///     .with_type_base("https://api.example.com/problems/");
    /// assert_eq!(table.type_base(), Some("https://api.example.com/problems/"));
    /// ```
    #[must_use]
    pub const fn with_type_base(mut self, type_base: &'static str) -> Self {
        self.type_base = Some(type_base);
        self
    }

    /// The base of the variants' type URIs, if the type sets one.
    ///
    /// ```
    /// assert_eq!(status_core::Table::new("E", &[]).type_base(), None);
    /// ```
    #[must_use]
    pub const fn type_base(&self) -> Option<&'static str> {
        self.type_base
    }

    /// Sets the transparent variants, which answer with their field's responses.
    ///
    /// ```
    /// let table = status_core::Table::new("ApiError", &[]).with_transparent(&[]);
    /// assert!(table.transparent().is_empty());
    /// ```
    #[must_use]
    pub const fn with_transparent(mut self, transparent: &'static [TransparentInfo]) -> Self {
        self.transparent = transparent;
        self
    }

    /// The name of the type this table describes, for developers: the Markdown catalog shows
    /// it, the pages and OpenAPI documents clients read do not.
    ///
    /// ```
    /// assert_eq!(status_core::Table::new("E", &[]).type_name(), "E");
    /// ```
    #[must_use]
    pub const fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The variants with a status of their own, in declaration order.
    ///
    /// ```
    /// assert!(status_core::Table::new("E", &[]).variants().is_empty());
    /// ```
    #[must_use]
    pub const fn variants(&self) -> &'static [VariantInfo] {
        self.variants
    }

    /// The transparent variants, in declaration order.
    ///
    /// ```
    /// assert!(status_core::Table::new("E", &[]).transparent().is_empty());
    /// ```
    #[must_use]
    pub const fn transparent(&self) -> &'static [TransparentInfo] {
        self.transparent
    }

    /// Every response the type can produce: its own variants, then, through each transparent
    /// variant, those of the field's type, each row once. Under a type with a `type_base`, a
    /// forwarded row without a problem type has the one the type serves it with
    /// ([`VariantInfo::under_type_base`]).
    ///
    /// ```
    /// use status_core::{Table, VariantInfo};
    ///
    /// const TABLE: Table = Table::new("E", const { &[VariantInfo::new("A", 400)] });
    /// let table = TABLE;
    /// assert_eq!(table.responses().len(), 1);
    /// ```
    #[must_use]
    pub fn responses(&self) -> Vec<&'static VariantInfo> {
        let mut out: Vec<&'static VariantInfo> = Vec::new();
        let mut seen = Vec::new();
        // Each table with the base its rows are served under: that of the nearest type with a
        // `type_base` that forwards to it, as `VariantInfo::under_type_base` retypes them.
        let mut pending = vec![(*self, None)];
        // A type can forward to itself through a `Box`; `seen` stops the walk going round.
        while let Some((table, base)) = pending.pop() {
            let key = (table.variants.as_ptr(), table.transparent.as_ptr(), base);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            match base {
                Some(base) => out.extend(table.variants.iter().map(|v| v.under_type_base(base))),
                None => out.extend(table.variants),
            }
            let inner_base = table.type_base.or(base);
            pending.extend(
                table
                    .transparent
                    .iter()
                    .rev()
                    .map(|t| ((t.table)(), inner_base)),
            );
        }
        out
    }

    /// Every response as the type's clients see it, for the outputs they read (the HTML
    /// pages, OpenAPI): [`responses`](Self::responses) ordered by status, declaration order
    /// within one, with each row that answers exactly as an earlier one does left out. Two
    /// 5xx variants without a code of their own answer alike, with the status's code and the
    /// registry's text, and are shown once.
    ///
    /// ```
    /// use status_core::{Table, VariantInfo};
    ///
    /// const TABLE: Table = Table::new("E", const {
    ///     &[VariantInfo::new("Database", 500), VariantInfo::new("Missing", 404), VariantInfo::new("Io", 500)]
    /// });
    /// let table = TABLE;
    /// let codes: Vec<&str> = table.public_responses().iter().map(|v| v.code()).collect();
    /// assert_eq!(codes, ["not_found", "internal_server_error"]);
    /// ```
    #[must_use]
    pub fn public_responses(&self) -> Vec<&'static VariantInfo> {
        let mut responses = self.responses();
        responses.sort_by_key(|v| v.status());
        let mut public: Vec<&'static VariantInfo> = Vec::with_capacity(responses.len());
        for variant in responses {
            if !public.iter().any(|shown| shown.answers_like(variant)) {
                public.push(variant);
            }
        }
        public
    }
}

/// Panics, naming the header, when `value` cannot be the value of the header `name`: what the
/// derive checks of a literal, for a constant, whose value only constant evaluation can read.
const fn check_header(name: &str, value: &str) {
    let (www_authenticate, allow) = (
        same_text(name, "www-authenticate"),
        same_text(name, "allow"),
    );
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\t' && !(b >= b' ' && b <= b'~') {
            if www_authenticate {
                panic!("the WWW-Authenticate challenge holds a character a header cannot carry (a control character such as CR or LF, or a non-ASCII one): use visible ASCII, spaces and tabs");
            } else if allow {
                panic!("the Allow value holds a character a header cannot carry (a control character such as CR or LF, or a non-ASCII one): list methods separated by commas, like \"GET, HEAD\"");
            }
            panic!("a header value holds a character a header cannot carry (a control character such as CR or LF, or a non-ASCII one): use visible ASCII, spaces and tabs");
        }
        i += 1;
    }
    assert!(
        !www_authenticate || !is_blank(bytes),
        "the WWW-Authenticate challenge is empty: a 401 must carry one (RFC 9110 section 15.5.2), like \"Bearer\" or \"Basic realm=\\\"api\\\"\""
    );
    assert!(
        !allow || is_method_list(bytes),
        "the Allow value is not a list of methods: write method names separated by commas, like \"GET, HEAD\""
    );
}

/// Whether `bytes` holds only spaces and tabs, or nothing.
const fn is_blank(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b' ' && bytes[i] != b'\t' {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `bytes` is a comma-separated list of method names (`tchar`s, RFC 9110 section
/// 5.6.2), with spaces and tabs around each.
const fn is_method_list(bytes: &[u8]) -> bool {
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && is_tchar(bytes[i]) {
            i += 1;
        }
        if i == start {
            return false;
        }
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        if i == bytes.len() {
            return true;
        }
        if bytes[i] != b',' {
            return false;
        }
        i += 1;
    }
}

/// A `tchar` of RFC 9110 section 5.6.2, the characters of a method name.
const fn is_tchar(b: u8) -> bool {
    let others = b"!#$%&'*+-.^_`|~";
    let mut i = 0;
    while i < others.len() {
        if others[i] == b {
            return true;
        }
        i += 1;
    }
    b.is_ascii_alphanumeric()
}

/// `name`, or, where `taken` says it is in use, `name` with the first free number from 2 after
/// `separator`: what tells apart the sections (`gone-2`) and examples (`gone_2`) of rows that
/// share a code.
pub(crate) fn numbered(name: &str, separator: char, taken: impl Fn(&str) -> bool) -> String {
    let mut unique = name.to_owned();
    let mut n = 2;
    while taken(&unique) {
        unique = format!("{name}{separator}{n}");
        n += 1;
    }
    unique
}

/// A `#[status(transparent)]` variant: it answers with whatever its field answers.
///
/// ```
/// use status_core::{Table, TransparentInfo};
///
/// fn io() -> Table { const { Table::new("IoError", &[]) } }
/// let row = TransparentInfo::new("Io", io);
/// assert_eq!(row.name(), "Io");
/// assert_eq!(row.table().type_name(), "IoError");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TransparentInfo {
    name: &'static str,
    table: fn() -> Table,
}

impl TransparentInfo {
    /// The transparent variant `name`, whose field's type has the table `table` returns.
    ///
    /// ```
    /// # fn t() -> status_core::Table { status_core::Table::new("T", &[]) }
    /// let row = status_core::TransparentInfo::new("Inner", t);
    /// assert_eq!(row.table().type_name(), "T");
    /// ```
    #[must_use]
    pub const fn new(name: &'static str, table: fn() -> Table) -> Self {
        Self { name, table }
    }

    /// The variant's name, as written in the enum.
    ///
    /// ```
    /// # fn t() -> status_core::Table { status_core::Table::new("T", &[]) }
    /// assert_eq!(status_core::TransparentInfo::new("Inner", t).name(), "Inner");
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The table of the field's type.
    ///
    /// ```
    /// # fn t() -> status_core::Table { status_core::Table::new("T", &[]) }
    /// assert_eq!(status_core::TransparentInfo::new("Inner", t).table().type_name(), "T");
    /// ```
    #[must_use]
    pub fn table(&self) -> Table {
        (self.table)()
    }
}

/// The rows [`VariantInfo::under_type_base`] makes: one per row and base, made on first use and
/// never freed. There are as many as the program has rows reached under a base, a number its
/// source fixes, so keeping them is the cost of a `static` made late, not a leak that grows.
mod retyped {
    use std::collections::BTreeMap;
    use std::sync::{PoisonError, RwLock};

    use super::VariantInfo;
    use crate::problem::type_uri::under_base;

    /// By the row's address and the base.
    type Rows = BTreeMap<(usize, &'static str), &'static VariantInfo>;

    static ROWS: RwLock<Rows> = RwLock::new(BTreeMap::new());

    /// `row`, untyped, with the type `base` gives its code, and its static body to match.
    pub(super) fn row(row: &'static VariantInfo, base: &'static str) -> &'static VariantInfo {
        let key = (core::ptr::from_ref(row) as usize, base);
        // Nothing panics while a lock is held, but a poisoned map is still a sound one.
        if let Some(typed) = ROWS
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return typed;
        }
        let mut rows = ROWS.write().unwrap_or_else(PoisonError::into_inner);
        rows.entry(key).or_insert_with(|| {
            let type_uri: &'static str = Box::leak(under_base(base, row.code()).into_boxed_str());
            let body = row.body.map(|body| -> &'static [u8] {
                Box::leak(with_type(body, type_uri).into_boxed_slice())
            });
            Box::leak(Box::new(VariantInfo {
                type_uri: Some(type_uri),
                body,
                ..*row
            }))
        })
    }

    /// `body`, a static body without a `type`, with `type_uri` as its first member, where the
    /// body writer puts it. A type URI holds nothing JSON escapes (`under_base`).
    fn with_type(body: &[u8], type_uri: &str) -> Vec<u8> {
        let rest = body.strip_prefix(b"{").unwrap_or(body);
        let mut out = Vec::with_capacity(body.len() + type_uri.len() + 10);
        out.extend_from_slice(b"{\"type\":\"");
        out.extend_from_slice(type_uri.as_bytes());
        out.extend_from_slice(b"\",");
        out.extend_from_slice(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Table, TransparentInfo, VariantInfo};
    use crate::ApiStatus;

    static GONE: VariantInfo = VariantInfo::derived_with_body(
        "Gone",
        410,
        "gone",
        true,
        br#"{"title":"Gone","status":410,"detail":"The resource is gone.","code":"gone"}"#,
    )
    .with_description("The resource is gone.");
    static TYPED: VariantInfo = VariantInfo::new("Typed", 409).with_type("/own/typed");
    static BLANK: VariantInfo = VariantInfo::new("Blank", 400).with_type(crate::ABOUT_BLANK);

    /// A value that answers with `row` and writes its body.
    struct Written(&'static VariantInfo);

    impl ApiStatus for Written {
        fn table() -> Table {
            Table::new("Written", &[])
        }
        fn variant(&self) -> &'static VariantInfo {
            self.0
        }
        fn static_body(&self) -> Option<&'static [u8]> {
            None
        }
    }

    #[test]
    fn a_row_without_a_type_takes_the_base_and_its_code_once_for_all() {
        let typed = GONE.under_type_base("https://api.example.com/problems/");
        assert_eq!(typed.type_uri(), "https://api.example.com/problems/gone");
        assert_eq!(
            VariantInfo {
                type_uri: None,
                body: GONE.body,
                ..*typed
            },
            GONE
        );
        assert!(std::ptr::eq(
            typed,
            GONE.under_type_base("https://api.example.com/problems/")
        ));
        let elsewhere = GONE.under_type_base("/problems/");
        assert_eq!(elsewhere.type_uri(), "/problems/gone");
        // A type, `about:blank` written out included, is kept.
        assert!(std::ptr::eq(TYPED.under_type_base("/problems/"), &TYPED));
        assert!(std::ptr::eq(BLANK.under_type_base("/problems/"), &BLANK));
    }

    #[test]
    fn a_retyped_static_body_is_the_body_the_writer_writes() {
        let typed = GONE.under_type_base("/problems/");
        let written = Written(typed).body();
        assert_eq!(typed.static_body(), Some(&*written));
        assert!(written.starts_with(br#"{"type":"/problems/gone","title":"Gone""#));
    }

    #[test]
    fn a_forwarded_static_body_is_retyped_only_when_it_is_the_row_s() {
        let own = GONE.static_body();
        let typed = GONE.under_type_base("/problems/");
        assert_eq!(
            GONE.static_body_under(own, "/problems/"),
            typed.static_body()
        );
        // The field writes a body of its own (a detail its row does not have): written.
        assert_eq!(GONE.static_body_under(None, "/problems/"), None);
        assert_eq!(GONE.static_body_under(Some(b"{}"), "/problems/"), None);
        // A typed row is served as the field serves it.
        assert_eq!(
            TYPED.static_body_under(Some(b"{}"), "/problems/"),
            Some(&b"{}"[..])
        );
    }

    #[test]
    fn forwarded_rows_are_documented_under_the_nearest_base() {
        fn inner() -> Table {
            Table::new("Inner", std::slice::from_ref(&GONE))
        }
        fn middle() -> Table {
            Table::new("Middle", std::slice::from_ref(&TYPED))
                .with_transparent(const { &[TransparentInfo::new("Inner", inner)] })
        }
        fn based_middle() -> Table {
            Table::new("BasedMiddle", &[])
                .with_type_base("/middle/")
                .with_transparent(const { &[TransparentInfo::new("Inner", inner)] })
        }
        let outer = Table::new("Outer", std::slice::from_ref(&BLANK))
            .with_type_base("/outer/")
            .with_transparent(
                const {
                    &[
                        TransparentInfo::new("Middle", middle),
                        TransparentInfo::new("BasedMiddle", based_middle),
                    ]
                },
            );
        let types: Vec<&str> = outer.responses().iter().map(|v| v.type_uri()).collect();
        assert_eq!(
            types,
            ["about:blank", "/own/typed", "/outer/gone", "/middle/gone"]
        );
        // Without a base, the rows as they are.
        let plain = Table::new("Plain", &[])
            .with_transparent(const { &[TransparentInfo::new("Middle", middle)] });
        let types: Vec<&str> = plain.responses().iter().map(|v| v.type_uri()).collect();
        assert_eq!(types, ["/own/typed", "about:blank"]);
    }
}
