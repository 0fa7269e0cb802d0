//! The page a person sees for one problem: what content negotiation sends a browser in place
//! of the `application/problem+json` body. Written in one pass into one buffer, from a parsed
//! [`Problem`] or straight from a value, as the body is.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde_json::{Map, Value};

use crate::docs::markup::{push_escaped, push_type_uri, HEAD, PAGE_BODY};
use crate::response::erased::ErasedStatus;
use crate::{reason_phrase, ApiStatus, Extensions, Problem, ABOUT_BLANK};

/// The page a person sees for `problem`: what a browser gets in place of the
/// `application/problem+json` body when content negotiation is on
/// ([`Negotiation`](crate::negotiate::Negotiation)).
///
/// One self-contained HTML5 document in the catalogs' style: the title and status as the
/// heading, the detail, then the status line, the code, the problem type (a link where it is
/// a web address or a path), `instance`, and each extension member (`errors` as a list of
/// where and what). It shows what the JSON body says and nothing more, so a 5xx page holds
/// no more than a 5xx body: the registry's text. Every text is escaped.
///
/// ```
/// use http::StatusCode;
/// use status_core::Problem;
///
/// let problem = Problem::new(StatusCode::NOT_FOUND)
///     .with_code("user_not_found")
///     .with_detail("user <42> not found")
///     .with_type("/problems/user_not_found");
/// let page = status_core::html::problem_page(&problem);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<title>404 Not Found</title>"));
/// assert!(page.contains("<p class=\"detail\">user &lt;42&gt; not found</p>"));
/// assert!(page.contains("<a href=\"/problems/user_not_found\">"));
/// ```
#[must_use]
pub fn problem_page(problem: &Problem) -> String {
    write_page(problem)
}

/// The page of `value`: [`problem_page`] of its [`problem`](ApiStatus::problem), written from
/// the value without building the problem, as its body is. What content negotiation sends a
/// browser for a derived type's response.
///
/// ```
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// #[status(404, message = "no user {0}")]
/// struct NoUser(u64);
///
/// let page = status_core::html::page(&NoUser(7));
/// assert_eq!(page, status_core::html::problem_page(&NoUser(7).problem()));
/// assert!(page.contains("<p class=\"detail\">no user 7</p>"));
/// ```
#[must_use]
pub fn page<T: ApiStatus + ?Sized>(value: &T) -> String {
    value_page(&crate::response::api_status::Erased(value))
}

/// The page of a value behind the writers' trait object.
pub(crate) fn value_page(value: &dyn ErasedStatus) -> String {
    write_page(&ValuePage(value))
}

/// What a problem page shows, read from a parsed problem or from a value.
trait PageSource {
    fn status(&self) -> Option<u16>;
    /// The title, given the registry's reason phrase of the status.
    fn title(&self, reason: Option<&'static str>) -> Text<'_>;
    fn code(&self) -> Option<&str>;
    fn type_uri(&self) -> &str;
    fn instance(&self) -> Option<&str>;
    /// Writes the detail into `out`, escaped.
    fn write_detail(&self, out: &mut String);
    /// The extension members; `None` when there are none.
    fn extensions(&self) -> Option<Cow<'_, Map<String, Value>>>;
}

/// A text of the page: one to escape, or one of this crate's that holds nothing to escape.
enum Text<'a> {
    Escaped(&'a str),
    Safe(&'static str),
}

impl Text<'_> {
    fn push_to(&self, out: &mut String) {
        match self {
            Text::Escaped(text) => push_escaped(out, text),
            Text::Safe(text) => out.push_str(text),
        }
    }
}

impl PageSource for Problem {
    fn status(&self) -> Option<u16> {
        self.status()
    }

    fn title(&self, _: Option<&'static str>) -> Text<'_> {
        self.title().map_or(Text::Safe("Error"), Text::Escaped)
    }

    fn code(&self) -> Option<&str> {
        self.code()
    }

    fn type_uri(&self) -> &str {
        self.type_uri()
    }

    fn instance(&self) -> Option<&str> {
        self.instance()
    }

    fn write_detail(&self, out: &mut String) {
        if let Some(detail) = self.detail() {
            push_escaped(out, detail);
        }
    }

    fn extensions(&self) -> Option<Cow<'_, Map<String, Value>>> {
        let members = self.extensions();
        (!members.is_empty()).then_some(Cow::Borrowed(members))
    }
}

/// A value's page: the same members its body has, from the same methods.
struct ValuePage<'a>(&'a dyn ErasedStatus);

impl PageSource for ValuePage<'_> {
    fn status(&self) -> Option<u16> {
        Some(self.0.status().as_u16())
    }

    fn title(&self, reason: Option<&'static str>) -> Text<'_> {
        match self.0.variant().own_title() {
            Some(title) => Text::Escaped(title),
            None => Text::Safe(reason.unwrap_or("Error")),
        }
    }

    fn code(&self) -> Option<&str> {
        Some(self.0.code())
    }

    fn type_uri(&self) -> &str {
        self.0.variant().type_uri()
    }

    fn instance(&self) -> Option<&str> {
        None
    }

    fn write_detail(&self, out: &mut String) {
        let before = out.len();
        // What the body does with a `Display` that fails mid-way: the row's static detail.
        if self.0.write_detail(&mut Escaping(out)).is_err() {
            out.truncate(before);
            push_escaped(out, self.0.variant().detail());
        }
    }

    fn extensions(&self) -> Option<Cow<'_, Map<String, Value>>> {
        if self.0.variant().extensions().is_empty() {
            return None;
        }
        let mut problem = Problem::default();
        self.0.write_extensions(&mut Extensions::new(&mut problem));
        Some(Cow::Owned(problem.extensions().clone()))
    }
}

/// A `fmt::Write` that escapes what it is given for HTML text.
struct Escaping<'a>(&'a mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        push_escaped(self.0, text);
        Ok(())
    }
}

fn write_page(problem: &dyn PageSource) -> String {
    let status = problem.status();
    // The registry's phrases hold nothing HTML escapes (`status/registry.rs` checks).
    let reason = status
        .and_then(|status| http::StatusCode::from_u16(status).ok())
        .and_then(reason_phrase);
    let title = problem.title(reason);
    let mut out = String::with_capacity(HEAD.len() + PAGE_BODY.len() + 640);
    out.push_str(HEAD);
    if let Some(status) = status {
        push_status(&mut out, status);
        out.push(' ');
    }
    title.push_to(&mut out);
    out.push_str(PAGE_BODY);
    title.push_to(&mut out);
    if let Some(status) = status {
        out.push_str(" <span class=\"status\">");
        push_status(&mut out, status);
        out.push_str("</span>");
    }
    out.push_str("</h1>\n<p class=\"detail\">");
    let detail_start = out.len();
    problem.write_detail(&mut out);
    if out.len() == detail_start {
        // No detail: no paragraph.
        out.truncate(detail_start - "<p class=\"detail\">".len());
    } else {
        out.push_str("</p>\n");
    }
    out.push_str("<dl>\n");
    if let Some(status) = status {
        out.push_str("<dt>Status</dt><dd>");
        push_status(&mut out, status);
        if let Some(reason) = reason {
            out.push(' ');
            out.push_str(reason);
        }
        out.push_str("</dd>\n");
    }
    if let Some(code) = problem.code() {
        out.push_str("<dt>Code</dt><dd><code>");
        push_escaped(&mut out, code);
        out.push_str("</code></dd>\n");
    }
    if problem.type_uri() != ABOUT_BLANK {
        out.push_str("<dt>Problem type</dt><dd>");
        push_type_uri(&mut out, problem.type_uri());
        out.push_str("</dd>\n");
    }
    if let Some(instance) = problem.instance() {
        out.push_str("<dt>Instance</dt><dd><code>");
        push_escaped(&mut out, instance);
        out.push_str("</code></dd>\n");
    }
    for (name, value) in problem
        .extensions()
        .iter()
        .flat_map(|members| members.iter())
    {
        out.push_str("<dt>");
        push_escaped(&mut out, name);
        out.push_str("</dt><dd>");
        push_member(&mut out, value);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n</main>\n</body>\n</html>\n");
    out
}

/// A status code's digits.
fn push_status(out: &mut String, status: u16) {
    match http::StatusCode::from_u16(status) {
        Ok(status) => out.push_str(status.as_str()),
        Err(_) => {
            let _ = write!(out, "{status}");
        }
    }
}

/// An extension member's value for a person: RFC 9457's `errors` (objects with a `pointer`
/// and a `detail`) as a list of where and what, any other value as its JSON.
fn push_member(out: &mut String, value: &Value) {
    let violations: Option<Vec<(&str, &str)>> = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|item| {
                Some((
                    item.get("pointer")?.as_str()?,
                    item.get("detail")?.as_str()?,
                ))
            })
            .collect()
    });
    match violations {
        Some(items) if !items.is_empty() => {
            out.push_str("<ul class=\"plain\">");
            for (pointer, detail) in items {
                out.push_str("<li><code>");
                push_escaped(out, pointer);
                out.push_str("</code>: ");
                push_escaped(out, detail);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        _ => {
            out.push_str("<code>");
            push_escaped(out, &value.to_string());
            out.push_str("</code>");
        }
    }
}

#[cfg(test)]
mod tests {
    use http::StatusCode;
    use serde_json::json;

    use super::*;

    #[test]
    fn a_page_shows_every_member_escaped() {
        let problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY)
            .with_type("https://api.example.com/problems/invalid")
            .with_code("invalid")
            .with_detail("the <order> & its \"items\"")
            .with_instance("/orders/7")
            .with_extension(
                "errors",
                json!([{"pointer": "#/age", "detail": "must be < 150"}]),
            )
            .with_extension("limit", 100);
        let page = problem_page(&problem);
        for expected in [
            "<title>422 Unprocessable Content</title>",
            "<h1>Unprocessable Content <span class=\"status\">422</span></h1>",
            "<p class=\"detail\">the &lt;order&gt; &amp; its &quot;items&quot;</p>",
            "<dt>Status</dt><dd>422 Unprocessable Content</dd>",
            "<dt>Code</dt><dd><code>invalid</code></dd>",
            "<dt>Problem type</dt><dd><a href=\"https://api.example.com/problems/invalid\">",
            "<dt>Instance</dt><dd><code>/orders/7</code></dd>",
            "<dt>errors</dt><dd><ul class=\"plain\"><li><code>#/age</code>: must be &lt; 150</li></ul></dd>",
            "<dt>limit</dt><dd><code>100</code></dd>",
        ] {
            assert!(page.contains(expected), "{expected}\n{page}");
        }
        assert!(page.ends_with("</dl>\n</main>\n</body>\n</html>\n"));
    }

    #[test]
    fn a_problem_of_another_server_without_members_still_makes_a_page() {
        let page = problem_page(&Problem::default());
        assert!(page.contains("<title>Error</title>"), "{page}");
        assert!(!page.contains("<p class=\"detail\">"), "{page}");
        assert!(!page.contains("Problem type"), "{page}");
        let odd = Problem::new(StatusCode::from_u16(599).unwrap());
        assert!(problem_page(&odd).contains("<dt>Status</dt><dd>599</dd>"));
    }

    #[test]
    fn headings_never_skip_a_level_and_nothing_is_fetched() {
        let page = problem_page(&Problem::new(StatusCode::NOT_FOUND).with_detail("x"));
        assert_eq!(page.matches("<h1>").count(), 1);
        assert!(!page.contains("<h2") && !page.contains("<h3"));
        for banned in ["<script", "<link", "<img", "src=", "@import", "url("] {
            assert!(!page.contains(banned), "{banned}");
        }
    }
}
