//! HTML for people: the error catalogs a problem type URI resolves to, and the page a browser
//! gets for one problem ([`problem_page`]).
//!
//! RFC 9457 section 3.1.1 says a problem type URI SHOULD resolve to documentation for people.
//! These pages are built from the same [`Table`] as the response bodies, so what a reader sees
//! is what a client receives. Each page is one self-contained HTML5 document: an inline style,
//! no script, nothing fetched from anywhere else, and every text that comes from the error
//! type escaped.
//!
//! With the `axum` or `actix-web` feature, `status_core::axum::problem_types` and
//! `status_core::actix::problem_types` serve them at [`base_path`].
//!
//! ```
//! use status_core::{ApiStatus, Table, VariantInfo};
//!
//! struct OutOfCredit;
//!
//! const ROWS: &[VariantInfo] = &[VariantInfo::new("OutOfCredit", 403)
//!     .with_code("out_of_credit")
//!     .with_type("https://api.example.com/problems/out_of_credit")
//!     .with_title("You do not have enough credit")];
//!
//! impl ApiStatus for OutOfCredit {
//!     fn table() -> Table {
//!         Table::new("OutOfCredit", ROWS).with_type_base("https://api.example.com/problems/")
//!     }
//!     fn variant(&self) -> &'static VariantInfo {
//!         &ROWS[0]
//!     }
//! }
//!
//! let page = status_core::html::catalog::<OutOfCredit>();
//! assert!(page.contains(r#"<section id="out_of_credit">"#));
//! assert_eq!(status_core::html::base_path(&OutOfCredit::table()), "/problems/");
//! ```

use std::fmt::Write as _;

use crate::docs::markup::{close, row, type_uri, STYLE};
use crate::response::headers::display_name;
use crate::response::table::numbered;
use crate::{
    reason_phrase, ApiStatus, Status, Table, VariantInfo, GENERAL_INFORMATION, PROBLEM_JSON,
};

pub use crate::docs::markup::escape;
pub use crate::docs::page::{page, problem_page};

/// Where the pages of a type without a `type_base` are served.
const DEFAULT_BASE_PATH: &str = "/problems/";

/// The page of the documented status codes: the source documentation's description, uses and
/// example response for each.
///
/// ```
/// let page = status_core::html::documented();
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(r#"<section id="429">"#));
/// assert!(page.contains("<h3>Used For</h3>"));
/// ```
#[must_use]
pub fn documented() -> String {
    let mut out = String::new();
    open(&mut out, "Status Codes", "Status Codes");
    general(&mut out, &escape(GENERAL_INFORMATION));
    out.push_str("<nav aria-label=\"Status codes\">\n<ul class=\"toc\">\n");
    for status in Status::ALL {
        let _ = writeln!(
            out,
            "<li><a href=\"#{code}\">{}</a></li>",
            escape(&status.to_string()),
            code = status.code()
        );
    }
    out.push_str("</ul>\n</nav>\n");
    for status in Status::ALL {
        let code = status.code();
        let _ = writeln!(
            out,
            "<section id=\"{code}\">\n<h2><a class=\"self\" href=\"#{code}\">{}</a></h2>",
            escape(&status.to_string())
        );
        let _ = writeln!(
            out,
            "<h3>Description</h3>\n<p>{}</p>",
            escape(status.description())
        );
        out.push_str("<h3>Used For</h3>\n<ul>\n");
        for use_ in status.uses() {
            let _ = writeln!(out, "<li>{}</li>", escape(use_));
        }
        out.push_str("</ul>\n");
        let _ = writeln!(
            out,
            "<h3>Example Response</h3>\n<pre><code>{}</code></pre>\n</section>",
            escape(status.example_response())
        );
    }
    close(&mut out);
    out
}

/// The page of every problem type `E` can produce: one section per variant, ordered by status.
///
/// It is for the API's clients: its title is the type's `catalog_title` (else "Errors"), and
/// it shows codes, titles and descriptions, never a Rust type or variant name. A section
/// stands for each response as clients see it ([`Table::public_responses`]).
///
/// ```
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     /// No user has this id.
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// let page = status_core::html::catalog::<ApiError>();
/// assert!(page.contains("<h1>Errors</h1>"));
/// assert!(page.contains(r#"<section id="user_not_found">"#));
/// assert!(page.contains("<dd>No user has this id.</dd>"));
/// assert!(!page.contains("UserNotFound") && !page.contains("ApiError"));
/// ```
#[must_use]
pub fn catalog<E: ApiStatus>() -> String {
    table(&E::table())
}

/// The page of every problem type in `table`; [`catalog`] for a table at hand.
///
/// ```
/// use status_core::{Table, VariantInfo};
///
/// const ROWS: &[VariantInfo] = &[VariantInfo::new("Busy", 503)];
/// let page = status_core::html::table(&Table::new("Maintenance", ROWS).with_catalog_title("Shop API errors"));
/// assert!(page.contains("<title>Shop API errors</title>"));
/// assert!(page.contains("<h1>Shop API errors</h1>"));
/// assert!(page.contains("<dd>503 Service Unavailable</dd>"));
/// ```
#[must_use]
pub fn table(table: &Table) -> String {
    let responses = table.public_responses();
    let mut out = String::new();
    let title = escape(table.catalog_title());
    open(&mut out, &title, &title);
    general(&mut out, &general_text());
    let ids = anchors(&responses);
    if !responses.is_empty() {
        out.push_str("<nav aria-label=\"Problem types\">\n<ul class=\"toc\">\n");
        for (variant, id) in responses.iter().zip(&ids) {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{} {}</a> <code>{}</code></li>",
                escape(id),
                variant.status().as_u16(),
                escape(title_of(variant)),
                escape(variant.code())
            );
        }
        out.push_str("</ul>\n</nav>\n");
    }
    for (variant, id) in responses.iter().zip(&ids) {
        section(&mut out, variant, id);
    }
    close(&mut out);
    out
}

/// The page of the problem type `code` in `table`: what the type URI `base + code` resolves
/// to, with a link back to the whole catalog; `None` when no variant has that code.
///
/// ```
/// use status_core::{Table, VariantInfo};
///
/// const ROWS: &[VariantInfo] = &[VariantInfo::new("UserNotFound", 404).with_code("user_not_found")];
/// let table = Table::new("ApiError", ROWS).with_type_base("https://api.example.com/problems/");
///
/// let page = status_core::html::problem_type(&table, "user_not_found").unwrap();
/// assert!(page.contains(r#"<section id="user_not_found">"#));
/// assert!(page.contains(r#"<a href="/problems/">"#));
/// assert!(status_core::html::problem_type(&table, "no_such_code").is_none());
/// ```
#[must_use]
pub fn problem_type(table: &Table, code: &str) -> Option<String> {
    let responses: Vec<&VariantInfo> = table
        .public_responses()
        .into_iter()
        .filter(|v| v.code() == code)
        .collect();
    let first = responses.first()?;
    let mut out = String::new();
    let catalog_title = escape(table.catalog_title());
    let page_title = format!(
        "{} ({}): {catalog_title}",
        escape(title_of(first)),
        escape(first.code())
    );
    open(&mut out, &page_title, &catalog_title);
    general(&mut out, &general_text());
    let _ = writeln!(
        out,
        "<nav aria-label=\"Catalog\">\n<p><a href=\"{}\">Every problem type</a></p>\n</nav>",
        escape(base_path(table))
    );
    for (variant, id) in responses.iter().zip(anchors(&responses)) {
        section(&mut out, variant, &id);
    }
    close(&mut out);
    Some(out)
}

/// The path the pages of `table` are served at: the path part of its `type_base`, or
/// `/problems/` when it has none.
///
/// A base that is an absolute URI (`https://api.example.com/problems/`) gives its path
/// (`/problems/`), a host without a path gives `/`, and a base that starts with `/` is a path
/// already. A query or fragment is no part of a path: `https://api.example.com/problems#`
/// gives `/problems`, where the catalog answers for every type URI, each an anchor in it. A
/// base with no path to serve (a `urn:`, or a relative `problems/`) is served at `/problems/`.
///
/// ```
/// use status_core::{html::base_path, Table};
///
/// let table = Table::new("ApiError", &[]);
/// assert_eq!(base_path(&table), "/problems/");
/// assert_eq!(base_path(&table.with_type_base("https://api.example.com/errors/")), "/errors/");
/// assert_eq!(base_path(&table.with_type_base("/docs/errors#")), "/docs/errors");
/// ```
#[must_use]
pub fn base_path(table: &Table) -> &'static str {
    let Some(base) = table.type_base() else {
        return DEFAULT_BASE_PATH;
    };
    let path = if let Some(network_path) = base.strip_prefix("//") {
        after_authority(network_path)
    } else if base.starts_with('/') {
        base
    } else {
        match base.split_once("://") {
            Some((scheme, rest)) if is_scheme(scheme) => after_authority(rest),
            _ => return DEFAULT_BASE_PATH,
        }
    };
    let path = match path.find(['?', '#']) {
        Some(end) => &path[..end],
        None => path,
    };
    if path.is_empty() {
        "/"
    } else {
        path
    }
}

/// What follows the authority of a URI: its path, query and fragment.
fn after_authority(rest: &str) -> &str {
    match rest.find(['/', '?', '#']) {
        Some(start) => &rest[start..],
        None => "",
    }
}

/// Whether `text` is a URI scheme (RFC 3986 section 3.1).
fn is_scheme(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The id of each section: the variant's code, so that a `type_base` ending in `#` resolves
/// to it. An id holds no space, and one already taken gets a suffix.
fn anchors(responses: &[&VariantInfo]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(responses.len());
    for variant in responses {
        let id = variant.code().replace(' ', "_");
        let unique = numbered(&id, '-', |taken| ids.iter().any(|id| id == taken));
        ids.push(unique);
    }
    ids
}

/// The title of a variant's problem type; `Error` for a status without a reason phrase.
fn title_of(variant: &VariantInfo) -> &'static str {
    variant.title().unwrap_or("Error")
}

fn general_text() -> String {
    format!(
        "{} Every error response below has the media type <code>{}</code>: an RFC 9457 \
         Problem Details object whose <code>code</code> member tells the errors apart.",
        escape(GENERAL_INFORMATION),
        escape(PROBLEM_JSON)
    )
}

/// The document up to and including the `<h1>`, in the catalogs' style.
fn open(out: &mut String, title: &str, heading: &str) {
    crate::docs::markup::open(out, STYLE, title, heading);
}

/// The general section; `text` is HTML already.
fn general(out: &mut String, text: &str) {
    let _ = writeln!(out, "<h2>General Information</h2>\n<p>{text}</p>");
}

/// The section of one problem type.
fn section(out: &mut String, variant: &VariantInfo, id: &str) {
    let id = escape(id);
    let status = variant.status();
    let title = escape(title_of(variant));
    let _ = writeln!(
        out,
        "<section id=\"{id}\">\n<h2><a class=\"self\" href=\"#{id}\">{title}</a> \
         <span class=\"status\">{}</span></h2>\n<dl>",
        status.as_u16()
    );
    let status_line = match reason_phrase(status) {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    };
    row(out, "Status", &escape(&status_line));
    row(out, "Title", &title);
    row(
        out,
        "Code",
        &format!("<code>{}</code>", escape(variant.code())),
    );
    row(out, "Description", &escape(variant.description()));
    if let Some(message) = variant.message() {
        row(out, "Message", &format!("<code>{}</code>", escape(message)));
    }
    row(out, "Headers", &headers(variant));
    if !variant.extensions().is_empty() {
        let names: Vec<String> = variant
            .extensions()
            .iter()
            .map(|name| format!("<code>{}</code>", escape(name)))
            .collect();
        row(out, "Extension members", &names.join(", "));
    }
    row(out, "Type URI", &type_uri(variant.type_uri()));
    row(
        out,
        "Typed clients",
        if variant.decodes() {
            "Can rebuild this error whole from the response"
        } else {
            "Receive the problem only: some values of this error stay on the server"
        },
    );
    out.push_str("</dl>\n");
    let body = super::example_text(variant);
    let _ = writeln!(
        out,
        "<h3>Example response</h3>\n<pre><code>{}</code></pre>\n</section>",
        escape(&body)
    );
}

/// The headers a variant's responses carry, those filled from fields shown as `{name}`.
fn headers(variant: &VariantInfo) -> String {
    let lines = std::iter::once(format!("Content-Type: {PROBLEM_JSON}"))
        .chain(
            variant
                .headers()
                .iter()
                .map(|(name, value)| format!("{}: {value}", display_name(name))),
        )
        .chain(
            variant
                .field_headers()
                .iter()
                .map(|name| format!("{}: {{{name}}}", display_name(name))),
        );
    let mut out = String::from("<ul class=\"plain\">");
    for line in lines {
        let _ = write!(out, "<li><code>{}</code></li>", escape(&line));
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TransparentInfo;

    const BASE: &str = "https://api.example.com/problems/";

    #[test]
    fn sections_sharing_a_code_get_numbered_anchors() {
        let rows = [
            VariantInfo::new("A", 404).with_code("gone"),
            VariantInfo::new("B", 410).with_code("gone"),
            VariantInfo::new("C", 409).with_code("gone"),
            VariantInfo::new("D", 400).with_code("two words"),
        ];
        let refs: Vec<&VariantInfo> = rows.iter().collect();
        assert_eq!(anchors(&refs), ["gone", "gone-2", "gone-3", "two_words"]);
    }

    #[test]
    fn a_base_path_is_read_only_from_a_scheme_that_is_one() {
        let table = Table::new("E", &[]);
        for (base, path) in [
            ("a+b.c-9://host/errors/", "/errors/"),
            ("9http://host/errors/", DEFAULT_BASE_PATH),
            ("ht_tp://host/errors/", DEFAULT_BASE_PATH),
        ] {
            assert_eq!(base_path(&table.with_type_base(base)), path, "{base}");
        }
    }

    #[test]
    fn a_page_opens_with_the_general_text_and_lists_its_sections() {
        let empty = table(&Table::new("Empty", &[]));
        assert!(empty.contains(&*escape(GENERAL_INFORMATION)), "{empty}");
        assert!(
            empty.contains("<code>application/problem+json</code>"),
            "{empty}"
        );
        assert!(!empty.contains("<nav"), "{empty}");
        let full = table(&auth());
        assert!(
            full.contains("<nav aria-label=\"Problem types\">"),
            "{full}"
        );
    }

    fn auth() -> Table {
        const ROWS: &[VariantInfo] = &[VariantInfo::new("Expired", 401)
            .with_code("token_expired")
            .with_headers(&[("www-authenticate", "Bearer error=\"invalid_token\"")])];
        Table::new("AuthError", ROWS)
    }

    const ROWS: &[VariantInfo] = &[
        VariantInfo::new("RateLimited", 429)
            .with_code("rate_limited")
            .with_type("https://api.example.com/problems/rate_limited")
            .with_field_headers(&["retry-after"]),
        VariantInfo::new("OutOfCredit", 403)
            .with_code("out_of_credit")
            .with_type("https://api.example.com/problems/out_of_credit")
            .with_title("You do not have enough credit")
            .with_description("The account's balance is below the price.")
            .with_message("balance {balance} is below {price}", true)
            .with_extensions(&["balance", "price"]),
        VariantInfo::new("UserNotFound", 404).with_code("not_found"),
        VariantInfo::new("OrderNotFound", 404)
            .with_code("not_found")
            .with_description("No order has this id."),
        // Answers as `RateLimited` does: one section shows both.
        VariantInfo::new("Throttled", 429)
            .with_code("rate_limited")
            .with_type("https://api.example.com/problems/rate_limited")
            .with_field_headers(&["retry-after"]),
    ];
    const TABLE: Table = Table::new("ApiError", ROWS)
        .with_type_base(BASE)
        .with_transparent(&[TransparentInfo::new("Auth", auth)]);

    /// The ids of the page's sections, in order.
    fn section_ids(page: &str) -> Vec<&str> {
        page.split("<section id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect()
    }

    #[test]
    fn catalog_has_one_section_per_public_response_ordered_by_status() {
        let page = table(&TABLE);
        // `Throttled` answers as `RateLimited` does, so it has no section of its own.
        assert_eq!(
            section_ids(&page),
            [
                "token_expired",
                "out_of_credit",
                "not_found",
                "not_found-2",
                "rate_limited"
            ]
        );
        assert!(
            page.contains("<dd>401 Unauthorized</dd>"),
            "transparent rows too"
        );
        assert!(page.contains("<h1>Errors</h1>\n") && page.contains("<title>Errors</title>"));
        for name in [
            "ApiError",
            "AuthError",
            "RateLimited",
            "OutOfCredit",
            "Expired",
        ] {
            assert!(!page.contains(name), "{name}");
        }
    }

    #[test]
    fn section_shows_title_status_code_headers_type_and_example() {
        let page = table(&TABLE);
        let section = &page[page.find("<section id=\"out_of_credit\">").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        for expected in [
            "<h2><a class=\"self\" href=\"#out_of_credit\">You do not have enough credit</a> \
             <span class=\"status\">403</span></h2>",
            "<dt>Status</dt><dd>403 Forbidden</dd>",
            "<dt>Code</dt><dd><code>out_of_credit</code></dd>",
            "<dt>Description</dt><dd>The account&#39;s balance is below the price.</dd>",
            "<dt>Message</dt><dd><code>balance {balance} is below {price}</code></dd>",
            "<li><code>Content-Type: application/problem+json</code></li>",
            "<dt>Extension members</dt><dd><code>balance</code>, <code>price</code></dd>",
            "<dt>Type URI</dt><dd><a href=\"https://api.example.com/problems/out_of_credit\">",
            "&quot;type&quot;: &quot;https://api.example.com/problems/out_of_credit&quot;",
            // The catalog knows the member's name, not its type.
            "&quot;balance&quot;: &lt;any JSON&gt;",
        ] {
            assert!(section.contains(expected), "{expected}\n{section}");
        }
        assert!(page.contains("<li><code>Retry-After: {retry-after}</code></li>"));
        assert!(page.contains(
            "<li><code>WWW-Authenticate: Bearer error=&quot;invalid_token&quot;</code></li>"
        ));
    }

    #[test]
    fn problem_type_page_holds_only_that_code_and_links_to_the_catalog() {
        let page = problem_type(&TABLE, "not_found").unwrap();
        assert_eq!(section_ids(&page), ["not_found", "not_found-2"]);
        assert!(page.contains("<a href=\"/problems/\">Every problem type</a>"));
        assert!(page.contains("<title>Not Found (not_found): Errors</title>"));
        assert!(problem_type(&TABLE, "gone").is_none());
    }

    #[test]
    fn headings_never_skip_a_level() {
        for page in [
            table(&TABLE),
            problem_type(&TABLE, "rate_limited").unwrap(),
            documented(),
        ] {
            let mut level = 0;
            for part in page.split("<h").skip(1) {
                let Some(next) = part.chars().next().and_then(|c| c.to_digit(10)) else {
                    continue; // <head>, <html>
                };
                assert!(next <= level + 1, "h{next} after h{level}");
                level = next;
            }
            assert_eq!(page.matches("<h1>").count(), 1);
        }
    }

    #[test]
    fn documented_page_has_the_source_shape_for_every_code() {
        let page = documented();
        assert_eq!(page.matches("<h3>Used For</h3>").count(), Status::ALL.len());
        assert!(page.contains("<h2><a class=\"self\" href=\"#404\">404 Not Found</a></h2>"));
        let use_ = escape(Status::TooManyRequests.uses()[0]).into_owned();
        assert!(page.contains(&format!("<li>{use_}</li>")));
    }

    #[test]
    fn pages_fetch_nothing_and_run_nothing() {
        for page in [table(&TABLE), documented()] {
            for banned in ["<script", "<link", "<img", "src=", "@import", "url("] {
                assert!(!page.contains(banned), "{banned}");
            }
            assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"));
        }
    }

    #[test]
    fn base_path_is_the_path_of_the_type_base() {
        let base =
            |type_base: &'static str| base_path(&Table::new("E", &[]).with_type_base(type_base));
        assert_eq!(base_path(&Table::new("E", &[])), "/problems/");
        assert_eq!(base("https://api.example.com/problems/"), "/problems/");
        assert_eq!(
            base("https://api.example.com:8443/v1/errors/"),
            "/v1/errors/"
        );
        assert_eq!(base("https://api.example.com"), "/");
        assert_eq!(base("https://api.example.com/problems#"), "/problems");
        assert_eq!(base("http://api.example.com?type="), "/");
        assert_eq!(base("//api.example.com/problems/"), "/problems/");
        assert_eq!(base("/errors/"), "/errors/");
        assert_eq!(base("/errors/#"), "/errors/");
        assert_eq!(base("urn:example:problems:"), "/problems/");
        assert_eq!(base("problems/"), "/problems/");
    }
}
