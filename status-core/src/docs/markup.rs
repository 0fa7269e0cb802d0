//! What every HTML page of this crate is made of: escaping, the document's head and foot, the
//! style sheet (one for the catalogs, a part of it for a problem's page), and links to type
//! URIs. Below the catalogs (`html.rs`) and the problem page (`page.rs`), which both use it.

use std::borrow::Cow;

use crate::ABOUT_BLANK;

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references, so it reads as
/// text both in an element and in a quoted attribute: for a page of your own
/// ([`ProblemPage`](crate::negotiate::ProblemPage)) written without a template engine.
///
/// ```
/// assert_eq!(status_core::html::escape("<b>\"Tom\" & 'Jerry'</b>"), "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
/// ```
#[must_use]
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    push_escaped(&mut out, text);
    Cow::Owned(out)
}

/// Appends `text` to `out` as [`escape`] writes it; runs with nothing to escape are copied
/// whole.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Most text has nothing to escape: found in one pass, copied in one piece.
    let Some(first) = bytes.iter().position(|&b| ESCAPED[usize::from(b)] != 0) else {
        out.push_str(text);
        return;
    };
    let mut start = 0;
    let mut i = first;
    while i < bytes.len() {
        let escaped = ESCAPED[usize::from(bytes[i])];
        if escaped == 0 {
            i += 1;
            continue;
        }
        out.push_str(&text[start..i]);
        out.push_str(REFERENCES[usize::from(escaped - 1)]);
        i += 1;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// The character references of the five characters [`escape`] writes as one.
const REFERENCES: [&str; 5] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

/// For each byte, one more than its index in [`REFERENCES`]; 0 for the rest.
// A `static`, not a `const`: a `const` array is copied to the stack wherever it is indexed.
static ESCAPED: [u8; 256] = {
    let mut table = [0_u8; 256];
    table[b'&' as usize] = 1;
    table[b'<' as usize] = 2;
    table[b'>' as usize] = 3;
    table[b'"' as usize] = 4;
    table[b'\'' as usize] = 5;
    table
};

/// The document up to the text of its `<title>`.
pub(crate) const HEAD: &str =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
     <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
     <meta name=\"color-scheme\" content=\"light dark\">\n<title>";

/// From the end of the `<title>` to the text of the `<h1>`, with the style sheet `style`.
pub(crate) fn open_body(out: &mut String, style: &str) {
    out.push_str("</title>\n<style>");
    out.push_str(style);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<h1>");
}

/// The document up to and including the `<h1>`, with the style sheet `style`; `title` and
/// `heading` are HTML already.
pub(crate) fn open(out: &mut String, style: &str, title: &str, heading: &str) {
    out.push_str(HEAD);
    out.push_str(title);
    open_body(out, style);
    out.push_str(heading);
    out.push_str("</h1>\n");
}

pub(crate) fn close(out: &mut String) {
    out.push_str("</main>\n</body>\n</html>\n");
}

/// A row of a description list; `name` and `value` are HTML already.
pub(crate) fn row(out: &mut String, name: &str, value: &str) {
    out.push_str("<dt>");
    out.push_str(name);
    out.push_str("</dt><dd>");
    out.push_str(value);
    out.push_str("</dd>\n");
}

/// The type URI, as a link where following it is safe (a web address or a path).
pub(crate) fn type_uri(uri: &str) -> String {
    let mut out = String::with_capacity(2 * uri.len() + 32);
    push_type_uri(&mut out, uri);
    out
}

/// Appends [`type_uri`]'s HTML to `out`.
pub(crate) fn push_type_uri(out: &mut String, uri: &str) {
    let linkable = uri != ABOUT_BLANK
        && (uri.starts_with("https://") || uri.starts_with("http://") || uri.starts_with('/'));
    if linkable {
        out.push_str("<a href=\"");
        push_escaped(out, uri);
        out.push_str("\"><code>");
        push_escaped(out, uri);
        out.push_str("</code></a>");
    } else {
        out.push_str("<code>");
        push_escaped(out, uri);
        out.push_str("</code>");
    }
}

/// The rules a problem's page and the catalogs share, as a literal for `concat!`.
macro_rules! base_style {
    () => {
        "\n\
:root{--muted:#57606a;--line:#d0d7de;--code:#f6f8fa}\n\
@media (prefers-color-scheme:dark){:root{--muted:#9ea7b3;--line:#3d444d;--code:#161b22}}\n\
body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:0}\n\
main{max-width:52rem;margin:0 auto;padding:1rem 1.25rem 3rem}\n\
h1{font-size:1.9rem;margin:.5rem 0 1rem}\n\
.status{color:var(--muted);font-weight:400}\n\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}\n\
dt{font-weight:600;color:var(--muted)}\n\
dd{margin:0;overflow-wrap:anywhere}\n\
ul.plain{list-style:none;margin:0;padding:0}\n\
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}\n\
@media (max-width:36rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}}\n"
    };
}

/// The style sheet of a problem's page: the catalogs' look, only what the page uses.
macro_rules! page_style {
    () => {
        concat!(
            base_style!(),
            "p.detail{font-size:1.15rem;margin:0 0 1.25rem}\n"
        )
    };
}

/// [`page_style!`] as a constant.
#[cfg(test)]
pub(crate) const PAGE_STYLE: &str = page_style!();

/// A problem page from the end of its `<title>` to the text of its `<h1>`: [`open_body`] with
/// [`PAGE_STYLE`], as one piece.
pub(crate) const PAGE_BODY: &str = concat!(
    "</title>\n<style>",
    page_style!(),
    "</style>\n</head>\n<body>\n<main>\n<h1>"
);

/// The style sheet of the catalogs, inline so that a page fetches nothing.
pub(crate) const STYLE: &str = concat!(
    base_style!(),
    "h2{font-size:1.3rem;margin:2.5rem 0 .75rem;padding-top:1rem;border-top:1px solid var(--line)}\n\
h3{font-size:1rem;margin:1.25rem 0 .5rem}\n\
a.self{color:inherit;text-decoration:none}\n\
a.self:hover,a.self:focus{text-decoration:underline}\n\
section:target h2{border-top-color:currentColor}\n\
ul.toc{padding-left:1.2rem}\n\
pre{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;overflow-x:auto}\n\
pre code{font-size:inherit}\n"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_writes_the_five_special_characters_as_references() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert!(matches!(escape("plain text"), Cow::Borrowed("plain text")));
        assert_eq!(escape("é &amp;"), "é &amp;amp;");
        assert_eq!(escape("日本<語>"), "日本&lt;語&gt;");
    }

    #[test]
    fn type_uri_links_only_to_web_addresses_and_paths() {
        assert_eq!(type_uri("about:blank"), "<code>about:blank</code>");
        assert_eq!(
            type_uri("javascript:alert(1)"),
            "<code>javascript:alert(1)</code>"
        );
        assert_eq!(
            type_uri("/problems/a?x=1&y=2"),
            "<a href=\"/problems/a?x=1&amp;y=2\"><code>/problems/a?x=1&amp;y=2</code></a>"
        );
    }

    #[test]
    fn the_page_s_style_is_a_part_of_the_catalogs() {
        for rule in PAGE_STYLE
            .lines()
            .filter(|rule| !rule.starts_with("p.detail"))
        {
            assert!(STYLE.contains(rule), "{rule}");
        }
    }
}
