//! A JSON request body as the pointer-exact `Json` extractors of poem, salvo and warp read it:
//! the content type checked, the body capped, and serde's failure a [`Rejection`] whose
//! `errors` name the exact field. Each framework's extractor only hands over its headers and
//! bytes.

use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::HeaderMap;
use serde::de::DeserializeOwned;

use crate::response::rejection::{exact_errors, without_position};
use crate::{Rejection, RejectionKind};

/// The most a JSON body holds where the service sets no limit: axum's and actix-web's 2 MiB.
/// (salvo's `Json` keeps salvo's own limit.)
#[cfg(any(feature = "poem", feature = "warp"))]
pub(crate) const DEFAULT_LIMIT: usize = 2 * 1024 * 1024;

/// What the headers alone refuse, before the body is read: a content type that is not JSON,
/// and a declared length over `limit`. A body without `Content-Length` (chunked) is not
/// refused here: its read stops at the limit.
pub(crate) fn check_headers(headers: &HeaderMap, limit: usize) -> Result<(), Rejection> {
    if !is_json(headers) {
        return Err(Rejection::of(RejectionKind::MissingJsonContentType));
    }
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .and_then(|length| length.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(Rejection::of(RejectionKind::ContentTooLarge));
    }
    Ok(())
}

/// Whether the content type is `application/json` or `application/*+json`, as axum's `Json`
/// takes them.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(essence) = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
    else {
        return false;
    };
    let Some((top, sub)) = essence.trim().split_once('/') else {
        return false;
    };
    let suffix = sub.len().checked_sub("+json".len()).filter(|&at| at > 0);
    top.eq_ignore_ascii_case("application")
        && (sub.eq_ignore_ascii_case("json")
            || suffix
                .and_then(|at| sub.get(at..))
                .is_some_and(|end| end.eq_ignore_ascii_case("+json")))
}

/// `body` as a `T`: text that is not JSON is `invalid_json`; JSON of another shape is
/// `json_data`, pointing at the field serde failed at (`#/items/1/qty`), or at the field a
/// struct lacks.
pub(crate) fn deserialize<T: DeserializeOwned>(body: &[u8]) -> Result<T, Rejection> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let serde = error.inner();
        if serde.is_data() {
            Rejection::new(
                RejectionKind::JsonData,
                without_position(&serde.to_string()),
            )
            .with_errors(exact_errors(&error))
        } else {
            Rejection::new(RejectionKind::InvalidJson, serde.to_string())
        }
    })?;
    // Text after the value makes the whole body something other than JSON.
    deserializer
        .end()
        .map_err(|error| Rejection::new(RejectionKind::InvalidJson, error.to_string()))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;
    use crate::ApiStatus;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)] // read only to fail
    struct Order {
        items: Vec<Item>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        qty: u32,
    }

    fn headers(content_type: Option<&'static str>, length: Option<u64>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
        if let Some(length) = length {
            headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
        }
        headers
    }

    fn code(result: Result<(), Rejection>) -> Option<&'static str> {
        result.err().map(|rejection| rejection.code())
    }

    #[test]
    fn json_content_types_pass_and_others_are_refused() {
        for json in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/vnd.api+json",
            "application/merge-patch+JSON",
        ] {
            assert_eq!(code(check_headers(&headers(Some(json), None), 10)), None);
        }
        for other in [
            "text/plain",
            "application/+json",
            "application/jsonp",
            "json",
            "",
        ] {
            assert_eq!(
                code(check_headers(&headers(Some(other), None), 10)),
                Some("missing_json_content_type"),
                "{other}"
            );
        }
        assert_eq!(
            code(check_headers(&headers(None, Some(2)), 10)),
            Some("missing_json_content_type")
        );
    }

    #[test]
    fn a_declared_length_over_the_limit_is_refused_and_none_is_needed() {
        let json = Some("application/json");
        assert_eq!(code(check_headers(&headers(json, Some(10)), 10)), None);
        assert_eq!(code(check_headers(&headers(json, None), 10)), None);
        assert_eq!(
            code(check_headers(&headers(json, Some(11)), 10)),
            Some("content_too_large")
        );
    }

    fn failure(body: &str) -> (&'static str, String, Vec<String>) {
        let rejection = deserialize::<Order>(body.as_bytes()).unwrap_err();
        let pointers = rejection
            .errors()
            .iter()
            .map(|violation| violation.pointer.to_string())
            .collect();
        (rejection.code(), rejection.detail(), pointers)
    }

    #[test]
    fn a_wrong_type_deep_in_a_list_points_at_it() {
        let (code, detail, pointers) = failure(r#"{"items":[{"qty":1},{"qty":"x"}]}"#);
        assert_eq!(code, "json_data");
        assert_eq!(detail, r#"invalid type: string "x", expected u32"#);
        assert_eq!(pointers, ["#/items/1/qty"]);
    }

    #[test]
    fn a_missing_field_is_named_by_its_pointer() {
        let (code, detail, pointers) = failure(r#"{"items":[{"qty":1},{}]}"#);
        assert_eq!(
            (code, detail.as_str()),
            ("json_data", "missing field `qty`")
        );
        assert_eq!(pointers, ["#/items/1/qty"]);
        assert_eq!(failure("{}").2, ["#/items"]);
    }

    #[test]
    fn text_that_is_not_json_is_invalid_json() {
        for body in [
            "",
            "{\"items\": ",
            "{\"items\":[]} trailing",
            "{'items':[]}",
        ] {
            let (code, _, pointers) = failure(body);
            assert_eq!(code, "invalid_json", "{body}");
            assert!(pointers.is_empty(), "{body}");
        }
    }
}
