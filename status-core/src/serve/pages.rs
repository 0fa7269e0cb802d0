//! The pages a problem type URI resolves to, as the framework integrations serve them: the
//! HTML catalog as a table of pages by request path, each with a strong `ETag`, and a
//! conditional request for a page the client has answered `304 Not Modified`.

use http::header::{CONTENT_TYPE, ETAG};
use http::HeaderValue;

use crate::html;
use crate::problem::type_uri::is_uri_text;
use crate::Table;

/// The media type of the pages.
pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// Every page a type's catalog serves, by request path, built once when the routes are.
pub(crate) struct ServedPages<B> {
    prefix: &'static str,
    pages: Vec<(String, Page<B>)>,
}

/// One page: its body, in the framework's type, and its entity tag.
#[derive(Clone)]
pub(crate) struct Page<B> {
    pub(crate) body: B,
    pub(crate) etag: String,
}

/// What to answer a `GET` for a path.
pub(crate) enum Reply<'a, B> {
    /// `200 OK` with the page.
    Page(&'a Page<B>),
    /// `304 Not Modified`, with the page's entity tag and no body.
    NotModified(&'a str),
    /// `404 Not Found`: no page has this path.
    NotFound,
}

impl<B: Clone> ServedPages<B> {
    /// The pages of `table`, each made into a body by `body`.
    pub(crate) fn new(table: &Table, body: impl Fn(String) -> B) -> Self {
        let base = html::base_path(table);
        let page = |html: String| Page {
            etag: etag(html.as_bytes()),
            body: body(html),
        };
        let catalog = page(html::table(table));
        let trimmed = base.trim_end_matches('/');
        let mut pages = vec![(base.to_owned(), catalog.clone())];
        if base != "/" {
            let other = if base.ends_with('/') {
                trimmed.to_owned()
            } else {
                format!("{base}/")
            };
            pages.push((other, catalog));
        }
        if has_pages_per_code(table) {
            let mut codes: Vec<&str> = Vec::new();
            for variant in table.responses() {
                // A code a URI cannot hold has no type URI to resolve.
                if is_uri_text(variant.code()) && !codes.contains(&variant.code()) {
                    codes.push(variant.code());
                }
            }
            for code in codes {
                if let Some(html) = html::problem_type(table, code) {
                    pages.push((format!("{base}{code}"), page(html)));
                }
            }
        }
        Self {
            prefix: trimmed,
            pages,
        }
    }
}

impl<B> ServedPages<B> {
    /// The path every page is at or under (`prefix` or `prefix/...`), without a trailing
    /// `/`: empty for the root of the site.
    pub(crate) fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The answer to a `GET` for `path` with these `If-None-Match` header values.
    pub(crate) fn reply<'h>(
        &self,
        path: &str,
        if_none_match: impl IntoIterator<Item = &'h [u8]>,
    ) -> Reply<'_, B> {
        let Some((_, page)) = self.pages.iter().find(|(at, _)| at == path) else {
            return Reply::NotFound;
        };
        if if_none_match
            .into_iter()
            .any(|value| none_match(value, &page.etag))
        {
            Reply::NotModified(&page.etag)
        } else {
            Reply::Page(page)
        }
    }
}

impl<B: Clone + Default> Reply<'_, B> {
    /// The answer as an `http` response, for the frameworks built on `http`'s types; `None` for
    /// [`Reply::NotFound`], which each answers with its own `404`.
    pub(crate) fn into_http(self) -> Option<http::Response<B>> {
        let (status, body, tag) = match self {
            Reply::Page(page) => (http::StatusCode::OK, page.body.clone(), page.etag.as_str()),
            Reply::NotModified(tag) => (http::StatusCode::NOT_MODIFIED, B::default(), tag),
            Reply::NotFound => return None,
        };
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        if status == http::StatusCode::OK {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(HTML));
        }
        // The tag is `"` and hex digits (`etag`): always a header value.
        if let Ok(tag) = HeaderValue::from_str(tag) {
            headers.insert(ETAG, tag);
        }
        Some(response)
    }
}

/// Whether the type URIs of `table` are `base path + code` under a base ending in `/`, each a
/// page of its own; a base with a fragment makes them anchors in the catalog instead.
fn has_pages_per_code(table: &Table) -> bool {
    html::base_path(table).ends_with('/')
        && !table
            .type_base()
            .is_some_and(|base| base.contains(['?', '#']))
}

/// A strong entity tag for `bytes`: their 64-bit FNV-1a hash, in hex, quoted.
pub(crate) fn etag(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("\"{hash:016x}\"")
}

/// Whether an `If-None-Match` value names `etag`: `*`, or a list holding it, weak or strong
/// (the weak comparison of RFC 9110 section 13.1.2).
pub(crate) fn none_match(value: &[u8], etag: &str) -> bool {
    let Ok(value) = std::str::from_utf8(value) else {
        return false;
    };
    value.trim() == "*"
        || value.split(',').any(|tag| {
            let tag = tag.trim();
            tag.strip_prefix("W/").unwrap_or(tag) == etag
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VariantInfo;

    const ROWS: &[VariantInfo] = &[
        VariantInfo::new("UserNotFound", 404).with_code("user_not_found"),
        VariantInfo::new("OrderNotFound", 404)
            .with_code("user_not_found")
            .with_message("no order has this id", false),
        VariantInfo::new("Spaced", 400).with_code("not a uri"),
    ];

    fn site_of(type_base: Option<&'static str>) -> ServedPages<String> {
        let mut table = Table::new("ApiError", ROWS);
        if let Some(base) = type_base {
            table = table.with_type_base(base);
        }
        ServedPages::new(&table, |html| html)
    }

    fn paths<B>(site: &ServedPages<B>) -> Vec<&str> {
        site.pages.iter().map(|(path, _)| path.as_str()).collect()
    }

    #[test]
    fn catalog_with_and_without_slash_and_a_page_per_code() {
        let site = site_of(Some("https://api.example.com/problems/"));
        assert_eq!(
            paths(&site),
            ["/problems/", "/problems", "/problems/user_not_found"]
        );
        assert_eq!(site.prefix(), "/problems");
        assert_eq!(site_of(None).prefix(), "/problems");
    }

    #[test]
    fn base_with_a_fragment_serves_the_catalog_alone() {
        let site = site_of(Some("https://api.example.com/docs/problems#"));
        assert_eq!(paths(&site), ["/docs/problems", "/docs/problems/"]);
        assert_eq!(site.prefix(), "/docs/problems");
    }

    #[test]
    fn base_not_ending_in_a_slash_serves_the_catalog_alone() {
        let site = site_of(Some("/errors/e-"));
        assert_eq!(paths(&site), ["/errors/e-", "/errors/e-/"]);
        assert_eq!(site.prefix(), "/errors/e-");
    }

    #[test]
    fn base_at_the_root_serves_from_the_root() {
        let site = site_of(Some("https://api.example.com/"));
        assert_eq!(paths(&site), ["/", "/user_not_found"]);
        assert_eq!(site.prefix(), "");
    }

    #[test]
    fn reply_is_the_page_not_modified_or_not_found() {
        let site = site_of(None);
        let Reply::Page(page) = site.reply("/problems/user_not_found", []) else {
            panic!("no page");
        };
        assert!(page.body.contains("<section id=\"user_not_found-2\">"));
        let tag = page.etag.clone();
        assert!(matches!(
            site.reply("/problems/user_not_found", [tag.as_bytes()]),
            Reply::NotModified(t) if *t == tag
        ));
        assert!(matches!(
            site.reply("/problems/user_not_found", [&b"\"other\""[..]]),
            Reply::Page(_)
        ));
        assert!(matches!(site.reply("/problems/gone", []), Reply::NotFound));
        assert!(matches!(
            site.reply("/problems/not a uri", []),
            Reply::NotFound
        ));
    }

    #[test]
    fn etag_is_a_quoted_hash_of_the_bytes() {
        assert_eq!(etag(b""), "\"cbf29ce484222325\"");
        assert_eq!(etag(b"a"), "\"af63dc4c8601ec8c\"");
        assert_ne!(etag(b"page 1"), etag(b"page 2"));
    }

    #[test]
    fn none_match_takes_star_lists_and_weak_tags() {
        let tag = "\"0123456789abcdef\"";
        assert!(none_match(tag.as_bytes(), tag));
        assert!(none_match(b"*", tag));
        assert!(none_match(b"\"x\", W/\"0123456789abcdef\"", tag));
        assert!(!none_match(b"\"x\"", tag));
        assert!(!none_match(b"0123456789abcdef", tag));
        assert!(!none_match(b"", tag));
    }
}
