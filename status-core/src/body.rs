//! Writing a Problem Details body straight into bytes: the static members are copied, only
//! the detail and the extension values are escaped or serialized, and nothing is built on
//! the way. `ApiStatus::body` uses it; `Problem` stays the type to inspect or parse bodies.

use std::{fmt, io};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::Value;

use crate::api_status::ErasedStatus;
use crate::problem::STANDARD_MEMBERS;
use crate::{Problem, Status, ABOUT_BLANK};

/// Where a value's extension members go: a [`Problem`] being built, or a body being written.
///
/// ```
/// use status_core::{Extensions, Problem};
///
/// let mut problem = Problem::new(http::StatusCode::TOO_MANY_REQUESTS);
/// Extensions::new(&mut problem).insert("limit", &100);
/// assert_eq!(problem.extensions()["limit"], 100);
/// ```
pub struct Extensions<'a> {
    target: Target<'a>,
}

enum Target<'a> {
    Problem(&'a mut Problem),
    Body(&'a mut Vec<u8>),
}

impl<'a> Extensions<'a> {
    /// Extensions that go into `problem`.
    ///
    /// ```
    /// let mut problem = status_core::Problem::default();
    /// let mut extensions = status_core::Extensions::new(&mut problem);
    /// extensions.insert("errors", &["email is taken"]);
    /// assert_eq!(problem.extensions()["errors"][0], "email is taken");
    /// ```
    pub fn new(problem: &'a mut Problem) -> Self {
        Extensions {
            target: Target::Problem(problem),
        }
    }

    /// Adds the member `name` with `value` serialized.
    ///
    /// A standard member's name is refused, and a value that does not serialize (a map with
    /// non-string keys, say) is left out: the response is still served, without that member.
    ///
    /// ```
    /// let mut problem = status_core::Problem::default();
    /// let mut extensions = status_core::Extensions::new(&mut problem);
    /// extensions.insert("status", &"ignored");
    /// extensions.insert("balance", &30);
    /// assert_eq!(problem.extensions().len(), 1);
    /// ```
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if STANDARD_MEMBERS.contains(&name) {
            return;
        }
        match &mut self.target {
            Target::Problem(problem) => insert_value(problem, name, value),
            Target::Body(out) => {
                let rollback = out.len();
                out.push(b',');
                write_json_string(out, name);
                out.push(b':');
                write_value(out, rollback, value);
            }
        }
    }

    /// `insert`, for the derive: `member` is `,"name":` spelled at compile time, one copy
    /// where `insert` escapes the name, and the name is not a standard member's.
    pub(crate) fn insert_derived<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        member: &str,
        value: &T,
    ) {
        match &mut self.target {
            Target::Problem(problem) => insert_value(problem, name, value),
            Target::Body(out) => {
                let rollback = out.len();
                out.extend_from_slice(member.as_bytes());
                write_value(out, rollback, value);
            }
        }
    }
}

fn insert_value<T: Serialize + ?Sized>(problem: &mut Problem, name: &str, value: &T) {
    if let Ok(value) = serde_json::to_value(value) {
        problem.insert_extension(name, value);
    }
}

/// Serializes `value` at the end of `out`; on failure, cuts `out` back to `rollback`, where
/// its member started.
fn write_value<T: Serialize + ?Sized>(out: &mut Vec<u8>, rollback: usize, value: &T) {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, AsValue::default());
    if value.serialize(&mut serializer).is_err() {
        out.truncate(rollback);
    }
}

/// `serde_json`'s compact output, with each number written as the `serde_json::Value` that
/// `serde_json::to_value` makes of it, so the body says what `problem()` holds: an `f32`
/// widened to `f64` (`0.1_f32` is `0.10000000149011612`), and a 128-bit integer beyond
/// what a `Value` holds refused, which leaves the member out as `problem()` leaves it out.
/// A number that is a map key, written between `begin_string` and `end_string`, is spelled
/// as `serde_json` spells it in both.
#[derive(Default)]
struct AsValue {
    in_string: bool,
}

impl AsValue {
    fn write_value<W: ?Sized + io::Write>(writer: &mut W, value: &Value) -> io::Result<()> {
        value
            .serialize(&mut serde_json::Serializer::new(writer))
            .map_err(io::Error::other)
    }
}

impl Formatter for AsValue {
    fn begin_string<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.in_string = true;
        CompactFormatter.begin_string(writer)
    }

    fn end_string<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.in_string = false;
        CompactFormatter.end_string(writer)
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        if self.in_string {
            CompactFormatter.write_f32(writer, value)
        } else {
            Self::write_value(writer, &Value::from(value))
        }
    }

    fn write_i128<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: i128) -> io::Result<()> {
        if self.in_string {
            CompactFormatter.write_i128(writer, value)
        } else {
            let value = serde_json::to_value(value).map_err(io::Error::other)?;
            Self::write_value(writer, &value)
        }
    }

    fn write_u128<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: u128) -> io::Result<()> {
        if self.in_string {
            CompactFormatter.write_u128(writer, value)
        } else {
            let value = serde_json::to_value(value).map_err(io::Error::other)?;
            Self::write_value(writer, &value)
        }
    }
}

/// The JSON body of `value`, written in one pass into one buffer.
pub(crate) fn write_body<V: ErasedStatus + ?Sized>(value: &V) -> Vec<u8> {
    let status = value.status();
    let variant = value.variant();
    let type_uri = variant.type_uri();
    let code = value.code();
    // Room for the members, the usual detail and the extensions, so the buffer is allocated
    // once and not grown. A message's own length stands for the detail it renders.
    let detail_hint = match variant.message() {
        Some(message) => message.len(),
        None => variant.detail().len(),
    };
    let mut out = Vec::with_capacity(
        96 + type_uri.len() + code.len() + detail_hint + 64 * variant.extensions().len(),
    );
    // Type URIs, reason phrases and codes hold no character JSON escapes
    // (`VariantInfo::with_type` and `with_code` refuse one), so they are copied as they are.
    if type_uri == ABOUT_BLANK {
        out.push(b'{');
    } else {
        out.extend_from_slice(b"{\"type\":\"");
        out.extend_from_slice(type_uri.as_bytes());
        out.extend_from_slice(b"\",");
    }
    match (variant.own_title(), Status::from_u16(status.as_u16())) {
        // The usual case in one copy: `"title":"Not Found","status":404,"detail":"`.
        (None, Some(documented)) => out.extend_from_slice(documented.title_to_detail().as_bytes()),
        (own_title, _) => {
            if let Some(title) = own_title {
                out.extend_from_slice(b"\"title\":");
                write_json_string(&mut out, title);
                out.push(b',');
            } else if let Some(title) = crate::reason_phrase(status) {
                out.extend_from_slice(b"\"title\":\"");
                out.extend_from_slice(title.as_bytes());
                out.extend_from_slice(b"\",");
            }
            // `"status":404,"detail":"` in one copy: a status is always three digits.
            let mut status_member = *b"\"status\":000,\"detail\":\"";
            status_member[9..12].copy_from_slice(status.as_str().as_bytes());
            out.extend_from_slice(&status_member);
        }
    }
    let before = out.len();
    if value.write_detail(&mut JsonEscaped(&mut out)).is_err() {
        // A Display that fails mid-way: what it wrote so far is not worth sending.
        out.truncate(before);
        write_escaped(&mut out, variant.detail());
    }
    out.extend_from_slice(b"\",\"code\":\"");
    out.extend_from_slice(code.as_bytes());
    out.push(b'"');
    value.write_extensions(&mut Extensions {
        target: Target::Body(&mut out),
    });
    out.push(b'}');
    out
}

/// A `fmt::Write` that escapes what it is given for the inside of a JSON string.
struct JsonEscaped<'a>(&'a mut Vec<u8>);

impl fmt::Write for JsonEscaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        write_escaped(self.0, text);
        Ok(())
    }
}

fn write_json_string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    write_escaped(out, text);
    out.push(b'"');
}

/// Escapes `text` as `serde_json` does: `"`, `\` and control characters, nothing else.
/// Runs with nothing to escape, the usual case, are copied whole.
fn write_escaped(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if ESCAPE[usize::from(byte)] == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        write_escape(out, byte);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

fn write_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match ESCAPE[usize::from(byte)] {
        b'u' => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xf)],
        ]),
        short => out.extend_from_slice(&[b'\\', short]),
    }
}

/// For each byte to escape, the letter after the backslash (`u` for `\u00XX`); 0 for the rest.
// A `static`, not a `const`: a `const` array is copied to the stack wherever it is indexed.
static ESCAPE: [u8; 256] = {
    let mut table = [0_u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        write_json_string(&mut out, text);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escaping_matches_serde_json_for_every_ascii_character_and_beyond() {
        let mut text: String = (0..=127u8).map(char::from).collect();
        text.push_str("é日本🚀\u{2028}\u{7f}");
        assert_eq!(escaped(&text), serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn an_extension_that_fails_to_serialize_leaves_no_trace() {
        let mut out = b"{\"status\":500".to_vec();
        let bad: std::collections::HashMap<(u8, u8), u8> = [((1, 2), 3)].into();
        Extensions {
            target: Target::Body(&mut out),
        }
        .insert("bad", &bad);
        Extensions {
            target: Target::Body(&mut out),
        }
        .insert("good", &1);
        out.push(b'}');
        assert_eq!(out, b"{\"status\":500,\"good\":1}");
    }

    /// The member `"v": value` as the body writes it, and as `problem()` serializes it.
    fn body_and_problem<T: Serialize + ?Sized>(value: &T) -> (String, String) {
        let mut out = b"{".to_vec();
        Extensions {
            target: Target::Body(&mut out),
        }
        .insert("v", value);
        out.push(b'}');
        if out[1] == b',' {
            out.remove(1); // the comma before the first member
        }
        let mut problem = Problem::default();
        Extensions::new(&mut problem).insert("v", value);
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(problem.to_json()).unwrap(),
        )
    }

    // Found by `cargo fuzz run body`: the body wrote an f32 as f32 (`1.4e-44`), `problem()`
    // as the f64 a `Value` holds (`1.401298464324817e-44`).
    #[test]
    fn an_f32_extension_is_written_as_problem_holds_it() {
        for value in [0.1_f32, 1.4e-44, -3.5, f32::MAX, f32::NAN] {
            let (body, problem) = body_and_problem(&value);
            assert_eq!(body, problem, "{value}");
        }
        let (body, _) = body_and_problem(&0.1_f32);
        assert_eq!(body, r#"{"v":0.10000000149011612}"#);
        // An f32 map key keeps its own spelling in both.
        let keys = std::collections::BTreeMap::from([(1, 0.5_f32)]);
        let (body, problem) = body_and_problem(&[(keys, [0.1_f32])]);
        assert_eq!(body, problem);
    }

    // Found by `cargo fuzz run body`: the body wrote a u128 or i128 beyond 64 bits, which
    // `problem()` leaves out (a `serde_json::Value` cannot hold it).
    #[test]
    fn an_integer_beyond_64_bits_is_left_out_as_problem_leaves_it() {
        assert_eq!(body_and_problem(&u128::MAX), ("{}".into(), "{}".into()));
        assert_eq!(body_and_problem(&i128::MIN), ("{}".into(), "{}".into()));
        assert_eq!(
            body_and_problem(&[1_u128, u128::MAX]),
            ("{}".into(), "{}".into())
        );
        let fits = (u128::from(u64::MAX), i128::from(i64::MIN));
        let (body, problem) = body_and_problem(&fits);
        assert_eq!(body, problem);
        assert_eq!(body, format!(r#"{{"v":[{},{}]}}"#, u64::MAX, i64::MIN));
        // As a map key, any 128-bit integer is text, in both.
        let keys = std::collections::BTreeMap::from([(u128::MAX, 1), (0, 2)]);
        let (body, problem) = body_and_problem(&keys);
        assert_eq!(body, problem);
    }
}
