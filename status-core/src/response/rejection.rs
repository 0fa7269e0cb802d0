//! The errors a web framework answers by itself, before a handler runs: a body that is not
//! JSON, a path segment that does not parse, a wrong method, an unknown route.
//!
//! They are a table of their own, with a code per kind, so that they are documented, served
//! and matched on like the errors of the service's own enum.

use core::fmt;

use http::StatusCode;

use crate::problem::framework_message;
use crate::{ApiStatus, Extensions, Pointer, Table, VariantInfo, Violations};

/// How `serde_json` words an error of shape rather than of syntax (its `Category::Data`).
const SERDE_DATA_ERRORS: &[&str] = &[
    "missing field",
    "invalid type",
    "invalid value",
    "invalid length",
    "unknown variant",
    "unknown field",
    "duplicate field",
];

/// Each way a request can fail in the framework, before the handler runs.
///
/// ```
/// use status_core::{ApiStatus, Rejection, RejectionKind};
///
/// let rejection = Rejection::new(RejectionKind::InvalidJson, "expected value at line 1 column 1");
/// assert_eq!(rejection.status(), 400);
/// assert_eq!(rejection.code(), "invalid_json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectionKind {
    /// The body is not syntactically valid JSON.
    InvalidJson,
    /// The body is JSON, but not of the shape the operation takes.
    JsonData,
    /// The operation takes JSON and the request did not say `Content-Type: application/json`.
    MissingJsonContentType,
    /// The form body does not fit the operation's fields.
    FormData,
    /// The operation takes a form and the request did not say
    /// `Content-Type: application/x-www-form-urlencoded`.
    MissingFormContentType,
    /// A path segment does not parse as the operation's parameter.
    InvalidPath,
    /// The query string does not fit the operation's parameters.
    InvalidQuery,
    /// The body could not be read.
    UnreadableBody,
    /// The body is larger than the service accepts.
    ContentTooLarge,
    /// The route exists, but not with this method; `Allow` lists the methods it has.
    MethodNotAllowed,
    /// No route matches the path.
    RouteNotFound,
}

/// The heading of the rejections' catalogs.
pub(crate) const CATALOG_TITLE: &str = "Errors the framework answers";

/// The table's rows, in the order of [`RejectionKind`]'s variants.
pub(crate) const ROWS: &[VariantInfo] = &[
    VariantInfo::new("InvalidJson", 400)
        .with_code("invalid_json")
        .with_decodes(true)
        .with_description("The body is not valid JSON."),
    VariantInfo::new("JsonData", 422)
        .with_code("json_data")
        .with_decodes(true)
        .with_description("The body is JSON, but not of the shape this operation takes.")
        .with_extensions(&["errors"]),
    VariantInfo::new("MissingJsonContentType", 415)
        .with_code("missing_json_content_type")
        .with_decodes(true)
        .with_description(
            "This operation takes JSON: send the body with `Content-Type: application/json`.",
        ),
    VariantInfo::new("FormData", 422)
        .with_code("form_data")
        .with_decodes(true)
        .with_description("The form does not fit the fields this operation takes."),
    VariantInfo::new("MissingFormContentType", 415)
        .with_code("missing_form_content_type")
        .with_decodes(true)
        .with_description("This operation takes a form: send the body with `Content-Type: application/x-www-form-urlencoded`."),
    VariantInfo::new("InvalidPath", 400)
        .with_code("invalid_path")
        .with_decodes(true)
        .with_description("A segment of the path is not a valid value for its parameter."),
    VariantInfo::new("InvalidQuery", 400)
        .with_code("invalid_query")
        .with_decodes(true)
        .with_description("The query string does not fit the parameters this operation takes."),
    VariantInfo::new("UnreadableBody", 400)
        .with_code("unreadable_body")
        .with_decodes(true)
        .with_description("The body could not be read to its end."),
    VariantInfo::new("ContentTooLarge", 413)
        .with_code("content_too_large")
        .with_decodes(true)
        .with_description("The body is larger than this service accepts."),
    VariantInfo::new("MethodNotAllowed", 405)
        .with_code("method_not_allowed")
        .with_decodes(true)
        .with_description(
            "The path exists, but not with this method; `Allow` lists the methods it has.",
        )
        .with_field_headers(&["allow"]),
    VariantInfo::new("RouteNotFound", 404)
        .with_code("route_not_found")
        .with_decodes(true)
        .with_description("No route of this service matches the path."),
];

impl RejectionKind {
    /// Every kind, in the table's order.
    pub const ALL: [Self; 11] = [
        Self::InvalidJson,
        Self::JsonData,
        Self::MissingJsonContentType,
        Self::FormData,
        Self::MissingFormContentType,
        Self::InvalidPath,
        Self::InvalidQuery,
        Self::UnreadableBody,
        Self::ContentTooLarge,
        Self::MethodNotAllowed,
        Self::RouteNotFound,
    ];

    /// What a JSON body extractor can answer.
    pub const JSON_BODY: &'static [Self] = &[
        Self::InvalidJson,
        Self::JsonData,
        Self::MissingJsonContentType,
        Self::UnreadableBody,
        Self::ContentTooLarge,
    ];

    /// What a form body extractor can answer.
    pub const FORM_BODY: &'static [Self] = &[
        Self::FormData,
        Self::MissingFormContentType,
        Self::UnreadableBody,
        Self::ContentTooLarge,
    ];

    /// The row of this kind in [`Rejection`]'s table.
    ///
    /// ```
    /// use status_core::RejectionKind;
    ///
    /// assert_eq!(RejectionKind::RouteNotFound.info().code(), "route_not_found");
    /// ```
    #[must_use]
    pub const fn info(self) -> &'static VariantInfo {
        &ROWS[self as usize]
    }
}

/// An error the framework answered before the handler ran, with the framework's own words
/// for it as the detail.
///
/// A `json_data` rejection also names where the body went wrong, as RFC 9457's `errors`
/// member ([`Violations`]): the field serde could not read (`#/pets/0/kind`), exactly with
/// the `Json` extractors of `status_core::axum`, `actix`, `rocket`, `poem` and `salvo` and
/// `status_core::warp::json`, as axum's text says it with axum's own `Json`; the other
/// frameworks' own extractors name no field, so their pointer is the whole body (`#`).
///
/// Each framework module's error layer serves the framework's errors as these, and each docs
/// tool documents them on the operations that can produce them
/// ([`openapi::add_rejections`](https://docs.rs/status-core/0.1/status_core/openapi/fn.add_rejections.html)
/// and the tools' modules).
///
/// ```
/// use status_core::{ApiStatus, Rejection, RejectionKind};
///
/// let rejection = Rejection::new(RejectionKind::JsonData, "missing field `name`");
/// assert_eq!(
///     rejection.body(),
///     br##"{"title":"Unprocessable Content","status":422,"detail":"missing field `name`","code":"json_data","errors":[{"detail":"missing field `name`","pointer":"#"}]}"##,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    kind: RejectionKind,
    detail: Option<String>,
    errors: Violations,
    /// The status it is answered with, where it is not its row's: a framework's own.
    status: Option<StatusCode>,
}

impl Rejection {
    /// The `method_not_allowed` of a framework that does not know the path's methods (warp,
    /// poem's own router): its detail does not promise the `Allow` header that cannot be sent.
    ///
    /// ```
    /// use status_core::{ApiStatus, Rejection};
    ///
    /// assert!(!Rejection::method_not_allowed_without_allow().detail().contains("Allow"));
    /// ```
    #[must_use]
    pub fn method_not_allowed_without_allow() -> Self {
        Self::new(
            RejectionKind::MethodNotAllowed,
            "The path exists, but not with this method.",
        )
    }

    /// A rejection of `kind`, whose detail is `detail`; an empty detail, or one longer than a
    /// message, leaves the kind's description as the detail.
    ///
    /// A `json_data` rejection takes its `errors` from the detail: the field axum names in
    /// it, else the whole body.
    #[must_use]
    pub fn new(kind: RejectionKind, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        let errors = match kind {
            RejectionKind::JsonData => json_data_errors(&detail),
            _ => Violations::new(),
        };
        Self {
            kind,
            detail: framework_message(&detail).map(str::to_owned),
            errors,
            status: None,
        }
    }

    /// This rejection with `errors` as its `errors` member: for an extractor of your own that
    /// knows better where the input is wrong. Only a `json_data` rejection sends them.
    ///
    /// ```
    /// use status_core::{Pointer, Rejection, RejectionKind, Violations};
    ///
    /// let mut errors = Violations::new();
    /// errors.push(Pointer::field("name"), "is required");
    /// let rejection = Rejection::new(RejectionKind::JsonData, "missing field `name`")
    ///     .with_errors(errors.clone());
    /// assert_eq!(rejection.errors(), &errors);
    /// ```
    #[must_use]
    pub fn with_errors(mut self, errors: Violations) -> Self {
        self.errors = errors;
        self
    }

    /// Where the input is wrong: the `errors` member; empty but for `json_data`.
    #[must_use]
    pub fn errors(&self) -> &Violations {
        &self.errors
    }

    /// A rejection of `kind` with its description as the detail.
    ///
    /// ```
    /// use status_core::{ApiStatus, Rejection, RejectionKind};
    ///
    /// let rejection = Rejection::of(RejectionKind::RouteNotFound);
    /// assert_eq!(rejection.detail(), "No route of this service matches the path.");
    /// ```
    #[must_use]
    pub const fn of(kind: RejectionKind) -> Self {
        Self {
            kind,
            detail: None,
            errors: Violations::new(),
            status: None,
        }
    }

    /// This rejection answered with `status` instead of its row's: the status a framework
    /// gives it itself, for a service that keeps those ([`Statuses::Framework`]). Its body says
    /// the same status and that status's title; its code is the same.
    ///
    /// ```
    /// use http::StatusCode;
    /// use status_core::{ApiStatus, Rejection, RejectionKind};
    ///
    /// let rejection = Rejection::of(RejectionKind::JsonData).with_status(StatusCode::BAD_REQUEST);
    /// assert_eq!((rejection.status(), rejection.code()), (StatusCode::BAD_REQUEST, "json_data"));
    /// assert!(rejection.body().starts_with(br#"{"title":"Bad Request","status":400,"#));
    /// ```
    ///
    /// [`Statuses::Framework`]: crate::Statuses::Framework
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = (status != self.kind.info().status()).then_some(status);
        self
    }

    /// What kind of rejection this is.
    #[must_use]
    pub const fn kind(&self) -> RejectionKind {
        self.kind
    }

    /// Recognizes the plain-text error a framework answered with, by its status and the
    /// start of its text, as axum 0.8 and actix-web 4 word them; `None` for any other.
    ///
    /// The rejection's status is its row's, which may differ from the framework's: actix-web
    /// answers 400 to JSON of the wrong shape, which is `json_data`, a 422, as axum has it.
    ///
    /// ```
    /// use http::StatusCode;
    /// use status_core::{ApiStatus, Rejection};
    ///
    /// let text = b"Invalid URL: Cannot parse `ada` to a `u64`";
    /// let rejection = Rejection::recognize(StatusCode::BAD_REQUEST, text).unwrap();
    /// assert_eq!(rejection.code(), "invalid_path");
    /// assert_eq!(rejection.detail(), "Invalid URL: Cannot parse `ada` to a `u64`");
    /// assert!(Rejection::recognize(StatusCode::BAD_REQUEST, b"no such thing").is_none());
    /// ```
    #[must_use]
    pub fn recognize(status: StatusCode, body: &[u8]) -> Option<Self> {
        let text = std::str::from_utf8(body).unwrap_or_default().trim();
        let starts = |prefix: &str| text.starts_with(prefix);
        let kind = match status.as_u16() {
            400 if starts("Failed to parse the request body as JSON") => RejectionKind::InvalidJson,
            400 if starts("Invalid URL") => RejectionKind::InvalidPath,
            400 if starts("Failed to deserialize query string") => RejectionKind::InvalidQuery,
            400 if starts("Failed to buffer the request body") => RejectionKind::UnreadableBody,
            // actix-web's words.
            400 if starts("Json deserialize error") => {
                if SERDE_DATA_ERRORS.iter().any(|words| text.contains(words)) {
                    RejectionKind::JsonData
                } else {
                    RejectionKind::InvalidJson
                }
            }
            400 if starts("Content type error") => RejectionKind::MissingJsonContentType,
            415 if starts("Content type error") => RejectionKind::MissingFormContentType,
            400 if starts("Path deserialize error") => RejectionKind::InvalidPath,
            400 if starts("Query deserialize error") => RejectionKind::InvalidQuery,
            400 if starts("Parse error") => RejectionKind::FormData,
            400 if starts("Error that occur during reading payload") => {
                RejectionKind::UnreadableBody
            }
            422 if starts("Failed to deserialize the JSON body") => RejectionKind::JsonData,
            422 if starts("Failed to deserialize form body") => RejectionKind::FormData,
            415 if starts("Expected request with `Content-Type: application/json`") => {
                RejectionKind::MissingJsonContentType
            }
            415 if starts("Form requests must have") => RejectionKind::MissingFormContentType,
            // A wrong method is the router's answer; a plain 404 may be a handler's, so it
            // is not taken for `route_not_found`, which the fallbacks answer themselves.
            405 => RejectionKind::MethodNotAllowed,
            413 => RejectionKind::ContentTooLarge,
            _ => return None,
        };
        Some(Self::new(kind, text))
    }
}

/// How axum words a `json_data` rejection: its `Json` extractor reads the body with
/// `serde_path_to_error`, so the path serde failed at comes next, unless it is the body itself.
const AXUM_JSON_DATA: &str = "Failed to deserialize the JSON body into the target type: ";

/// How actix-web words one: `serde_json`'s message, without a path.
const ACTIX_JSON_DATA: &str = "Json deserialize error: ";

/// Where a `json_data` rejection's text says the body is wrong, with serde's words for it.
///
/// axum's text is `{path}: {message}`, the path written as `pets[0].kind`; a message about a
/// missing or unknown field names the field, which the pointer then ends with. Any other
/// text (actix-web's, which has no path) points at the whole body.
fn json_data_errors(text: &str) -> Violations {
    let text = text.trim();
    let (pointer, message) = match text.strip_prefix(AXUM_JSON_DATA) {
        Some(rest) => match rest
            .split_once(": ")
            .and_then(|(path, message)| Some((pointer_of_path(path)?, message)))
        {
            Some((pointer, message)) => (Some(pointer), message),
            None => (Some(Pointer::root()), rest),
        },
        None => (None, text.strip_prefix(ACTIX_JSON_DATA).unwrap_or(text)),
    };
    let message = without_position(message);
    let pointer = match pointer {
        Some(pointer) => match named_field(message) {
            Some(field) => pointer.key(field),
            None => pointer,
        },
        None => Pointer::root(),
    };
    let mut errors = Violations::new();
    errors.push(pointer, message);
    errors
}

/// The pointer of a path as `serde_path_to_error` writes it (`pets[0].kind`), if `path` is
/// one: keys without spaces, indices in brackets.
fn pointer_of_path(path: &str) -> Option<Pointer> {
    if path.is_empty() || path.contains(char::is_whitespace) || path.contains('?') {
        return None;
    }
    let mut pointer = Pointer::root();
    for part in path.split('.') {
        let (key, mut indices) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            pointer = pointer.key(key);
        }
        while let Some(rest) = indices.strip_prefix('[') {
            let (index, rest) = rest.split_once(']')?;
            pointer = pointer.index(index.parse().ok()?);
            indices = rest;
        }
        if !indices.is_empty() {
            return None;
        }
    }
    Some(pointer)
}

/// `serde_json`'s message without the position it appends (` at line 1 column 20`).
pub(crate) fn without_position(message: &str) -> &str {
    let Some((before, position)) = message.rsplit_once(" at line ") else {
        return message;
    };
    let is_number = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match position.split_once(" column ") {
        Some((line, column)) if is_number(line) && is_number(column) => before,
        _ => message,
    }
}

/// The field a message about a missing, unknown or duplicate field names.
pub(crate) fn named_field(message: &str) -> Option<&str> {
    ["missing field `", "unknown field `", "duplicate field `"]
        .iter()
        .find_map(|start| message.strip_prefix(start))
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field)
}

/// The violation of a data error: its path as the pointer, and a missing or unknown field it
/// names after it.
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "rocket",
    feature = "poem",
    feature = "salvo",
    feature = "warp"
))]
pub(crate) fn exact_errors(error: &serde_path_to_error::Error<serde_json::Error>) -> Violations {
    use serde_path_to_error::Segment;

    let mut pointer = Pointer::root();
    for segment in error.path() {
        pointer = match segment {
            Segment::Seq { index } => pointer.index(*index),
            Segment::Map { key } => pointer.key(key),
            Segment::Enum { variant } => pointer.key(variant),
            Segment::Unknown => break,
        };
    }
    let message = without_position(&error.inner().to_string()).to_owned();
    if let Some(field) = named_field(&message) {
        pointer = pointer.key(field);
    }
    let mut errors = Violations::new();
    errors.push(pointer, message);
    errors
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail.as_deref().unwrap_or(self.kind.info().detail()))
    }
}

impl std::error::Error for Rejection {}

/// The table of every rejection: what the catalogs list and the documents describe.
///
/// ```
/// use status_core::{ApiStatus, Rejection};
///
/// let codes: Vec<&str> = Rejection::table().variants().iter().map(|v| v.code()).collect();
/// assert!(codes.contains(&"method_not_allowed"));
/// ```
impl ApiStatus for Rejection {
    fn table() -> Table {
        Table::new("Rejection", ROWS).with_catalog_title(CATALOG_TITLE)
    }

    fn variant(&self) -> &'static VariantInfo {
        self.kind.info()
    }

    fn status(&self) -> StatusCode {
        self.status.unwrap_or_else(|| self.kind.info().status())
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(out, "{self}")
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        if self.kind != RejectionKind::JsonData {
            return;
        }
        // The row promises the member: without a place, the whole body is wrong.
        if self.errors.is_empty() {
            let mut whole = Violations::new();
            whole.push(Pointer::root(), self.to_string());
            extensions.insert("errors", &whole);
        } else {
            extensions.insert("errors", &self.errors);
        }
    }
}

// A handler may return it, as it returns the service's own enum; not a gRPC status, since
// its errors are HTTP's own.
crate::__impl_axum! { [keep] [] [Rejection] [] }
crate::__impl_actix_web! { [keep] [] [Rejection] [] }
crate::__impl_salvo! { [keep] [] [Rejection] [] }

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_its_row() {
        for kind in RejectionKind::ALL {
            assert_eq!(
                kind.info().name(),
                format!("{kind:?}"),
                "ROWS is out of order"
            );
        }
        assert_eq!(ROWS.len(), RejectionKind::ALL.len());
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = ROWS.iter().map(VariantInfo::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ROWS.len());
    }

    #[test]
    fn framework_texts_are_recognized_by_status_and_start() {
        use RejectionKind as K;
        let kind = |status: u16, text: &str| {
            Rejection::recognize(StatusCode::from_u16(status).unwrap(), text.as_bytes())
                .map(|rejection| rejection.kind())
        };
        assert_eq!(
            kind(400, "Failed to parse the request body as JSON: EOF"),
            Some(K::InvalidJson)
        );
        assert_eq!(
            kind(
                422,
                "Failed to deserialize the JSON body into the target type: missing field `a`"
            ),
            Some(K::JsonData)
        );
        assert_eq!(
            kind(
                415,
                "Expected request with `Content-Type: application/json`"
            ),
            Some(K::MissingJsonContentType)
        );
        assert_eq!(
            kind(422, "Failed to deserialize form body: x"),
            Some(K::FormData)
        );
        assert_eq!(
            kind(
                415,
                "Form requests must have `Content-Type: application/x-www-form-urlencoded`"
            ),
            Some(K::MissingFormContentType)
        );
        assert_eq!(
            kind(400, "Invalid URL: Cannot parse `a` to a `u64`"),
            Some(K::InvalidPath)
        );
        assert_eq!(
            kind(400, "Failed to deserialize query string: x"),
            Some(K::InvalidQuery)
        );
        assert_eq!(
            kind(400, "Failed to buffer the request body: x"),
            Some(K::UnreadableBody)
        );
        assert_eq!(
            kind(
                413,
                "Failed to buffer the request body: length limit exceeded"
            ),
            Some(K::ContentTooLarge)
        );
        assert_eq!(kind(405, ""), Some(K::MethodNotAllowed));
        assert_eq!(
            kind(
                400,
                "Json deserialize error: expected value at line 1 column 1"
            ),
            Some(K::InvalidJson)
        );
        assert_eq!(
            kind(
                400,
                "Json deserialize error: missing field `name` at line 1 column 2"
            ),
            Some(K::JsonData)
        );
        assert_eq!(
            kind(400, "Content type error"),
            Some(K::MissingJsonContentType)
        );
        assert_eq!(
            kind(415, "Content type error."),
            Some(K::MissingFormContentType)
        );
        assert_eq!(
            kind(400, "Path deserialize error: can not parse \"a\" to a u64"),
            Some(K::InvalidPath)
        );
        assert_eq!(
            kind(400, "Query deserialize error: missing field `q`"),
            Some(K::InvalidQuery)
        );
        assert_eq!(kind(400, "Parse error: x."), Some(K::FormData));
        assert_eq!(
            kind(400, "Error that occur during reading payload: x"),
            Some(K::UnreadableBody)
        );
        assert_eq!(kind(404, ""), None);
        // The same words under another status are not the same rejection.
        assert_eq!(kind(500, "Failed to parse the request body as JSON"), None);
        assert_eq!(kind(404, "user 7 not found"), None);
        assert_eq!(kind(400, "bad"), None);
        assert_eq!(kind(422, "the order failed validation"), None);
        assert_eq!(kind(415, "use XML"), None);
    }

    #[test]
    fn an_empty_or_overlong_detail_leaves_the_description() {
        let description = RejectionKind::JsonData.info().description();
        assert_eq!(
            Rejection::new(RejectionKind::JsonData, "  ").detail(),
            description
        );
        let long = "x".repeat(1025);
        assert_eq!(
            Rejection::new(RejectionKind::JsonData, long).detail(),
            description
        );
        let longest = "x".repeat(1024);
        assert_eq!(
            Rejection::new(RejectionKind::JsonData, longest.clone()).detail(),
            longest
        );
    }

    fn pointers(text: &str) -> Vec<(String, String)> {
        json_data_errors(text)
            .iter()
            .map(|v| (v.pointer.to_string(), v.detail.clone()))
            .collect()
    }

    fn one(pointer: &str, detail: &str) -> Vec<(String, String)> {
        vec![(pointer.to_owned(), detail.to_owned())]
    }

    #[test]
    fn axum_s_path_becomes_the_pointer() {
        let axum = |rest: &str| format!("{AXUM_JSON_DATA}{rest}");
        assert_eq!(
            pointers(&axum(
                "grid[0][2].cell: invalid type: null, expected u8 at line 1 column 9"
            )),
            one("#/grid/0/2/cell", "invalid type: null, expected u8")
        );
        assert_eq!(
            pointers(&axum("user: missing field `name` at line 1 column 11")),
            one("#/user/name", "missing field `name`")
        );
        // No path: the body itself, where a missing field is a member of it.
        assert_eq!(
            pointers(&axum("missing field `name` at line 1 column 2")),
            one("#/name", "missing field `name`")
        );
        assert_eq!(
            pointers(&axum(
                "invalid type: integer `1`, expected a map at line 1 column 1"
            )),
            one("#", "invalid type: integer `1`, expected a map")
        );
        // Keys serde_path_to_error cannot write unambiguously stay with the body.
        assert_eq!(
            pointers(&axum("first name: invalid length 0 at line 1 column 2")),
            one("#", "first name: invalid length 0")
        );
        assert_eq!(
            pointers(&axum("a[x]: invalid value")),
            one("#", "a[x]: invalid value")
        );
    }

    #[test]
    fn other_texts_point_at_the_whole_body() {
        assert_eq!(
            pointers("Json deserialize error: unknown field `x`, expected `a` at line 1 column 4"),
            one("#", "unknown field `x`, expected `a`")
        );
        assert_eq!(pointers("at line 3"), one("#", "at line 3"));
        assert_eq!(
            pointers("x at line 1 column two"),
            one("#", "x at line 1 column two")
        );
    }

    #[test]
    fn a_json_data_rejection_always_says_where() {
        let decoded = Rejection::of(RejectionKind::JsonData);
        let body: serde_json::Value = serde_json::from_slice(&decoded.body()).unwrap();
        assert_eq!(body["errors"][0]["pointer"], "#");
        assert_eq!(body["errors"][0]["detail"], decoded.detail());
        let other = Rejection::of(RejectionKind::InvalidJson);
        let body: serde_json::Value = serde_json::from_slice(&other.body()).unwrap();
        assert!(body.get("errors").is_none());
    }
}
