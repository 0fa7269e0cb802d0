//! The parts of a body known at compile time, spelled as `status-core`'s writer (`body.rs`)
//! writes them: the whole body of a variant whose occurrences cannot differ (no field in the
//! detail, no extension), served from a `&'static [u8]`, and the start of each extension
//! member. `tests/static_bodies.rs` and the body-against-`problem()` tests compare the two.

use std::fmt::Write as _;

use crate::ast::{DetailSource, Input, Variant};
use crate::catalog::with_meaning;

/// `None` when an occurrence's body depends on its fields, or when the status has no reason
/// phrase to be the title (an unregistered or unused status).
/// `code` and `type_uri` are the row's, worked out once by the caller.
pub fn static_body(
    input: &Input,
    variant: &Variant,
    code: &str,
    type_uri: Option<&str>,
) -> Option<String> {
    let fields_matter = variant.is_transparent()
        || !matches!(variant.detail_source(input), DetailSource::Static)
        || variant.fields.iter().any(|f| f.attrs.extension.is_some());
    if fields_matter {
        return None;
    }
    let status = variant.status(input)?;
    let entry = with_meaning(status);
    // Pushes, not `write!`: a proc macro usually runs unoptimized, and this runs per variant.
    let mut body = String::with_capacity(256);
    body.push('{');
    if let Some(uri) = type_uri {
        body.push_str("\"type\":\"");
        body.push_str(uri);
        body.push_str("\",");
    }
    body.push_str("\"title\":");
    match (&variant.attrs.title, entry) {
        (Some(title), _) => push_json_string(&mut body, &title.value()),
        (None, Some(entry)) => push_json_string(&mut body, entry.reason),
        (None, None) => return None,
    }
    body.push_str(",\"status\":");
    body.push_str(&status.to_string());
    body.push_str(",\"detail\":");
    // As `VariantInfo::detail`: the message, else the description, else the registry's text.
    match &variant.template {
        Some(template) => push_json_string(&mut body, &template.doc_text()),
        None => match (variant.description(input), entry) {
            (Some(own), _) => push_json_string(&mut body, &own),
            (None, Some(entry)) => push_json_string(&mut body, entry.description),
            (None, None) => push_json_string(&mut body, ""),
        },
    }
    body.push_str(",\"code\":\"");
    body.push_str(code);
    body.push_str("\"}");
    Some(body)
}

/// `,"name":`, the start of an extension member as the body writes it, so that the body
/// copies it in one piece.
pub fn member_start(name: &str) -> String {
    let mut out = String::from(",");
    push_json_string(&mut out, name);
    out.push(':');
    out
}

/// `text` as a JSON string, escaped as `serde_json` escapes it.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    // A plain loop over bytes: cheap even unoptimized. Runs with nothing to escape, the
    // usual case, are copied whole; every byte escaped is ASCII, so each slice is a `str`.
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte < 0x20 || byte == b'"' || byte == b'\\' {
            out.push_str(&text[start..i]);
            match byte {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                0x08 => out.push_str("\\b"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                0x0c => out.push_str("\\f"),
                b'\r' => out.push_str("\\r"),
                _ => {
                    let _ = write!(out, "\\u{byte:04x}");
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::push_json_string;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let cases = [
            ("plain", r#""plain""#),
            ("say \"hi\" \\ bye", r#""say \"hi\" \\ bye""#),
            ("\u{8}\t\n\u{c}\r", r#""\b\t\n\f\r""#),
            ("\u{0}\u{1f}\u{7f}é", "\"\\u0000\\u001f\u{7f}é\""),
        ];
        for (text, json) in cases {
            let mut out = String::new();
            push_json_string(&mut out, text);
            assert_eq!(out, json);
        }
    }
}
