//! Invalid input, in the shape RFC 9457 §3 shows: an `errors` member listing each place the
//! input is wrong, as a JSON Pointer into the request body and what is wrong there.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Every place a request's input is wrong: the `errors` member of a 400 or 422, as RFC 9457
/// §3 shows it.
///
/// ```json
/// "errors": [
///   {"detail": "must be a positive integer", "pointer": "#/age"},
///   {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"}
/// ]
/// ```
///
/// Send it as an extension member of the variant that reports invalid input:
///
/// ```
/// use status_core::{ApiStatus, Pointer, Violations};
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     #[status(422, message = "the request body is invalid")]
///     Invalid {
///         #[status(extension)]
///         errors: Violations,
///     },
/// }
///
/// let mut errors = Violations::new();
/// errors.push(Pointer::field("age"), "must be a positive integer");
/// errors.push(Pointer::root().key("profile").key("color"), "must be 'green', 'red' or 'blue'");
///
/// let problem = ApiError::Invalid { errors }.problem();
/// assert_eq!(
///     problem.extensions()["errors"],
///     serde_json::json!([
///         {"detail": "must be a positive integer", "pointer": "#/age"},
///         {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"},
///     ])
/// );
/// ```
///
/// With the `validator` or `garde` feature, a failed validation converts into it; the JSON
/// rejections of axum and actix-web carry one that names the field serde could not read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

/// One place where the input is wrong, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    /// Where: a JSON Pointer into the request body.
    pub pointer: Pointer,
    /// What is wrong, for the client's user: "must be a positive integer".
    pub detail: String,
}

/// A JSON Pointer (RFC 6901) in its URI fragment form, as RFC 9457 writes it: `#` for the
/// whole body, `#/items/0/name` for a member of an element of a list.
///
/// Each key is escaped as RFC 6901 requires (`~` as `~0`, `/` as `~1`), so that the text
/// after the `#` is the JSON Pointer that `serde_json::Value::pointer` resolves. Other
/// characters are written as they are, as RFC 9457's examples are, not percent-encoded.
///
/// ```
/// use status_core::Pointer;
///
/// let pointer = Pointer::root().key("items").index(0).key("a/b~c");
/// assert_eq!(pointer.as_str(), "#/items/0/a~1b~0c");
/// assert_eq!(pointer.keys().collect::<Vec<_>>(), ["items", "0", "a/b~c"]);
///
/// let body = serde_json::json!({"items": [{"a/b~c": 7}]});
/// assert_eq!(body.pointer(&pointer.as_str()[1..]), Some(&serde_json::json!(7)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(Cow<'static, str>);

impl Violations {
    /// No violations yet.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds that the input at `pointer` is wrong, as `detail` says.
    pub fn push(&mut self, pointer: Pointer, detail: impl Into<String>) -> &mut Self {
        self.0.push(Violation {
            pointer,
            detail: detail.into(),
        });
        self
    }

    /// These violations, with each pointer moved under `prefix`: the violations of a nested
    /// value, placed where it stands in the whole body.
    ///
    /// ```
    /// use status_core::{Pointer, Violations};
    ///
    /// let mut address = Violations::new();
    /// address.push(Pointer::field("zip"), "must have 5 digits");
    /// let nested = address.under(&Pointer::field("addresses").index(1));
    /// assert_eq!(nested.iter().next().unwrap().pointer.as_str(), "#/addresses/1/zip");
    /// ```
    #[must_use]
    pub fn under(self, prefix: &Pointer) -> Self {
        self.0
            .into_iter()
            .map(|violation| Violation {
                pointer: prefix.join(&violation.pointer),
                detail: violation.detail,
            })
            .collect()
    }

    /// Whether there are none: the input is valid.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Each violation, in the order they were added.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(violations: I) -> Self {
        Self(violations.into_iter().collect())
    }
}

impl Extend<Violation> for Violations {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, violations: I) {
        self.0.extend(violations);
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Pointer {
    /// The whole body: `#`.
    #[must_use]
    pub const fn root() -> Self {
        Self(Cow::Borrowed("#"))
    }

    /// A member of the body: `#/name`.
    #[must_use]
    pub fn field(name: &str) -> Self {
        Self::root().key(name)
    }

    /// The member `key` of the value this points at.
    #[must_use]
    pub fn key(self, key: &str) -> Self {
        let mut text = self.0.into_owned();
        text.reserve(key.len() + 1);
        text.push('/');
        for c in key.chars() {
            match c {
                '~' => text.push_str("~0"),
                '/' => text.push_str("~1"),
                c => text.push(c),
            }
        }
        Self(Cow::Owned(text))
    }

    /// The element `index` of the list this points at.
    #[must_use]
    pub fn index(self, index: usize) -> Self {
        let mut text = self.0.into_owned();
        text.push('/');
        text.push_str(&index.to_string());
        Self(Cow::Owned(text))
    }

    /// The pointer `text` (`#/items/0`), if it is one: it starts with `#`, and each `~` in it
    /// escapes `0` or `1`.
    ///
    /// ```
    /// use status_core::Pointer;
    ///
    /// assert_eq!(Pointer::parse("#/items/0"), Some(Pointer::field("items").index(0)));
    /// assert_eq!(Pointer::parse("/items"), None);
    /// assert_eq!(Pointer::parse("#/a~2"), None);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let rest = text.strip_prefix('#')?;
        if !rest.is_empty() && !rest.starts_with('/') {
            return None;
        }
        let mut escapes = rest.split('~').skip(1);
        escapes
            .all(|after| after.starts_with(['0', '1']))
            .then(|| Self(Cow::Owned(text.to_owned())))
    }

    /// The pointer as it is written: `#/items/0/name`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Each key on the way, unescaped: `items`, `0`, `name`.
    pub fn keys(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.0.split('/').skip(1).map(|key| {
            if key.contains('~') {
                Cow::Owned(key.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(key)
            }
        })
    }

    /// `other`, taken from where this points.
    #[must_use]
    pub fn join(&self, other: &Pointer) -> Pointer {
        let mut text = self.0.clone().into_owned();
        text.push_str(&other.0[1..]);
        Self(Cow::Owned(text))
    }
}

impl Default for Pointer {
    fn default() -> Self {
        Self::root()
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Violations {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.0)
    }
}

impl<'de> Deserialize<'de> for Violations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Self)
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("Violation", 2)?;
        item.serialize_field("detail", &self.detail)?;
        item.serialize_field("pointer", &self.pointer)?;
        item.end()
    }
}

impl<'de> Deserialize<'de> for Violation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ViolationVisitor)
    }
}

struct ViolationVisitor;

impl<'de> Visitor<'de> for ViolationVisitor {
    type Value = Violation;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object with `detail` and `pointer`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Violation, A::Error> {
        let (mut detail, mut pointer) = (None, None);
        while let Some(name) = members.next_key::<Cow<'de, str>>()? {
            match &*name {
                "detail" => detail = Some(members.next_value::<String>()?),
                "pointer" => pointer = Some(members.next_value::<Pointer>()?),
                // Another server may say more about each item.
                _ => {
                    members.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Violation {
            detail: detail.ok_or_else(|| de::Error::missing_field("detail"))?,
            pointer: pointer.ok_or_else(|| de::Error::missing_field("pointer"))?,
        })
    }
}

impl Serialize for Pointer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Pointer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        Pointer::parse(&text).ok_or_else(|| {
            de::Error::invalid_value(
                de::Unexpected::Str(&text),
                &"a JSON Pointer fragment: `#/name`",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trips_as_rfc_9457_shows_it() {
        let mut errors = Violations::new();
        errors
            .push(Pointer::field("age"), "must be a positive integer")
            .push(Pointer::root(), "must be an object");
        let json = serde_json::to_value(&errors).unwrap();
        assert_eq!(
            json,
            json!([
                {"detail": "must be a positive integer", "pointer": "#/age"},
                {"detail": "must be an object", "pointer": "#"},
            ])
        );
        assert_eq!(serde_json::from_value::<Violations>(json).unwrap(), errors);
    }

    #[test]
    fn reads_items_with_more_members_and_refuses_what_is_not_a_pointer() {
        let read: Violations = serde_json::from_value(json!([
            {"pointer": "#/a", "detail": "x", "reason": "too_small"}
        ]))
        .unwrap();
        assert_eq!(read.iter().next().unwrap().pointer, Pointer::field("a"));
        for bad in [
            json!([{"detail": "x", "pointer": "/a"}]),
            json!([{"detail": "x"}]),
            json!([{"pointer": "#/a"}]),
            json!({"a": "x"}),
        ] {
            assert!(
                serde_json::from_value::<Violations>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn parse_accepts_what_key_writes() {
        let pointer = Pointer::root().key("").key("~/").index(3).key("ü");
        assert_eq!(pointer.as_str(), "#//~0~1/3/ü");
        assert_eq!(Pointer::parse(pointer.as_str()), Some(pointer.clone()));
        assert_eq!(pointer.keys().collect::<Vec<_>>(), ["", "~/", "3", "ü"]);
        assert_eq!(Pointer::parse("#"), Some(Pointer::root()));
        for bad in ["", "a", "#a", "#/~", "#/~x"] {
            assert_eq!(Pointer::parse(bad), None, "{bad}");
        }
    }
}
