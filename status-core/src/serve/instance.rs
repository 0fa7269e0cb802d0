//! The `instance` member (RFC 9457 section 3.1.5), added to a Problem Details body on its way
//! out by the frameworks' `problem_instance` middleware.

use serde_json::{Map, Value};

/// How much of a problem body is read to add `instance` to it; a larger one passes as it is.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;

/// `body` with the member `"instance": instance` added, when it is a JSON object that has no
/// `instance`; `None` when it passes unchanged.
///
/// The new member is spliced in before the closing brace, so the rest of the body stays
/// byte for byte as the handler wrote it.
pub(crate) fn with_instance(body: &[u8], instance: &str) -> Option<Vec<u8>> {
    let members: Map<String, Value> = serde_json::from_slice(body).ok()?;
    if members.contains_key("instance") {
        return None;
    }
    // A JSON object ends with `}`, perhaps followed by whitespace.
    let close = body.iter().rposition(|&b| b == b'}')?;
    let before = body[..close]
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |last| last + 1);
    let mut out = Vec::with_capacity(body.len() + instance.len() + 16);
    out.extend_from_slice(&body[..before]);
    if !members.is_empty() {
        out.push(b',');
    }
    out.extend_from_slice(b"\"instance\":");
    serde_json::to_writer(&mut out, instance).ok()?;
    out.extend_from_slice(&body[before..]);
    Some(out)
}

/// `body` with `instance`, where it is a problem that has none, and the `Content-Length` of
/// `headers`, if they have one, set to the new body's; `None` when the body passes unchanged.
#[cfg(any(
    feature = "axum",
    feature = "poem",
    feature = "salvo",
    feature = "warp"
))]
pub(crate) fn add_instance(
    headers: &mut http::HeaderMap,
    body: &[u8],
    instance: &str,
) -> Option<Vec<u8>> {
    let added = with_instance(body, instance)?;
    if headers.contains_key(http::header::CONTENT_LENGTH) {
        headers.insert(
            http::header::CONTENT_LENGTH,
            http::HeaderValue::from(added.len()),
        );
    }
    Some(added)
}

#[cfg(test)]
mod tests {
    use super::with_instance;

    fn added(body: &str, instance: &str) -> Option<String> {
        with_instance(body.as_bytes(), instance).map(|b| String::from_utf8(b).unwrap())
    }

    #[test]
    fn instance_is_added_as_the_last_member() {
        assert_eq!(
            added(r#"{"status":404,"code":"not_found"}"#, "/users/42").as_deref(),
            Some(r#"{"status":404,"code":"not_found","instance":"/users/42"}"#)
        );
        assert_eq!(added("{}", "/a").as_deref(), Some(r#"{"instance":"/a"}"#));
        assert_eq!(
            added("{\n  \"status\": 404\n}\n", "/a").as_deref(),
            Some("{\n  \"status\": 404,\"instance\":\"/a\"\n}\n")
        );
    }

    #[test]
    fn instance_is_json_escaped() {
        let body = added("{}", "/a\"b\\c\u{1}").unwrap();
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(value["instance"], "/a\"b\\c\u{1}");
    }

    #[test]
    fn a_body_with_an_instance_or_not_an_object_passes_unchanged() {
        assert_eq!(added(r#"{"instance":"/mine"}"#, "/a"), None);
        assert_eq!(added("[1]", "/a"), None);
        assert_eq!(added("not json", "/a"), None);
        assert_eq!(added("", "/a"), None);
    }
}
