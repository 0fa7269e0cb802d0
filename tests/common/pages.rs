//! What the servers of the page tests share: two error types with catalogs (one under a
//! `type_base`, one without), a client, and the checks of the pages and of `instance`. Each
//! server answers `/errors/{name}` with `error_named(name)` and serves both catalogs.
#![allow(dead_code)] // each test file uses its part

use std::time::Duration;

use serde_json::Value;
use status_core::{html, ApiStatus};

/// A shop's errors, documented under `/docs/problems/`; only its table is used here.
#[allow(dead_code)]
#[derive(Debug, ApiStatus)]
#[status(type_base = "https://shop.example.com/docs/problems/")]
pub enum ShopError {
    /// No order has this number.
    #[status(404, message = "no order {0}")]
    OrderNotFound(u64),
    #[status(403, title = "You do not have enough credit")]
    OutOfCredit,
    #[status(429)]
    RateLimited {
        #[status(retry_after)]
        wait: u64,
    },
    #[status(transparent)]
    Auth(AuthError),
}

/// The token has expired. Documented under the shop's base too, as the derive requires of a
/// type `ShopError` forwards to.
#[derive(Debug, ApiStatus)]
#[status(
    401,
    code = "token_expired",
    www_authenticate = "Bearer",
    type_base = "https://shop.example.com/docs/problems/"
)]
pub struct AuthError;

/// Errors with no `type_base`: their catalog is at `/problems/`.
#[derive(Debug, ApiStatus)]
pub enum PlainError {
    #[status(404, message = "nothing at {0}")]
    Missing(String),
}

pub const SHOP_BASE: &str = "/docs/problems/";
pub const PLAIN_BASE: &str = "/problems/";

/// A response as the client saw it.
pub struct Seen {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub text: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    /// Asserts this is the page `expected`, served as HTML with an entity tag; returns the tag.
    pub fn assert_page(&self, expected: &str) -> String {
        assert_eq!(self.status, 200, "{}", self.text);
        assert_eq!(
            self.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert!(self.text == expected, "the page differs from html::*");
        let etag = self.header("etag").expect("an ETag").to_owned();
        assert!(
            etag.len() > 2 && etag.starts_with('"') && etag.ends_with('"'),
            "a strong tag: {etag}"
        );
        etag
    }

    pub fn assert_not_found_problem(&self) {
        assert_eq!(self.status, 404, "{}", self.text);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let body = self.json();
        assert_eq!(body["status"], 404);
        assert_eq!(body["code"], "route_not_found");
    }
}

/// Sends a `GET` to a server on loopback, with every wait bounded.
pub fn get(url: &str, if_none_match: Option<&str>) -> Seen {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(tag) = if_none_match {
        request = request.header("if-none-match", tag);
    }
    let mut response = request.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    Seen {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        text: response.body_mut().read_to_string().unwrap(),
    }
}

/// The error `/errors/{name}` answers with.
pub fn error_named(name: &str) -> PlainError {
    PlainError::Missing(name.to_owned())
}

/// The catalog at its base path, with and without the slash; a page at each type URI's path;
/// the same tag each time; `304` for a tag the client has; `404` as Problem Details for an
/// unknown code.
pub fn assert_pages_are_served(server: &str) {
    let shop = ShopError::table();
    let catalog = html::catalog::<ShopError>();
    let tag = get(&format!("{server}{SHOP_BASE}"), None).assert_page(&catalog);
    let again = get(&format!("{server}/docs/problems"), None).assert_page(&catalog);
    assert_eq!(tag, again, "the tag of a page does not change");

    let mut tags = vec![tag.clone()];
    for variant in shop.responses() {
        let path = format!("{SHOP_BASE}{}", variant.code());
        assert_eq!(
            variant.type_uri(),
            format!("https://shop.example.com{path}"),
            "the page is where the type URI points"
        );
        let page = html::problem_type(&shop, variant.code()).unwrap();
        let tag = get(&format!("{server}{path}"), None).assert_page(&page);
        assert!(
            !tags.contains(&tag),
            "{path}: each page has a tag of its own"
        );
        tags.push(tag);
    }

    let plain = html::catalog::<PlainError>();
    get(&format!("{server}{PLAIN_BASE}"), None).assert_page(&plain);
    let page = html::problem_type(&PlainError::table(), "missing").unwrap();
    get(&format!("{server}{PLAIN_BASE}missing"), None).assert_page(&page);

    let seen = get(&format!("{server}{SHOP_BASE}"), Some(&tag));
    assert_eq!(seen.status, 304, "{}", seen.text);
    assert_eq!(seen.text, "", "a 304 has no body");
    assert_eq!(seen.header("etag"), Some(tag.as_str()));
    let listed = format!("\"stale\", W/{tag}");
    assert_eq!(
        get(&format!("{server}{SHOP_BASE}"), Some(&listed)).status,
        304
    );
    let seen = get(&format!("{server}{SHOP_BASE}"), Some("\"stale\""));
    seen.assert_page(&catalog);

    get(&format!("{server}{SHOP_BASE}no_such_code"), None).assert_not_found_problem();
    get(&format!("{server}{SHOP_BASE}a/b"), None).assert_not_found_problem();
}

/// `instance` is the request's path without its query, only with the middleware on; pages
/// pass through it untouched.
pub fn assert_instance(with_middleware: &str, without: &str) {
    let seen = get(&format!("{with_middleware}/errors/x?token=secret"), None);
    assert_eq!(seen.status, 404, "{}", seen.text);
    assert_eq!(seen.json()["instance"], "/errors/x");
    assert_eq!(seen.json()["detail"], "nothing at x");
    assert!(!seen.text.contains("secret"), "{}", seen.text);
    assert_eq!(
        seen.header("content-length"),
        Some(seen.text.len().to_string().as_str())
    );

    let seen = get(&format!("{with_middleware}/no/route?token=secret"), None);
    assert_eq!(
        seen.json()["instance"],
        "/no/route",
        "the framework's own errors too"
    );
    assert!(!seen.text.contains("secret"), "{}", seen.text);

    let seen = get(&format!("{with_middleware}{SHOP_BASE}"), None);
    seen.assert_page(&html::catalog::<ShopError>());

    let seen = get(&format!("{without}/errors/x?token=secret"), None);
    assert_eq!(seen.status, 404, "{}", seen.text);
    assert!(seen.json().get("instance").is_none(), "{}", seen.text);
}
