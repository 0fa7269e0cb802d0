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

#[cfg(test)]
mod tests {
    use super::is_uri_text;

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
}
