//! The response envelope: RFC 9457 Problem Details, the problem type URIs it names, a borrowed
//! view of a body for decoding, and the `errors` member of input errors.

use std::borrow::Cow;
use std::fmt;

use http::StatusCode;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::status::registry::with_meaning;
use crate::RegisteredStatus;

pub(crate) mod type_uri;
pub(crate) mod view;
pub(crate) mod violations;
mod xml;

/// The media type of a Problem Details body (RFC 9457 section 3).
///
/// ```
/// assert_eq!(status_core::PROBLEM_JSON, "application/problem+json");
/// ```
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Whether a `Content-Type` value is `application/problem+json`, parameters aside: the bodies
/// `instance` is added to, and those the frameworks' error layers pass as they are.
/// Read as bytes, so a header value is taken as it is (`&str` or `HeaderValue`).
pub(crate) fn is_problem<V: AsRef<[u8]> + ?Sized>(content_type: Option<&V>) -> bool {
    let Some(value) = content_type else {
        return false;
    };
    let is_space = |b: &u8| *b == b' ' || *b == b'\t';
    let value = value.as_ref();
    let start = value
        .iter()
        .position(|b| !is_space(b))
        .unwrap_or(value.len());
    let end = start + PROBLEM_JSON.len();
    let Some(essence) = value.get(start..end) else {
        return false;
    };
    essence.eq_ignore_ascii_case(PROBLEM_JSON.as_bytes())
        && value[end..]
            .iter()
            .find(|b| !is_space(b))
            .map_or(true, |&b| b == b';')
}

/// The `type` a problem has when it names none (RFC 9457 section 4.2.1).
///
/// ```
/// assert_eq!(status_core::Problem::new(http::StatusCode::NOT_FOUND).type_uri(), status_core::ABOUT_BLANK);
/// ```
pub const ABOUT_BLANK: &str = "about:blank";

/// The members a [`Problem`] holds itself: RFC 9457's five and the `code` this crate adds.
/// `ApiStatus::body` writes them itself too; an extension never takes one of these names.
pub(crate) const STANDARD_MEMBERS: [&str; 6] =
    ["type", "title", "status", "detail", "instance", "code"];

/// An RFC 9457 Problem Details object: the body of every error response this crate builds.
///
/// It serializes to and deserializes from JSON with serde, so clients can parse the bodies
/// servers send. Members other than the standard ones are kept as extensions and survive a
/// round trip; a standard member of the wrong JSON type is ignored, as RFC 9457 section 3.1
/// requires.
///
/// ```
/// use http::StatusCode;
/// use status_core::Problem;
///
/// let problem = Problem::new(StatusCode::NOT_FOUND)
///     .with_detail("No user with id 42 exists.")
///     .with_code("user_not_found")
///     .with_extension("user_id", 42);
/// let json = serde_json::to_string(&problem).unwrap();
/// assert_eq!(
///     json,
///     r#"{"title":"Not Found","status":404,"detail":"No user with id 42 exists.","code":"user_not_found","user_id":42}"#,
/// );
/// assert_eq!(serde_json::from_str::<Problem>(&json).unwrap(), problem);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    type_uri: Option<Cow<'static, str>>,
    title: Option<Cow<'static, str>>,
    pub(crate) status: Option<u16>,
    detail: Option<Cow<'static, str>>,
    instance: Option<Cow<'static, str>>,
    code: Option<Cow<'static, str>>,
    extensions: Map<String, Value>,
}

impl Problem {
    /// A problem for `status`, titled with its reason phrase.
    ///
    /// The title is the catalog's reason for a documented code and the IANA registry's
    /// otherwise; a code with no registered reason gets no title.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::CONFLICT);
    /// assert_eq!(problem.title(), Some("Conflict"));
    /// assert_eq!(problem.status(), Some(409));
    /// ```
    #[must_use]
    pub fn new(status: StatusCode) -> Self {
        Self {
            title: reason_phrase(status).map(Cow::Borrowed),
            status: Some(status.as_u16()),
            ..Self::default()
        }
    }

    /// Sets `type`, a URI that identifies the kind of problem.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::FORBIDDEN)
    ///     .with_type("https://example.com/problems/out-of-credit");
    /// assert_eq!(problem.type_uri(), "https://example.com/problems/out-of-credit");
    /// ```
    #[must_use]
    pub fn with_type(mut self, type_uri: impl Into<Cow<'static, str>>) -> Self {
        self.type_uri = Some(type_uri.into());
        self
    }

    /// Sets `title`, a short summary of the kind of problem.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::FORBIDDEN).with_title("Out of credit");
    /// assert_eq!(problem.title(), Some("Out of credit"));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<Cow<'static, str>>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets `detail`, the explanation of this occurrence for a human reader.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::NOT_FOUND).with_detail("no such user");
    /// assert_eq!(problem.detail(), Some("no such user"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`, a URI that identifies this occurrence.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::NOT_FOUND).with_instance("/users/42");
    /// assert_eq!(problem.instance(), Some("/users/42"));
    /// ```
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<Cow<'static, str>>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Sets `code`, the machine-readable error code clients match on.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::NOT_FOUND).with_code("user_not_found");
    /// assert_eq!(problem.code(), Some("user_not_found"));
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<Cow<'static, str>>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Adds the extension member `name`.
    ///
    /// A standard member's name (`type`, `title`, `status`, `detail`, `instance`, `code`) is
    /// not an extension: use the matching setter instead; such a call changes nothing.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::TOO_MANY_REQUESTS)
    ///     .with_extension("limit", 100)
    ///     .with_extension("status", "ignored");
    /// assert_eq!(problem.extensions()["limit"], 100);
    /// assert_eq!(problem.status(), Some(429));
    /// assert!(!problem.extensions().contains_key("status"));
    /// ```
    #[must_use]
    pub fn with_extension(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.insert_extension(name, value);
        self
    }

    /// Adds or replaces the extension member `name`, returning whether it was taken.
    ///
    /// Returns `false`, changing nothing, for a standard member's name.
    ///
    /// ```
    /// let mut problem = status_core::Problem::new(http::StatusCode::BAD_REQUEST);
    /// assert!(problem.insert_extension("errors", serde_json::json!({"email": ["is taken"]})));
    /// assert!(!problem.insert_extension("title", "no"));
    /// ```
    pub fn insert_extension(&mut self, name: impl Into<String>, value: impl Into<Value>) -> bool {
        let name = name.into();
        if STANDARD_MEMBERS.contains(&name.as_str()) {
            return false;
        }
        self.extensions.insert(name, value.into());
        true
    }

    /// The `type` URI, `"about:blank"` when none was given.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::NOT_FOUND);
    /// assert_eq!(problem.type_uri(), "about:blank");
    /// ```
    #[must_use]
    pub fn type_uri(&self) -> &str {
        self.type_uri.as_deref().unwrap_or(ABOUT_BLANK)
    }

    /// The `title`, if any.
    ///
    /// ```
    /// assert_eq!(status_core::Problem::new(http::StatusCode::NOT_FOUND).title(), Some("Not Found"));
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The `status` member, if any; advisory, the status line is what counts.
    ///
    /// ```
    /// assert_eq!(status_core::Problem::new(http::StatusCode::NOT_FOUND).status(), Some(404));
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The `detail`, if any.
    ///
    /// ```
    /// assert_eq!(status_core::Problem::new(http::StatusCode::NOT_FOUND).detail(), None);
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The `instance` URI, if any.
    ///
    /// ```
    /// assert_eq!(status_core::Problem::new(http::StatusCode::NOT_FOUND).instance(), None);
    /// ```
    #[must_use]
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The machine-readable `code`, if any.
    ///
    /// ```
    /// assert_eq!(status_core::Problem::new(http::StatusCode::NOT_FOUND).code(), None);
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The extension members, by name.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::NOT_FOUND).with_extension("id", 7);
    /// assert_eq!(problem.extensions().len(), 1);
    /// ```
    #[must_use]
    pub fn extensions(&self) -> &Map<String, Value> {
        &self.extensions
    }

    /// The JSON body, as bytes.
    ///
    /// ```
    /// let body = status_core::Problem::new(http::StatusCode::NOT_FOUND).to_json();
    /// assert_eq!(body, br#"{"title":"Not Found","status":404}"#);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing strings, numbers and `Value`s into a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

impl Problem {
    /// The problem for an error response a framework made itself: an unknown route, a
    /// rejected body, a payload too large.
    ///
    /// The framework's plain-text `body` becomes the detail of a 4xx (it explains what the
    /// client did wrong); a 5xx gets the registry's text instead, so nothing internal leaks.
    ///
    /// ```
    /// use http::StatusCode;
    /// use status_core::Problem;
    ///
    /// let problem = Problem::from_framework_error(StatusCode::PAYLOAD_TOO_LARGE, b"body over 2 MB");
    /// assert_eq!(problem.code(), Some("content_too_large"));
    /// assert_eq!(problem.detail(), Some("body over 2 MB"));
    ///
    /// let problem = Problem::from_framework_error(StatusCode::INTERNAL_SERVER_ERROR, b"panic at db.rs:12");
    /// assert_eq!(problem.detail(), Some(status_core::Status::InternalServerError.description()));
    /// ```
    #[must_use]
    pub fn from_framework_error(status: StatusCode, body: &[u8]) -> Self {
        let registered = with_meaning(status.as_u16());
        let code = registered
            .and_then(RegisteredStatus::default_code)
            .unwrap_or("error");
        let fallback = registered.map(|entry| Cow::Borrowed(entry.description()));
        let text = std::str::from_utf8(body).unwrap_or_default();
        let detail = match framework_message(text) {
            Some(message) if status.is_client_error() => Some(Cow::Owned(message.to_owned())),
            _ => fallback,
        };
        Self {
            detail,
            code: Some(Cow::Borrowed(code)),
            ..Self::new(status)
        }
    }
}

/// A framework's error text, trimmed, where it is a short message worth showing as the
/// detail: not empty, and not so long that it is more than a message.
pub(crate) fn framework_message(text: &str) -> Option<&str> {
    const MAX_DETAIL: usize = 1024;
    let text = text.trim();
    (!text.is_empty() && text.len() <= MAX_DETAIL).then_some(text)
}

/// The reason phrase of `status`, as IANA's registry gives it (RFC 9110's names: `Content Too
/// Large`, `Unprocessable Content`); `None` for a code the registry lacks or leaves unused.
///
/// ```
/// use http::StatusCode;
///
/// assert_eq!(status_core::reason_phrase(StatusCode::NOT_FOUND), Some("Not Found"));
/// assert_eq!(status_core::reason_phrase(StatusCode::UNPROCESSABLE_ENTITY), Some("Unprocessable Content"));
/// assert_eq!(status_core::reason_phrase(StatusCode::IM_A_TEAPOT), None);
/// assert_eq!(status_core::reason_phrase(StatusCode::from_u16(599).unwrap()), None);
/// ```
#[must_use]
pub fn reason_phrase(status: StatusCode) -> Option<&'static str> {
    with_meaning(status.as_u16()).map(RegisteredStatus::reason)
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(type_uri) = &self.type_uri {
            map.serialize_entry("type", type_uri)?;
        }
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", &status)?;
        }
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        for (name, value) in &self.extensions {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Problem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ProblemVisitor)
    }
}

/// Reads a body's members in one pass: a standard member straight into its field, only the
/// others into the extension map, which so never holds, then loses, the standard ones.
struct ProblemVisitor;

impl<'de> Visitor<'de> for ProblemVisitor {
    type Value = Problem;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a map")
    }

    // As `serde_json::Map` reads it, for a format whose empty map is a unit.
    fn visit_unit<E: de::Error>(self) -> Result<Problem, E> {
        Ok(Problem::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Problem, A::Error> {
        // A member given twice counts as its last occurrence, as in a map, so each one sets
        // (or clears) its field. A standard member of the wrong JSON type is ignored; it is
        // still read as a `Value`, so that the body's syntax is checked exactly as an
        // extension's would be.
        let text = |value: Value| match value {
            Value::String(text) => Some(Cow::Owned(text)),
            _ => None,
        };
        let mut problem = Problem::default();
        while let Some(name) = members.next_key::<MemberName>()? {
            match name {
                MemberName::Type => problem.type_uri = text(members.next_value()?),
                MemberName::Title => problem.title = text(members.next_value()?),
                MemberName::Detail => problem.detail = text(members.next_value()?),
                MemberName::Instance => problem.instance = text(members.next_value()?),
                MemberName::Status => {
                    problem.status = match members.next_value()? {
                        Value::Number(n) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
                        _ => None,
                    };
                }
                // `code` is this crate's extension: another server's non-string `code` stays
                // an extension.
                MemberName::Code => match members.next_value()? {
                    Value::String(code) => {
                        problem.code = Some(Cow::Owned(code));
                        problem.extensions.remove("code");
                    }
                    other => {
                        problem.code = None;
                        problem.extensions.insert("code".to_owned(), other);
                    }
                },
                MemberName::Extension(name) => {
                    problem.extensions.insert(name, members.next_value()?);
                }
            }
        }
        Ok(problem)
    }
}

/// A member's name, read without allocating for the standard ones.
enum MemberName {
    Type,
    Title,
    Status,
    Detail,
    Instance,
    Code,
    Extension(String),
}

impl MemberName {
    fn standard(name: &str) -> Option<Self> {
        Some(match name {
            "type" => Self::Type,
            "title" => Self::Title,
            "status" => Self::Status,
            "detail" => Self::Detail,
            "instance" => Self::Instance,
            "code" => Self::Code,
            _ => return None,
        })
    }
}

impl<'de> Deserialize<'de> for MemberName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // As a `String` key is read, so that a format accepts the same keys as before.
        deserializer.deserialize_string(MemberNameVisitor)
    }
}

struct MemberNameVisitor;

impl Visitor<'_> for MemberNameVisitor {
    type Value = MemberName;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<MemberName, E> {
        Ok(MemberName::standard(name).unwrap_or_else(|| MemberName::Extension(name.to_owned())))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<MemberName, E> {
        Ok(MemberName::standard(&name).unwrap_or(MemberName::Extension(name)))
    }

    fn visit_bytes<E: de::Error>(self, name: &[u8]) -> Result<MemberName, E> {
        match std::str::from_utf8(name) {
            Ok(name) => self.visit_str(name),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(name), &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Status;
    use serde_json::json;

    #[test]
    fn a_problem_is_told_by_its_media_type_alone() {
        assert!(is_problem(Some("application/problem+json")));
        assert!(is_problem(Some("Application/Problem+JSON; charset=utf-8")));
        assert!(is_problem(Some(" application/problem+json ;x=y")));
        assert!(!is_problem(Some("application/json")));
        assert!(!is_problem(Some("application/problem+jsonx")));
        assert!(!is_problem(Some("application/problem+js")));
        assert!(!is_problem(Some(&http::HeaderValue::from_static(
            "text/html"
        ))));
        assert!(!is_problem::<str>(None));
    }

    fn round_trip(problem: &Problem) -> Problem {
        serde_json::from_slice(&problem.to_json()).unwrap()
    }

    #[test]
    fn members_serialize_in_rfc_order_and_omit_absent_ones() {
        let problem = Problem::new(StatusCode::NOT_FOUND)
            .with_type("https://example.com/not-found")
            .with_detail("gone")
            .with_instance("/a")
            .with_code("nf");
        assert_eq!(
            String::from_utf8(problem.to_json()).unwrap(),
            r#"{"type":"https://example.com/not-found","title":"Not Found","status":404,"detail":"gone","instance":"/a","code":"nf"}"#
        );
        assert_eq!(Problem::default().to_json(), b"{}");
    }

    #[test]
    fn round_trip_keeps_every_member() {
        let problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY)
            .with_type("https://example.com/validation")
            .with_detail("2 fields failed")
            .with_instance("/signup")
            .with_code("invalid")
            .with_extension(
                "errors",
                json!({"email": ["is taken"], "age": ["must be >= 18"]}),
            );
        assert_eq!(round_trip(&problem), problem);
    }

    #[test]
    fn unknown_members_survive_a_round_trip() {
        let body = r#"{"title":"Teapot","status":418,"balance":30,"accounts":["/a/1",{"x":null}],"nested":{"deep":[1.5,true]}}"#;
        let problem: Problem = serde_json::from_str(body).unwrap();
        assert_eq!(problem.extensions()["balance"], 30);
        assert_eq!(problem.extensions()["nested"], json!({"deep": [1.5, true]}));
        let again: Value = serde_json::from_slice(&problem.to_json()).unwrap();
        assert_eq!(again, serde_json::from_str::<Value>(body).unwrap());
    }

    #[test]
    fn detail_with_quotes_newlines_control_characters_and_non_ascii_round_trips() {
        let detail = "say \"hi\"\\ \n\r\t\u{0}\u{1f}\u{7f} naïve 日本語 🚀 \u{2028}";
        let problem = Problem::new(StatusCode::BAD_REQUEST).with_detail(detail);
        let json = problem.to_json();
        assert!(!json.contains(&b'\n'), "raw newline in {json:?}");
        assert!(!json.contains(&0), "raw NUL in {json:?}");
        let back = round_trip(&problem);
        assert_eq!(back.detail(), Some(detail));
        assert_eq!(back, problem);
    }

    #[test]
    fn missing_type_means_about_blank() {
        let problem: Problem = serde_json::from_str(r#"{"status":404}"#).unwrap();
        assert_eq!(problem.type_uri(), ABOUT_BLANK);
        let explicit: Problem = serde_json::from_str(r#"{"type":"about:blank"}"#).unwrap();
        assert_eq!(explicit.type_uri(), ABOUT_BLANK);
        assert_eq!(explicit.to_json(), br#"{"type":"about:blank"}"#);
    }

    #[test]
    fn a_framework_error_body_is_the_detail_only_when_it_is_a_short_client_message() {
        let detail = |status: StatusCode, body: &str| {
            Problem::from_framework_error(status, body.as_bytes())
                .detail()
                .map(str::to_owned)
        };
        let bad_request = Status::BadRequest.description().to_owned();
        assert_eq!(
            detail(StatusCode::BAD_REQUEST, " missing field `id` \n").as_deref(),
            Some("missing field `id`")
        );
        assert_eq!(
            detail(StatusCode::BAD_REQUEST, "  "),
            Some(bad_request.clone())
        );
        assert_eq!(
            detail(StatusCode::BAD_REQUEST, &"x".repeat(1025)),
            Some(bad_request)
        );
        assert_eq!(
            detail(StatusCode::BAD_REQUEST, &"x".repeat(1024)),
            Some("x".repeat(1024))
        );
        assert_eq!(
            detail(StatusCode::BAD_GATEWAY, "upstream 10.0.0.7 refused"),
            Some(Status::BadGateway.description().to_owned())
        );
    }

    #[test]
    fn standard_members_are_read_back() {
        let body =
            r#"{"type":"/p/x","title":"X","status":409,"detail":"d","instance":"/i","code":"c"}"#;
        let problem: Problem = serde_json::from_str(body).unwrap();
        assert_eq!(problem.type_uri(), "/p/x");
        assert_eq!(problem.title(), Some("X"));
        assert_eq!(problem.status(), Some(409));
        assert_eq!(problem.detail(), Some("d"));
        assert_eq!(problem.instance(), Some("/i"));
        assert_eq!(problem.code(), Some("c"));
    }

    #[test]
    fn standard_members_of_the_wrong_type_are_ignored() {
        let body =
            r#"{"type":7,"title":["x"],"status":"404","detail":null,"instance":{},"code":12}"#;
        let problem: Problem = serde_json::from_str(body).unwrap();
        assert_eq!(problem.type_uri(), ABOUT_BLANK);
        assert_eq!(problem.title(), None);
        assert_eq!(problem.status(), None);
        assert_eq!(problem.detail(), None);
        assert_eq!(problem.instance(), None);
        assert_eq!(problem.code(), None);
        // Another server's numeric `code` is its own extension, kept as is.
        assert_eq!(problem.extensions()["code"], 12);
        assert_eq!(problem.extensions().len(), 1);
    }

    #[test]
    fn status_out_of_u16_range_is_ignored() {
        let problem: Problem = serde_json::from_str(r#"{"status":70000}"#).unwrap();
        assert_eq!(problem.status(), None);
        let problem: Problem = serde_json::from_str(r#"{"status":-1}"#).unwrap();
        assert_eq!(problem.status(), None);
    }

    #[test]
    fn a_body_that_is_not_an_object_is_an_error() {
        assert!(serde_json::from_str::<Problem>("[1,2]").is_err());
        assert!(serde_json::from_str::<Problem>(r#""not found""#).is_err());
    }

    #[test]
    fn extensions_cannot_shadow_standard_members() {
        let mut problem = Problem::new(StatusCode::NOT_FOUND);
        for name in STANDARD_MEMBERS {
            assert!(!problem.insert_extension(name, "x"));
        }
        assert!(problem.extensions().is_empty());
        assert_eq!(problem.to_json(), br#"{"title":"Not Found","status":404}"#);
    }

    #[test]
    fn title_comes_from_the_catalog_then_iana() {
        assert_eq!(
            Problem::new(StatusCode::TOO_MANY_REQUESTS).title(),
            Some("Too Many Requests")
        );
        assert_eq!(Problem::new(StatusCode::CONFLICT).title(), Some("Conflict"));
        assert_eq!(
            Problem::new(StatusCode::from_u16(499).unwrap()).title(),
            None
        );
    }
}
