//! JSON text, written by hand into a body: strings escaped as `serde_json` escapes them, and
//! serialized values with the numbers `problem()` holds.

use std::{fmt, io};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::Value;

/// Serializes `value` at the end of `out`; on failure, cuts `out` back to `rollback`, where
/// its member started.
pub(crate) fn write_value<T: Serialize + ?Sized>(out: &mut Vec<u8>, rollback: usize, value: &T) {
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

/// A `fmt::Write` that escapes what it is given for the inside of a JSON string.
pub(crate) struct JsonEscaped<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for JsonEscaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        write_escaped(self.0, text);
        Ok(())
    }
}

pub(crate) fn write_json_string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    write_escaped(out, text);
    out.push(b'"');
}

/// Escapes `text` as `serde_json` does: `"`, `\` and control characters, nothing else.
/// Runs with nothing to escape, the usual case, are copied whole.
pub(crate) fn write_escaped(out: &mut Vec<u8>, text: &str) {
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
}
