//! Feeds arbitrary details, titles and extension members through a hand-written `ApiStatus`
//! impl: the one-pass `body()` must be valid JSON, equal as a `serde_json::Value` to
//! `problem()` serialized, and byte for byte `serde_json::to_vec(&problem())` whenever the
//! extension names it writes are distinct and sorted (a `Problem` keeps its extensions in a
//! `serde_json::Map`, sorted by name; `body()` writes them in the order they come).
//! Extension values cover every JSON type serde_json writes, 128-bit integers, `f32`, maps
//! with non-string keys, and values that fail to serialize (the member is then left out).
//!
//! `cargo fuzz run body` (from the repository root), or `bash fuzz/run.sh SECONDS`.
#![no_main]

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Result, Unstructured};
use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use status_core::{ApiStatus, Extensions, Problem, Table, VariantInfo};

/// Statuses with and without a catalog entry, an IANA reason phrase, or either.
const STATUSES: &[u16] = &[
    400, 401, 404, 405, 409, 418, 422, 429, 451, 499, 500, 503, 599, 100, 200, 999,
];
/// `with_type` takes `&'static str` URIs, checked in constant context: a fixed list.
const TYPES: &[Option<&str>] = &[
    None,
    Some("https://example.com/problems/out-of-credit"),
    Some("/problems#rate_limited"),
    Some("about:blank"),
    Some("urn:example:a&b'c=d?e%20f"),
];
/// Titles are escaped when the body writes them: quotes, controls, non-ASCII.
const TITLES: &[Option<&str>] = &[
    None,
    Some("You do not have enough credit"),
    Some("a \"quoted\" \\ title\n\t\u{0}\u{1f}\u{7f}"),
    Some("日本語 🚀 \u{2028}\u{2029}"),
    Some(""),
];
/// Codes are copied as they are; `with_code` refuses quotes, backslashes and controls.
const CODES: &[Option<&str>] = &[
    None,
    Some("user_not_found"),
    Some("é/日本 {x} <&'> \u{7f}"),
    Some(""),
];
/// (message, exposes fields): a static message is the detail, one that names fields is not.
const MESSAGES: &[Option<(&str, bool)>] = &[
    None,
    Some(("the \"cart\" is\ngone", false)),
    Some(("user {id} not found", true)),
];
const DESCRIPTIONS: &[Option<&str>] = &[None, Some("Edited \"meanwhile\".\r\n\\")];

/// Every combination of the lists above, built once.
fn rows() -> &'static [VariantInfo] {
    static ROWS: OnceLock<Vec<VariantInfo>> = OnceLock::new();
    ROWS.get_or_init(|| {
        let mut rows = Vec::new();
        for &status in STATUSES {
            for &type_uri in TYPES {
                for &title in TITLES {
                    for &code in CODES {
                        for &message in MESSAGES {
                            for &description in DESCRIPTIONS {
                                let mut row = VariantInfo::new("Fuzzed", status);
                                if let Some(type_uri) = type_uri {
                                    row = row.with_type(type_uri);
                                }
                                if let Some(title) = title {
                                    row = row.with_title(title);
                                }
                                if let Some(code) = code {
                                    row = row.with_code(code);
                                }
                                if let Some((message, exposes)) = message {
                                    row = row.with_message(message, exposes);
                                }
                                if let Some(description) = description {
                                    row = row.with_description(description);
                                }
                                rows.push(row);
                            }
                        }
                    }
                }
            }
        }
        rows
    })
}

/// How `write_detail` writes: the default, or pieces through each `fmt::Write` entry point,
/// possibly failing part-way (the body then falls back to the static detail).
#[derive(Debug, Arbitrary)]
enum Detail {
    Default,
    Pieces(Vec<Piece>),
    FailsAfter(Vec<Piece>),
}

#[derive(Debug, Arbitrary)]
enum Piece {
    Str(String),
    Char(char),
    Display(String),
    Debug(String),
    Number(i64),
    Float(f64),
}

/// A JSON-able extension value, or one that fails to serialize.
#[derive(Debug)]
enum Val {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    U128(u128),
    I128(i128),
    F64(f64),
    F32(f32),
    Char(char),
    Str(String),
    Seq(Vec<Val>),
    Map(BTreeMap<String, Val>),
    /// A map with keys of any type, in any order: serde_json writes numbers, bools and chars
    /// as strings and refuses the rest; `problem()` sorts them and keeps the last of equal
    /// ones, the body keeps them as they come.
    Keys(Vec<(Key, Val)>),
    /// A value whose `Serialize` fails (as a map with non-string keys does).
    Fails,
}

impl Val {
    /// At most 4 levels deep (serde_json parses 128), each sequence or map at most 4 long.
    fn arbitrary_at(u: &mut Unstructured<'_>, depth: u32) -> Result<Self> {
        // The first 11 kinds are leaves; past depth 4, only those.
        let kinds = if depth >= 4 { 11 } else { 14 };
        Ok(match u.choose_index(kinds)? {
            0 => Val::Null,
            1 => Val::Bool(u.arbitrary()?),
            2 => Val::U64(u.arbitrary()?),
            3 => Val::I64(u.arbitrary()?),
            4 => Val::U128(u.arbitrary()?),
            5 => Val::I128(u.arbitrary()?),
            6 => Val::F64(u.arbitrary()?),
            7 => Val::F32(u.arbitrary()?),
            8 => Val::Char(u.arbitrary()?),
            9 => Val::Str(u.arbitrary()?),
            10 => {
                if u.ratio(1, 8)? {
                    Val::Fails
                } else {
                    Val::Str(u.arbitrary()?)
                }
            }
            11 => {
                let len = u.int_in_range(0..=4)?;
                let mut items = Vec::with_capacity(len);
                for _ in 0..len {
                    items.push(Val::arbitrary_at(u, depth + 1)?);
                }
                Val::Seq(items)
            }
            12 => {
                let len = u.int_in_range(0..=4)?;
                let mut members = BTreeMap::new();
                for _ in 0..len {
                    members.insert(u.arbitrary()?, Val::arbitrary_at(u, depth + 1)?);
                }
                Val::Map(members)
            }
            _ => {
                let len = u.int_in_range(0..=4)?;
                let mut members = Vec::with_capacity(len);
                for _ in 0..len {
                    members.push((u.arbitrary()?, Val::arbitrary_at(u, depth + 1)?));
                }
                Val::Keys(members)
            }
        })
    }

    fn serializes(&self) -> bool {
        match self {
            Val::Fails => false,
            Val::Seq(items) => items.iter().all(Val::serializes),
            Val::Map(members) => members.values().all(Val::serializes),
            Val::Keys(members) => members
                .iter()
                .all(|(k, v)| k.serializes() && v.serializes()),
            _ => true,
        }
    }

    /// Whether `serde_json::to_vec` writes it as a `Value` does: no map whose keys a `Map`
    /// would reorder or merge.
    fn in_map_order(&self) -> bool {
        match self {
            Val::Seq(items) => items.iter().all(Val::in_map_order),
            Val::Map(members) => members.values().all(Val::in_map_order),
            Val::Keys(members) => members.is_empty(),
            _ => true,
        }
    }
}

impl Serialize for Val {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Val::Null => serializer.serialize_unit(),
            Val::Bool(b) => serializer.serialize_bool(*b),
            Val::U64(n) => serializer.serialize_u64(*n),
            Val::I64(n) => serializer.serialize_i64(*n),
            Val::U128(n) => serializer.serialize_u128(*n),
            Val::I128(n) => serializer.serialize_i128(*n),
            Val::F64(n) => serializer.serialize_f64(*n),
            Val::F32(n) => serializer.serialize_f32(*n),
            Val::Char(c) => serializer.serialize_char(*c),
            Val::Str(s) => serializer.serialize_str(s),
            Val::Seq(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Val::Map(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
            Val::Keys(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Val::Fails => Err(S::Error::custom("this value does not serialize")),
        }
    }
}

/// A map key: those serde_json takes, and two it refuses.
#[derive(Debug, Arbitrary)]
enum Key {
    Str(String),
    Bool(bool),
    U64(u64),
    I64(i64),
    U128(u128),
    I128(i128),
    F32(f32),
    F64(f64),
    Char(char),
    Unit,
    Seq(Vec<u8>),
}

impl Key {
    fn serializes(&self) -> bool {
        match self {
            Key::F32(n) => n.is_finite(),
            Key::F64(n) => n.is_finite(),
            Key::Unit | Key::Seq(_) => false,
            _ => true,
        }
    }
}

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Key::Str(s) => serializer.serialize_str(s),
            Key::Bool(b) => serializer.serialize_bool(*b),
            Key::U64(n) => serializer.serialize_u64(*n),
            Key::I64(n) => serializer.serialize_i64(*n),
            Key::U128(n) => serializer.serialize_u128(*n),
            Key::I128(n) => serializer.serialize_i128(*n),
            Key::F32(n) => serializer.serialize_f32(*n),
            Key::F64(n) => serializer.serialize_f64(*n),
            Key::Char(c) => serializer.serialize_char(*c),
            Key::Unit => serializer.serialize_unit(),
            Key::Seq(bytes) => bytes.serialize(serializer),
        }
    }
}

/// An extension name: a standard member's (refused), a usual one, or any text.
#[derive(Debug)]
struct Name(String);

impl<'a> Arbitrary<'a> for Name {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        const NAMES: &[&str] = &[
            "type", "title", "status", "detail", "instance", "code", "limit", "errors", "a", "z",
            "", "\"", "é", "\u{0}",
        ];
        Ok(Name(if u.ratio(1, 2)? {
            (*u.choose(NAMES)?).to_owned()
        } else {
            u.arbitrary()?
        }))
    }
}

#[derive(Debug)]
struct Fuzzed {
    row: &'static VariantInfo,
    detail: Detail,
    extensions: Vec<(Name, Val)>,
}

impl<'a> Arbitrary<'a> for Fuzzed {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let row = u.choose(rows())?;
        let detail = u.arbitrary()?;
        let len = u.int_in_range(0..=6)?;
        let mut extensions = Vec::with_capacity(len);
        for _ in 0..len {
            extensions.push((u.arbitrary()?, Val::arbitrary_at(u, 0)?));
        }
        Ok(Fuzzed {
            row,
            detail,
            extensions,
        })
    }
}

fn write_pieces(out: &mut dyn fmt::Write, pieces: &[Piece]) -> fmt::Result {
    for piece in pieces {
        match piece {
            Piece::Str(s) => out.write_str(s)?,
            Piece::Char(c) => out.write_char(*c)?,
            Piece::Display(s) => write!(out, "<{s}>")?,
            Piece::Debug(s) => write!(out, "{s:?}")?,
            Piece::Number(n) => write!(out, "{n}")?,
            Piece::Float(n) => write!(out, "{n:e}")?,
        }
    }
    Ok(())
}

impl ApiStatus for Fuzzed {
    fn table() -> Table {
        Table::new("Fuzzed", rows())
    }

    fn variant(&self) -> &'static VariantInfo {
        self.row
    }

    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match &self.detail {
            Detail::Default => out.write_str(self.variant().detail()),
            Detail::Pieces(pieces) => write_pieces(out, pieces),
            Detail::FailsAfter(pieces) => {
                write_pieces(out, pieces)?;
                Err(fmt::Error)
            }
        }
    }

    fn write_extensions(&self, extensions: &mut Extensions<'_>) {
        for (Name(name), value) in &self.extensions {
            extensions.insert(name, value);
        }
    }
}

const RESERVED: [&str; 6] = ["type", "title", "status", "detail", "instance", "code"];

libfuzzer_sys::fuzz_target!(|err: Fuzzed| {
    let body = err.body();
    let problem = err.problem();
    let parsed: Value = serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "body() is not JSON ({e}): {:?}",
            String::from_utf8_lossy(&body)
        )
    });
    let expected_json = serde_json::to_vec(&problem).unwrap();
    assert_eq!(expected_json, problem.to_json());
    // Parsed (exactly: serde_json's `float_roundtrip` is on here), the body is the `Value`
    // of `problem()`.
    assert_eq!(
        parsed,
        serde_json::to_value(&problem).unwrap(),
        "body() {:?} is not problem() {:?}",
        String::from_utf8_lossy(&body),
        String::from_utf8_lossy(&expected_json)
    );
    // The bytes: equal whenever the extensions written come in the order a `Map` keeps.
    let written: Vec<(&str, &Val)> = err
        .extensions
        .iter()
        .filter(|(Name(name), value)| !RESERVED.contains(&name.as_str()) && value.serializes())
        .map(|(Name(name), value)| (name.as_str(), value))
        .collect();
    if written.windows(2).all(|pair| pair[0].0 < pair[1].0)
        && written.iter().all(|(_, value)| value.in_map_order())
    {
        assert_eq!(
            String::from_utf8_lossy(&body),
            String::from_utf8_lossy(&expected_json),
            "body() is not serde_json::to_vec(&problem())"
        );
    }
    // The members `problem()` reports are those of the occurrence.
    assert_eq!(problem.detail(), Some(err.detail().as_str()));
    assert_eq!(problem.status(), Some(err.status().as_u16()));
    assert_eq!(problem.code(), Some(err.code()));
    assert_eq!(problem.type_uri(), err.variant().type_uri());
    assert_eq!(problem.title(), err.variant().title());
    // A body parses back into the `Problem` it was written from.
    let from_body: Problem = serde_json::from_slice(&body).unwrap();
    assert_eq!(from_body, problem);
    assert_eq!(err.response().body(), &body);
});
