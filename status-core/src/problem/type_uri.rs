//! What a problem type URI may hold, checked in constant context by `VariantInfo::with_type`.

/// Whether `text` holds only characters a URI can: printable ASCII other than space, `"`,
/// `<`, `>`, `\`, `^`, `` ` ``, `{`, `|` and `}` (RFC 3986 section 2). It also means the text
/// needs no escaping inside a JSON string or an HTML attribute other than `&` and `'`.
#[must_use]
pub const fn is_uri_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let forbidden = matches!(
            byte,
            b' ' | b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
        );
        if byte <= 0x20 || byte >= 0x7f || forbidden {
            return false;
        }
        i += 1;
    }
    !bytes.is_empty()
}

/// The type URI of the problem `code` under `base`: `base` followed by `code`, with each
/// byte [`is_uri_text`] refuses percent-encoded (RFC 3986 section 2.1), so that the result is
/// always URI text. The derive refuses such a code under a type's own `type_base`; the code
/// of a forwarded type, which did not know the base, is escaped instead.
pub(crate) fn under_base(base: &str, code: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut uri = String::with_capacity(base.len() + code.len());
    for text in [base, code] {
        for (i, c) in text.char_indices() {
            if is_uri_text(&text[i..i + c.len_utf8()]) {
                uri.push(c);
                continue;
            }
            let mut bytes = [0; 4];
            for &byte in c.encode_utf8(&mut bytes).as_bytes() {
                uri.push('%');
                uri.push(char::from(HEX[usize::from(byte >> 4)]));
                uri.push(char::from(HEX[usize::from(byte & 0xf)]));
            }
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::{is_uri_text, under_base};

    #[test]
    fn uri_text_refuses_what_a_uri_cannot_hold() {
        assert!(is_uri_text(
            "https://api.example.com/problems/user_not_found"
        ));
        assert!(is_uri_text("/problems#rate_limited"));
        for bad in ["", "a b", "a\"b", "a\\b", "a\nb", "a<b", "a{b", "é"] {
            assert!(!is_uri_text(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_code_under_a_base_is_escaped_where_a_uri_cannot_hold_it() {
        assert_eq!(
            under_base("https://api.example.com/problems/", "invalid_json"),
            "https://api.example.com/problems/invalid_json"
        );
        assert_eq!(under_base("/p/", "not found é"), "/p/not%20found%20%C3%A9");
        assert!(is_uri_text(&under_base("/p/", "a\"b{c}\n")));
    }
}
