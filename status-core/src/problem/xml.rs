//! The XML form of a problem (`application/problem+xml`, RFC 9457 Appendix B): a `problem`
//! element in the `urn:ietf:rfc:7807` namespace, a child element per member, an object an
//! element of elements, an array an element of `i` elements.

use serde_json::Value;

use crate::Problem;

/// The namespace of the format, which RFC 9457 keeps from RFC 7807.
const NAMESPACE: &str = "urn:ietf:rfc:7807";

impl Problem {
    /// This problem as `application/problem+xml` (RFC 9457 Appendix B): the standard members
    /// first, then `code` and each extension member, an object as an element of elements, an
    /// array as an element of `i` elements, `null` as an empty element.
    ///
    /// XML has no place for some of what JSON holds: a member whose name is not an XML name
    /// (`first name`, `xmlns`, anything starting with `xml`) is left out, and a character XML
    /// 1.0 cannot carry (most control characters) becomes U+FFFD.
    ///
    /// ```
    /// let problem = status_core::Problem::new(http::StatusCode::FORBIDDEN)
    ///     .with_code("out_of_credit")
    ///     .with_extension("accounts", serde_json::json!(["/account/1", "/account/2"]));
    /// let xml = String::from_utf8(problem.to_xml()).unwrap();
    /// assert_eq!(
    ///     xml,
    ///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    ///      <problem xmlns=\"urn:ietf:rfc:7807\"><title>Forbidden</title><status>403</status>\
    ///      <code>out_of_credit</code><accounts><i>/account/1</i><i>/account/2</i></accounts>\
    ///      </problem>\n"
    /// );
    /// ```
    #[must_use]
    pub fn to_xml(&self) -> Vec<u8> {
        let mut out = String::with_capacity(256);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<problem xmlns=\"");
        out.push_str(NAMESPACE);
        out.push_str("\">");
        if self.type_uri.is_some() {
            text_element(&mut out, "type", self.type_uri());
        }
        if let Some(title) = self.title() {
            text_element(&mut out, "title", title);
        }
        // `xsd:positiveInteger`: a status of 0 would not be one.
        if let Some(status) = self.status().filter(|&status| status > 0) {
            text_element(&mut out, "status", &status.to_string());
        }
        if let Some(detail) = self.detail() {
            text_element(&mut out, "detail", detail);
        }
        if let Some(instance) = self.instance() {
            text_element(&mut out, "instance", instance);
        }
        if let Some(code) = self.code() {
            text_element(&mut out, "code", code);
        }
        for (name, value) in self.extensions() {
            if is_xml_name(name) {
                element(&mut out, name, value);
            }
        }
        out.push_str("</problem>\n");
        out.into_bytes()
    }
}

/// `<name>value</name>`, the value as XML gives it: text, elements of an object's members, or
/// `i` elements of an array's items.
fn element(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>");
        }
        Value::Bool(value) => text_element(out, name, if *value { "true" } else { "false" }),
        Value::Number(number) => text_element(out, name, &number.to_string()),
        Value::String(text) => text_element(out, name, text),
        Value::Array(items) => {
            open(out, name);
            for item in items {
                element(out, "i", item);
            }
            close(out, name);
        }
        Value::Object(members) => {
            open(out, name);
            for (member, value) in members {
                if is_xml_name(member) {
                    element(out, member, value);
                }
            }
            close(out, name);
        }
    }
}

fn text_element(out: &mut String, name: &str, text: &str) {
    open(out, name);
    escape(out, text);
    close(out, name);
}

fn open(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// `text` as element content: `&`, `<` and `>` as references, a carriage return as one too
/// (a parser reads a raw one as a newline, XML 1.0 §2.11), and what XML 1.0 cannot hold
/// (control characters but tab, newline and carriage return; U+FFFE and U+FFFF) as U+FFFD.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            '\t' | '\n' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Whether `name` can be an element's name here: an XML `NCName` of ASCII letters, digits,
/// `_`, `-` and `.`, starting with a letter or `_`, and not starting with `xml` in any case,
/// which XML reserves.
fn is_xml_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    (first.is_ascii_alphabetic() || first == b'_')
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !(bytes.len() >= 3 && bytes[..3].eq_ignore_ascii_case(b"xml"))
}

#[cfg(test)]
mod tests {
    use http::StatusCode;
    use serde_json::json;

    use super::*;

    fn xml(problem: &Problem) -> String {
        String::from_utf8(problem.to_xml()).unwrap()
    }

    #[test]
    fn the_rfc_example_reads_as_the_rfc_writes_it() {
        let problem = Problem::default()
            .with_type("https://example.com/probs/out-of-credit")
            .with_title("You do not have enough credit.")
            .with_detail("Your current balance is 30, but that costs 50.")
            .with_instance("https://example.net/account/12345/msgs/abc")
            .with_extension("balance", 30)
            .with_extension(
                "accounts",
                json!([
                    "https://example.net/account/12345",
                    "https://example.net/account/67890"
                ]),
            );
        assert_eq!(
            xml(&problem),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <problem xmlns=\"urn:ietf:rfc:7807\">\
             <type>https://example.com/probs/out-of-credit</type>\
             <title>You do not have enough credit.</title>\
             <detail>Your current balance is 30, but that costs 50.</detail>\
             <instance>https://example.net/account/12345/msgs/abc</instance>\
             <accounts><i>https://example.net/account/12345</i>\
             <i>https://example.net/account/67890</i></accounts>\
             <balance>30</balance>\
             </problem>\n"
        );
    }

    #[test]
    fn objects_nest_and_null_is_empty() {
        let problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY).with_extension(
            "errors",
            json!([{"pointer": "#/age", "detail": "must be 18 or over"}, null, true]),
        );
        assert!(xml(&problem).contains(
            "<errors><i><detail>must be 18 or over</detail><pointer>#/age</pointer></i>\
             <i/><i>true</i></errors>"
        ));
    }

    #[test]
    fn text_is_escaped_and_what_xml_cannot_hold_is_replaced() {
        let problem = Problem::default().with_detail("a < b && c > d\t\u{0}\u{1b}\u{ffff}é");
        assert!(xml(&problem)
            .contains("<detail>a &lt; b &amp;&amp; c &gt; d\t\u{fffd}\u{fffd}\u{fffd}é</detail>"));
    }

    #[test]
    fn names_xml_cannot_hold_are_left_out() {
        let problem = Problem::default()
            .with_extension("first name", 1)
            .with_extension("xmlns", 2)
            .with_extension("XMLthing", 3)
            .with_extension("9lives", 4)
            .with_extension("a:b", 5)
            .with_extension("", 6)
            .with_extension("ok-name_1.x", json!({"bad key": 7, "good": 8}));
        assert!(xml(&problem).ends_with(
            "<problem xmlns=\"urn:ietf:rfc:7807\"><ok-name_1.x><good>8</good></ok-name_1.x>\
             </problem>\n"
        ));
    }
}
