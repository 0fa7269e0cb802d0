//! A problem body read for decoding only: the members `FromProblem` matches on, borrowed from
//! the body, and every extension member kept as its JSON text until a field asks for it.
//!
//! Reading a whole [`Problem`](crate::Problem) builds a `serde_json::Value` of every
//! extension member, which a decoded field is then deserialized from and which is dropped
//! after: a third of the cost of decoding. This view reads a member's text once, into the
//! field's own type. It follows `Problem`'s rules, so that what decodes from it decodes from
//! the `Problem` too: a member given twice counts as its last occurrence, and a standard
//! member of the wrong JSON type counts as absent.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// The members of a problem body that decoding reads.
#[derive(Debug, Default)]
pub(crate) struct ProblemView<'a> {
    pub(crate) status: Option<u16>,
    pub(crate) code: Option<Cow<'a, str>>,
    pub(crate) detail: Option<Cow<'a, str>>,
    /// Every other member but the standard ones, in body order, as JSON text.
    members: Vec<(Cow<'a, str>, &'a RawValue)>,
}

impl<'a> ProblemView<'a> {
    /// The view of `body`, or `None` if it is not a JSON object.
    pub(crate) fn parse(body: &'a [u8]) -> Option<Self> {
        serde_json::from_slice(body).ok()
    }

    /// The extension member `name` as a `T`; an absent member reads as `null`.
    pub(crate) fn member<T: de::DeserializeOwned>(&self, name: &str) -> Option<T> {
        let text = self
            .members
            .iter()
            .rev()
            .find(|(member, _)| member == name)
            .map_or("null", |(_, value)| value.get());
        serde_json::from_str(text).ok()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for ProblemView<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ViewVisitor(std::marker::PhantomData))
    }
}

struct ViewVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ViewVisitor<'a> {
    type Value = ProblemView<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut view = ProblemView::default();
        while let Some(Text(name)) = map.next_key::<Text<'a>>()? {
            match &*name {
                // Not read by decoding. Taken as raw text, not skipped, which would not check
                // that a string is UTF-8, as a `Problem` does.
                "type" | "title" | "instance" => {
                    map.next_value::<&RawValue>()?;
                }
                "status" => {
                    view.status = match map.next_value()? {
                        Scalar::Unsigned(n) => u16::try_from(n).ok(),
                        _ => None,
                    };
                }
                "detail" => view.detail = map.next_value::<Scalar>()?.text(),
                // A `code` that is not a string is another server's extension, which no
                // variant's code matches.
                "code" => view.code = map.next_value::<Scalar>()?.text(),
                _ => view.members.push((name, map.next_value()?)),
            }
        }
        Ok(view)
    }
}

/// A string, borrowed from the body where it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor(std::marker::PhantomData))
    }
}

struct TextVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for TextVisitor<'a> {
    type Value = Text<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Text(Cow::Owned(text.to_owned())))
    }
}

/// A standard member's value: the text or number it should be, or anything else (also read
/// by the client's one-pass reader, `client::pull`).
pub(crate) enum Scalar<'a> {
    Text(Cow<'a, str>),
    Unsigned(u64),
    Other,
}

impl<'a> Scalar<'a> {
    fn text(self) -> Option<Cow<'a, str>> {
        match self {
            Scalar::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor(std::marker::PhantomData))
    }
}

struct ScalarVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ScalarVisitor<'a> {
    type Value = Scalar<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(text.to_owned())))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Unsigned(n))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    // Their parts as raw text, for the same check of UTF-8.
    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
        while items.next_element::<&RawValue>()?.is_some() {}
        Ok(Scalar::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Self::Value, A::Error> {
        while members.next_entry::<Text, &RawValue>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_a_problem_does() {
        let body = br#"{"type":"/p","status":404,"detail":"a \"b\"","code":"x","id":7,
            "status":"404","code":"y","id":8,"list":[1,{"a":null}]}"#;
        let view = ProblemView::parse(body).unwrap();
        let problem: crate::Problem = serde_json::from_slice(body).unwrap();
        // The last occurrence counts; a status of the wrong type is absent.
        assert_eq!(view.status, problem.status());
        assert_eq!(view.status, None);
        assert_eq!(view.code.as_deref(), problem.code());
        assert_eq!(view.detail.as_deref(), problem.detail());
        assert_eq!(view.detail.as_deref(), Some("a \"b\""));
        assert_eq!(view.member::<u64>("id"), Some(8));
        assert_eq!(
            view.member::<serde_json::Value>("list"),
            problem.extensions().get("list").cloned()
        );
        assert_eq!(view.member::<Option<u64>>("absent"), Some(None));
    }

    #[test]
    fn a_code_that_is_not_text_matches_nothing() {
        let view = ProblemView::parse(br#"{"code":"x","code":5,"detail":{"a":[1]}}"#).unwrap();
        assert_eq!(view.code, None);
        assert_eq!(view.detail, None);
    }

    #[test]
    fn only_a_json_object_of_utf_8_is_a_view() {
        let not_json = [
            &b"[]"[..],
            b"\"text\"",
            b"{\"a\":1",
            b"{\"a\":1} x",
            b"",
            b"<html>",
        ];
        // Invalid UTF-8 wherever a string may stand: a skipped member, inside a standard
        // member of the wrong type, an extension member.
        let not_utf8 = [
            &b"{\"title\":\"\xa0\"}"[..],
            b"{\"detail\":[\"\xa0\"]}",
            b"{\"code\":{\"\xa0\":1}}",
            b"{\"id\":\"\xa0\"}",
        ];
        for body in not_json.into_iter().chain(not_utf8) {
            assert!(ProblemView::parse(body).is_none(), "{body:?}");
            assert!(
                serde_json::from_slice::<crate::Problem>(body).is_err(),
                "{body:?}"
            );
        }
    }

    /// What a `Value` cannot hold, a view reads past: such a member fails only the field
    /// that reads it.
    #[test]
    fn a_member_beyond_a_value_fails_only_its_field() {
        let beyond = [
            ("huge", "1e400".to_owned()),
            ("deep", format!("{}{}", "[".repeat(200), "]".repeat(200))),
        ];
        for (name, value) in beyond {
            let body = format!(r#"{{"code":"x","{name}":{value}}}"#);
            assert!(serde_json::from_slice::<crate::Problem>(body.as_bytes()).is_err());
            let view = ProblemView::parse(body.as_bytes()).unwrap();
            assert_eq!(view.code.as_deref(), Some("x"));
            assert_eq!(view.member::<serde_json::Value>(name), None);
            assert_eq!(view.member::<Option<u8>>("other"), Some(None));
        }
    }
}
