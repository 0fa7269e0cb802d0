//! What every framework's content negotiation must do, over the wire: the shop's errors in
//! the representation each `Accept` asks for, with the same status and headers as the JSON
//! answer, `Vary: Accept`, and nothing of a 5xx's source in any of them; the record of what was
//! served, as middleware sees it; and a hostile `Accept` answered with JSON.

use std::time::Duration;

use serde_json::Value;
use status_core::Served;

use super::{error_named, Seen, ShopError, ERROR_NAMES};

/// A browser's `Accept` for a navigation (Chromium's).
pub const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,\
                           image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

/// The representation a response must be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Json,
    Html,
    Text,
    Xml,
}

/// Each `Accept` of the matrix (`None`: no header) and what it must get.
pub const ACCEPT_MATRIX: &[(Option<&str>, Wanted)] = &[
    (None, Wanted::Json),
    (Some("*/*"), Wanted::Json),
    (Some("application/json"), Wanted::Json),
    (Some("application/problem+json"), Wanted::Json),
    (Some(BROWSER), Wanted::Html),
    (Some("text/html"), Wanted::Html),
    (Some("text/plain"), Wanted::Text),
    (Some("text/html;q=0.5, application/json"), Wanted::Json),
    (Some("text/html, application/json;q=0.5"), Wanted::Html),
    (Some("text/plain;q=0.2, text/html;q=0.1"), Wanted::Text),
    (Some("image/png"), Wanted::Json),
    (Some("application/problem+xml"), Wanted::Xml),
];

/// Sends a request with `headers`, with every wait bounded.
pub fn send_with(method: &str, url: &str, headers: &[(&str, &str)]) -> Seen {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        // Room for the hostile headers of `assert_hostile_accept_gets_json`.
        .output_buffer_size(256 * 1024)
        .build()
        .into();
    let response = match method {
        "GET" => {
            let mut request = agent.get(url);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.call()
        }
        "DELETE" => {
            let mut request = agent.delete(url);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.call()
        }
        _ => unreachable!("the tests send no {method}"),
    };
    Seen::read(method, url, response)
}

fn get(url: &str, accept: Option<&str>) -> Seen {
    match accept {
        Some(accept) => send_with("GET", url, &[("accept", accept)]),
        None => send_with("GET", url, &[]),
    }
}

/// Every shop error, and an unknown route, in every representation of [`ACCEPT_MATRIX`]:
/// the status and `WWW-Authenticate`, `Allow` and `Retry-After` of the JSON answer, `Vary:
/// Accept`, the JSON body byte for byte, and in the other representations what it says.
pub fn assert_negotiates(base: &str) {
    let mut urls: Vec<String> = ERROR_NAMES
        .iter()
        .map(|name| format!("{base}/errors/{name}"))
        .collect();
    urls.push(format!("{base}/no/such/route"));
    for url in &urls {
        let json = get(url, None);
        let problem = json.json();
        for &(accept, wanted) in ACCEPT_MATRIX {
            let seen = get(url, accept);
            let what = format!("{url} with Accept {accept:?}");
            assert_eq!(seen.status, json.status, "{what}: {}", seen.text);
            for header in ["www-authenticate", "allow", "retry-after"] {
                assert_eq!(seen.header(header), json.header(header), "{what}: {header}");
            }
            let vary = seen.header("vary").unwrap_or_default().to_ascii_lowercase();
            assert!(vary.contains("accept"), "{what}: Vary {vary:?}");
            assert_representation(&seen, wanted, &json, &problem, &what);
            assert!(
                !seen.text.contains("hunter2") && !seen.text.contains("db.internal"),
                "{what}: {}",
                seen.text
            );
        }
    }
}

/// `seen` is the problem `problem` (whose JSON answer is `json`) in the representation
/// `wanted`.
fn assert_representation(seen: &Seen, wanted: Wanted, json: &Seen, problem: &Value, what: &str) {
    let content_type = seen.header("content-type").unwrap_or_default();
    let detail = problem["detail"].as_str().unwrap();
    let code = problem["code"].as_str().unwrap();
    let title = problem["title"].as_str().unwrap();
    match wanted {
        Wanted::Json => {
            assert_eq!(content_type, "application/problem+json", "{what}");
            assert_eq!(
                seen.text, json.text,
                "{what}: not the JSON answer byte for byte"
            );
        }
        Wanted::Html => {
            assert_eq!(content_type, "text/html; charset=utf-8", "{what}");
            assert!(
                seen.text.starts_with("<!DOCTYPE html>"),
                "{what}: {}",
                seen.text
            );
            let status = seen.status;
            assert!(
                seen.text
                    .contains(&format!("<title>{status} {}</title>", escape(title))),
                "{what}: {}",
                seen.text
            );
            assert!(
                seen.text.contains(&escape(detail)),
                "{what}: no detail {detail:?}"
            );
            assert!(
                seen.text.contains(&format!("<code>{code}</code>")),
                "{what}"
            );
            assert!(!seen.text.contains("<script"), "{what}");
        }
        Wanted::Text => {
            assert_eq!(content_type, "text/plain; charset=utf-8", "{what}");
            assert_eq!(seen.text, format!("{detail}\n"), "{what}");
        }
        Wanted::Xml => {
            assert_eq!(content_type, "application/problem+xml", "{what}");
            assert!(seen.text.starts_with("<?xml version=\"1.0\""), "{what}");
            assert!(
                seen.text.contains("<problem xmlns=\"urn:ietf:rfc:7807\">"),
                "{what}"
            );
            assert!(
                seen.text
                    .contains(&format!("<status>{}</status>", seen.status)),
                "{what}"
            );
            assert!(
                seen.text.contains(&format!("<code>{code}</code>")),
                "{what}"
            );
        }
    }
}

/// What the HTML pages make of text.
fn escape(text: &str) -> String {
    status_core::html::escape(text).into_owned()
}

/// An `Accept` that is malformed, one of 64 KB, and one of 10,000 media ranges: each gets the
/// JSON answer, byte for byte.
pub fn assert_hostile_accept_gets_json(base: &str) {
    let url = format!("{base}/errors/forbidden");
    let json = get(&url, None);
    let ranges = "a/b,".repeat(10_000);
    let long = format!("text/{}", "h".repeat(64 * 1024));
    let malformed = "text/html;q=2;;=\"x\"\\, ,,/,*/html;q=x, \"open";
    for accept in [malformed, &ranges, &long] {
        let seen = get(&url, Some(accept));
        let what = format!("an Accept of {} bytes", accept.len());
        assert_eq!(seen.status, json.status, "{what}: {}", seen.text);
        assert_eq!(
            seen.header("content-type"),
            Some("application/problem+json"),
            "{what}"
        );
        assert_eq!(seen.text, json.text, "{what}");
    }
}

/// The header a test middleware writes from the record a response carries: the variant, code
/// and status, the type the value has (`ShopError`, `Rejection`, `-` where it was not kept),
/// and `source` where the error has one.
pub const SERVED_HEADER: &str = "x-served";

/// What a test middleware writes in [`SERVED_HEADER`] for `served`.
pub fn describe(served: &Served) -> String {
    let kept = if served.value::<ShopError>().is_some() {
        "ShopError"
    } else if served.value::<status_core::Rejection>().is_some() {
        "Rejection"
    } else {
        "-"
    };
    let source = served
        .error()
        .and_then(std::error::Error::source)
        .map_or("", |_| " source");
    format!(
        "{} {} {} {kept}{source}",
        served.variant(),
        served.code(),
        served.status().as_u16()
    )
}

/// The record middleware reads, for a derived error and for the framework's own: the variant
/// (a forwarded one's, through `transparent`), code and status, the value itself as its type,
/// and an inner error's `source()` that never reaches the client.
pub fn assert_middleware_reads_the_record(base: &str) {
    let record = |path: &str, accept: Option<&str>| {
        let seen = get(&format!("{base}{path}"), accept);
        seen.header(SERVED_HEADER)
            .unwrap_or_else(|| panic!("{path}: no record ({})", seen.text))
            .to_owned()
    };
    assert_eq!(
        record("/errors/forbidden", None),
        "Forbidden forbidden 403 ShopError"
    );
    assert_eq!(
        record("/errors/token-expired", None),
        "TokenExpired token_expired 401 ShopError"
    );
    assert_eq!(
        record("/errors/database", None),
        "Database internal_server_error 500 ShopError source"
    );
    assert_eq!(
        record("/no/such/route", None),
        "RouteNotFound route_not_found 404 Rejection"
    );
    // Negotiation renders from the record, and leaves it for the middleware.
    assert_eq!(
        record("/errors/forbidden", Some("text/html")),
        "Forbidden forbidden 403 ShopError"
    );
    let database = error_named("database").unwrap();
    assert!(matches!(database, ShopError::Database(_)));
}
