//! What every pointer-exact JSON extractor must do over the wire, whatever its framework: the
//! servers of `tests/extractors/` serve `POST /orders` (an [`Order`], at most
//! [`LIMIT`] bytes, answered with [`accepted`]) and `GET /health`, which takes no body.

use serde_json::Value;

use crate::common::{assert_rejected, raw, send, Body};

/// The most each server's JSON extractor takes, in bytes.
pub const LIMIT: usize = 64;

// What `POST /orders` takes. Its doc comment is the request body's description in a document.
/// An order: a list of items, each with a quantity.
#[derive(serde::Deserialize)]
#[cfg_attr(feature = "aide", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "salvo-oapi", derive(salvo::oapi::ToSchema))]
pub struct Order {
    pub items: Vec<Item>,
}

#[derive(serde::Deserialize)]
#[cfg_attr(feature = "aide", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "salvo-oapi", derive(salvo::oapi::ToSchema))]
pub struct Item {
    pub qty: u32,
}

/// What `POST /orders` answers an order it read.
pub fn accepted(order: &Order) -> String {
    let total: u32 = order.items.iter().map(|item| item.qty).sum();
    format!("{total} ordered")
}

/// The `errors` of a `json_data` rejection: `(pointer, detail)` each.
fn violations(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors: {problem}"))
        .iter()
        .map(|error| {
            (
                error["pointer"].as_str().unwrap().to_owned(),
                error["detail"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A body over [`LIMIT`] that is otherwise a good order.
fn too_large() -> String {
    let items = vec!["{\"qty\":1}"; LIMIT / 4].join(",");
    format!("{{\"items\":[{items}]}}")
}

/// Everything a pointer-exact JSON extractor at `{base}/orders` must answer, each rejection as
/// its problem with the rejection table's status, and `GET {base}/health` passing.
pub fn assert_json_extractor_rejects_exactly(base: &str) {
    let orders = format!("{base}/orders");

    let seen = send("POST", &orders, Some(r#"{"items":[{"qty":1},{"qty":2}]}"#));
    assert_eq!((seen.status, seen.text.as_str()), (200, "3 ordered"));

    assert_rejected(&send("POST", &orders, Some("{\"items\": ")), "invalid_json");
    // No body, with the JSON content type: text that is not JSON, not a length required.
    assert_rejected(
        &raw(
            &orders,
            "POST",
            &[("content-type", "application/json")],
            Body::None,
        ),
        "invalid_json",
    );

    let deep = send(
        "POST",
        &orders,
        Some(r#"{"items":[{"qty":1},{"qty":"x"}]}"#),
    );
    let problem = assert_rejected(&deep, "json_data");
    assert_eq!(
        violations(&problem),
        [(
            "#/items/1/qty".to_owned(),
            "invalid type: string \"x\", expected u32".to_owned()
        )]
    );

    let missing = send("POST", &orders, Some(r#"{"items":[{"qty":1},{}]}"#));
    let problem = assert_rejected(&missing, "json_data");
    assert_eq!(
        violations(&problem),
        [("#/items/1/qty".to_owned(), "missing field `qty`".to_owned())]
    );

    let good = r#"{"items":[]}"#;
    assert_rejected(
        &raw(&orders, "POST", &[], Body::Sized(good)),
        "missing_json_content_type",
    );
    assert_rejected(
        &raw(
            &orders,
            "POST",
            &[("content-type", "text/plain")],
            Body::Sized(good),
        ),
        "missing_json_content_type",
    );
    // Another JSON type is JSON.
    let seen = raw(
        &orders,
        "POST",
        &[("content-type", "application/vnd.shop+json; charset=utf-8")],
        Body::Sized(good),
    );
    assert_eq!((seen.status, seen.text.as_str()), (200, "0 ordered"));

    let large = too_large();
    assert!(large.len() > LIMIT);
    assert_rejected(&send("POST", &orders, Some(&large)), "content_too_large");
    let halves = [&large[..large.len() / 2], &large[large.len() / 2..]];
    assert_rejected(
        &raw(
            &orders,
            "POST",
            &[("content-type", "application/json")],
            Body::Chunked(&halves),
        ),
        "content_too_large",
    );
    // A chunked body within the limit is read whole.
    let seen = raw(
        &orders,
        "POST",
        &[("content-type", "application/json")],
        Body::Chunked(&["{\"items\":[{\"qty\"", ":4}]}"]),
    );
    assert_eq!((seen.status, seen.text.as_str()), (200, "4 ordered"));

    // Requests without a body are not refused for their lack of a length.
    let health = send("GET", &format!("{base}/health"), None);
    assert_eq!((health.status, health.text.as_str()), (200, "ok"));
    let health = raw(&format!("{base}/health"), "GET", &[], Body::None);
    assert_eq!((health.status, health.text.as_str()), (200, "ok"));
}

/// The responses of an operation that takes a JSON body and returns the shop's errors, as a
/// docs tool writes them: each JSON body rejection under its status, beside the shop's own
/// errors of the same statuses (`malformed`, `invalid`), merged into one response.
pub fn assert_documents_json_body_rejections(responses: &Value) {
    let codes = |status: &str| -> Vec<String> {
        responses[status]["content"][status_core::PROBLEM_JSON]["examples"]
            .as_object()
            .unwrap_or_else(|| panic!("no examples for {status} in {responses:#}"))
            .values()
            .map(|example| example["value"]["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let bad_request = codes("400");
    for code in ["invalid_json", "unreadable_body", "malformed"] {
        assert!(
            bad_request.iter().any(|c| c == code),
            "{code}: {bad_request:?}"
        );
    }
    assert_eq!(codes("413"), ["content_too_large"]);
    assert_eq!(codes("415"), ["missing_json_content_type"]);
    let unprocessable = codes("422");
    for code in ["json_data", "invalid"] {
        assert!(
            unprocessable.iter().any(|c| c == code),
            "{code}: {unprocessable:?}"
        );
    }
}
