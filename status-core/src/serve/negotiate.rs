//! Content negotiation: the same problem in the representation the client asked for.
//!
//! A JSON API answers every error as `application/problem+json`. A service that also answers
//! browsers turns negotiation on, one line per app (each framework module has the middleware:
//! `negotiate`), and then each problem response goes out in the form the request's `Accept`
//! prefers, with `Vary: Accept`:
//!
//! | `Accept` prefers | the client gets |
//! |---|---|
//! | nothing (no header), `*/*`, `application/json`, `application/problem+json`, or only what cannot be sent | `application/problem+json`, byte for byte what it gets without negotiation |
//! | `text/html` (a browser's navigation) | a page for people: [`html::problem_page`](crate::html::problem_page), or your own ([`ProblemPage`]) |
//! | `text/plain` | the detail, as text |
//! | `application/problem+xml`, `application/xml`, `text/xml` | RFC 9457 Appendix B's XML ([`Problem::to_xml`]) |
//!
//! Weights (`q`) and wildcards (`text/*`) count as RFC 9110 section 12.5.1 has them; a tie
//! goes to JSON, then HTML, then text, then XML; nothing is ever refused with a `406`. Every
//! representation says what the JSON body says, with the same status and headers
//! (`WWW-Authenticate`, `Retry-After`, `Allow`), so a 5xx page holds the registry's text and
//! nothing of the error behind it.
//!
//! ```
//! use status_core::negotiate::{Negotiation, Representation};
//!
//! let negotiation = Negotiation::new();
//! let chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
//! assert_eq!(negotiation.representation([chromium.as_bytes()]), Representation::Html);
//! assert_eq!(negotiation.representation([&b"*/*"[..]]), Representation::ProblemJson);
//! assert_eq!(negotiation.representation([]), Representation::ProblemJson);
//! ```

use std::sync::Arc;

use crate::response::erased::detail_of;
use crate::serve::served::Served;
use crate::Problem;

pub use crate::serve::accept::Representation;

/// Which representations a service offers, and how its pages look: what each framework's
/// `negotiate` middleware is given.
///
/// `Negotiation::new()` offers all four, with the built-in page; [`with_page`] renders pages
/// with your templates, and [`without`] stops offering a representation (JSON is always
/// offered: it is the answer when nothing else fits).
///
/// ```
/// use status_core::negotiate::{Negotiation, Representation};
///
/// let negotiation = Negotiation::new()
///     .without(Representation::ProblemXml)
///     .with_page(|problem: &status_core::Problem| {
///         format!("<!DOCTYPE html><title>Oops</title><p>{}", problem.status().unwrap_or(500))
///     });
/// assert_eq!(
///     negotiation.representation([&b"application/xml, text/plain;q=0.5"[..]]),
///     Representation::PlainText
/// );
/// ```
///
/// [`with_page`]: Negotiation::with_page
/// [`without`]: Negotiation::without
#[derive(Clone)]
pub struct Negotiation {
    /// Whether each of [`Representation::ALL`] is offered.
    offered: [bool; 4],
    page: Option<Arc<dyn ProblemPage>>,
}

impl Default for Negotiation {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Negotiation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let offered: Vec<Representation> = Representation::ALL
            .into_iter()
            .filter(|r| self.offers(*r))
            .collect();
        f.debug_struct("Negotiation")
            .field("offered", &offered)
            .field("own_page", &self.page.is_some())
            .finish()
    }
}

impl Negotiation {
    /// Every representation, with the built-in page.
    ///
    /// ```
    /// let negotiation = status_core::negotiate::Negotiation::new();
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Self {
            offered: [true; 4],
            page: None,
        }
    }

    /// Renders the HTML pages with `page` instead of the built-in one: a function of the
    /// [`Problem`] (or anything that implements [`ProblemPage`]), so that askama, maud or
    /// minijinja templates render them. The problem is exactly the JSON body's, so a 5xx
    /// page cannot show more than the body does.
    ///
    /// ```
    /// use status_core::negotiate::Negotiation;
    /// use status_core::Problem;
    ///
    /// // A function returning `String`, or `Option<String>`: `None` falls back to the built-in
    /// // page (a template that failed to render, say).
    /// fn page(problem: &Problem) -> Option<String> {
    ///     let detail = problem.detail()?;
    ///     Some(format!("<!DOCTYPE html><title>Error</title><p>{}", status_core::html::escape(detail)))
    /// }
    ///
    /// let negotiation = Negotiation::new().with_page(page);
    /// ```
    #[must_use]
    pub fn with_page(mut self, page: impl ProblemPage) -> Self {
        self.page = Some(Arc::new(page));
        self
    }

    /// No longer offers `representation`; [`Representation::ProblemJson`] stays, since it is
    /// the answer when nothing else fits.
    ///
    /// ```
    /// use status_core::negotiate::{Negotiation, Representation};
    ///
    /// let negotiation = Negotiation::new().without(Representation::Html);
    /// assert_eq!(negotiation.representation([&b"text/html"[..]]), Representation::ProblemJson);
    /// ```
    #[must_use]
    pub fn without(mut self, representation: Representation) -> Self {
        if representation != Representation::ProblemJson {
            self.offered[representation as usize] = false;
        }
        self
    }

    /// The representation a request with these `Accept` lines gets (no line: no header).
    ///
    /// ```
    /// use status_core::negotiate::{Negotiation, Representation};
    ///
    /// let negotiation = Negotiation::new();
    /// assert_eq!(negotiation.representation([&b"text/*"[..]]), Representation::Html);
    /// assert_eq!(negotiation.representation([&b"image/png"[..]]), Representation::ProblemJson);
    /// ```
    pub fn representation<'a>(&self, accept: impl IntoIterator<Item = &'a [u8]>) -> Representation {
        crate::serve::accept::preferred(accept, |r| self.offers(r))
    }

    fn offers(&self, representation: Representation) -> bool {
        self.offered[representation as usize]
    }

    /// `problem` in `representation`: the body a framework's middleware sends in place of the
    /// JSON one, whose `Content-Type` is [`Representation::media_type`].
    ///
    /// ```
    /// use status_core::negotiate::{Negotiation, Representation};
    ///
    /// let problem = status_core::Problem::new(http::StatusCode::NOT_FOUND).with_detail("no such user");
    /// let text = Negotiation::new().render(Representation::PlainText, &problem);
    /// assert_eq!(text, b"no such user\n");
    /// ```
    #[must_use]
    pub fn render(&self, representation: Representation, problem: &Problem) -> Vec<u8> {
        match representation {
            Representation::ProblemJson => problem.to_json(),
            Representation::ProblemXml => problem.to_xml(),
            Representation::Html => self.page(problem),
            Representation::PlainText => plain_text(problem.detail().or(problem.title())),
        }
    }

    /// `response` as the client of a request with the headers `request` wants it, where it is a
    /// problem (`Content-Type: application/problem+json`): in the representation its `Accept`
    /// prefers, with `Vary: Accept`. Any other response passes as it is. What the framework
    /// modules' `negotiate` middleware does, for a service on hyper or tower, which answers
    /// with [`ApiStatus::response`](crate::ApiStatus::response).
    ///
    /// ```
    /// use http::header::{ACCEPT, CONTENT_TYPE, VARY};
    /// use status_core::{negotiate::Negotiation, ApiStatus};
    ///
    /// #[derive(Debug, ApiStatus)]
    /// #[status(404, message = "no user {0}")]
    /// struct NoUser(u64);
    ///
    /// let mut request = http::HeaderMap::new();
    /// request.insert(ACCEPT, "text/plain".parse().unwrap());
    /// let response = Negotiation::new().negotiate(&request, NoUser(7).response());
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers()[CONTENT_TYPE], "text/plain; charset=utf-8");
    /// assert_eq!(response.headers()[VARY], "accept");
    /// assert_eq!(response.body(), b"no user 7\n");
    /// ```
    #[must_use]
    pub fn negotiate(
        &self,
        request: &http::HeaderMap,
        response: http::Response<Vec<u8>>,
    ) -> http::Response<Vec<u8>> {
        let (mut parts, body) = response.into_parts();
        if !is_negotiated(&mut parts.headers) {
            return http::Response::from_parts(parts, body);
        }
        let representation = self.representation(accept_lines(request));
        if representation == Representation::ProblemJson {
            return http::Response::from_parts(parts, body);
        }
        let served = parts.extensions.get::<Served>().cloned();
        let body = self
            .rerender_http(representation, &mut parts.headers, served.as_ref(), &body)
            .unwrap_or(body);
        http::Response::from_parts(parts, body)
    }

    /// The body a problem response becomes in `representation`: from the value the record
    /// keeps where `body` is still what that value answers (nothing changed it on the way,
    /// such as `instance`), else from `body`; `None` for a body that is no problem.
    pub(crate) fn rerender(
        &self,
        representation: Representation,
        served: Option<&Served>,
        body: &[u8],
    ) -> Option<Vec<u8>> {
        if let Some(kept) = served.and_then(Served::kept) {
            if kept.body() == body {
                return Some(match representation {
                    Representation::Html if self.page.is_none() => {
                        crate::docs::page::value_page(kept.erased()).into_bytes()
                    }
                    Representation::PlainText => plain_text(Some(&detail_of(kept.erased()))),
                    _ => self.render(representation, &kept.problem()),
                });
            }
        }
        let problem: Problem = serde_json::from_slice(body).ok()?;
        Some(self.render(representation, &problem))
    }

    fn page(&self, problem: &Problem) -> Vec<u8> {
        self.page
            .as_ref()
            .and_then(|page| page.render(problem))
            .unwrap_or_else(|| crate::html::problem_page(problem))
            .into_bytes()
    }
}

/// The text of a `text/plain` problem: its detail and a newline.
fn plain_text(detail: Option<&str>) -> Vec<u8> {
    let detail = detail.unwrap_or_default();
    let mut out = Vec::with_capacity(detail.len() + 1);
    out.extend_from_slice(detail.as_bytes());
    out.push(b'\n');
    out
}

/// How the HTML pages of negotiated problems are written: a function of the [`Problem`] that
/// returns the page, as a `String` or, to fall back to the built-in page, `None`.
///
/// A template engine plugs in through a closure:
///
/// ```
/// use status_core::negotiate::Negotiation;
/// use status_core::Problem;
///
/// // askama: `|problem: &Problem| ErrorPage { problem }.render().ok()`;
/// // maud: `|problem: &Problem| page(problem).into_string()`;
/// // minijinja (`Problem` is `Serialize`):
/// // `move |problem: &Problem| env.get_template("error.html").ok()?.render(problem).ok()`.
/// let negotiation = Negotiation::new().with_page(|problem: &Problem| {
///     format!("<!DOCTYPE html><title>{}</title>", problem.status().unwrap_or(500))
/// });
/// ```
pub trait ProblemPage: Send + Sync + 'static {
    /// The page for `problem`; `None` falls back to the built-in page.
    fn render(&self, problem: &Problem) -> Option<String>;
}

impl<F, R> ProblemPage for F
where
    F: Fn(&Problem) -> R + Send + Sync + 'static,
    R: Into<Option<String>>,
{
    fn render(&self, problem: &Problem) -> Option<String> {
        self(problem).into()
    }
}

#[cfg(feature = "__web")]
/// The most of a problem body negotiation reads to render it again; a larger one goes out as
/// it is, as JSON.
pub(crate) const BODY_LIMIT: usize = 64 * 1024;

/// Whether `Vary`, whose lines are `vary`, lacks `Accept`: not when a line is `*` or lists it.
pub(crate) fn vary_lacks_accept<'a>(vary: impl IntoIterator<Item = &'a [u8]>) -> bool {
    !vary.into_iter().any(|line| {
        line.split(|&b| b == b',').any(|name| {
            let start = name.iter().position(|b| !b.is_ascii_whitespace());
            let end = name.iter().rposition(|b| !b.is_ascii_whitespace());
            let name = match (start, end) {
                (Some(start), Some(end)) => &name[start..=end],
                _ => &[][..],
            };
            name == b"*" || name.eq_ignore_ascii_case(b"accept")
        })
    })
}

/// Whether `headers` are a problem response's, which negotiation answers for, in a framework
/// built on the `http` crate: then they say `Vary: Accept` too, whatever the representation.
pub(crate) fn is_negotiated(headers: &mut http::HeaderMap) -> bool {
    if !crate::problem::is_problem(headers.get(http::header::CONTENT_TYPE)) {
        return false;
    }
    vary_on_accept(headers);
    true
}

/// Negotiation's work on the headers of a problem response of a framework built on the `http`
/// crate: `Vary: Accept`.
pub(crate) fn vary_on_accept(headers: &mut http::HeaderMap) {
    let accept = http::HeaderValue::from_static("accept");
    // One look-up: a response without `Vary` (most) gets it inserted where it was not found.
    match headers.entry(http::header::VARY) {
        http::header::Entry::Vacant(vacant) => {
            vacant.insert(accept);
        }
        http::header::Entry::Occupied(mut occupied) => {
            if vary_lacks_accept(occupied.iter().map(http::HeaderValue::as_bytes)) {
                occupied.append(accept);
            }
        }
    }
}

/// The `Accept` lines of a request of a framework built on the `http` crate.
pub(crate) fn accept_lines(headers: &http::HeaderMap) -> impl Iterator<Item = &[u8]> {
    headers
        .get_all(http::header::ACCEPT)
        .iter()
        .map(http::HeaderValue::as_bytes)
}

impl Negotiation {
    /// The body of a problem response of a framework built on the `http` crate in
    /// `representation` (not JSON), its `Content-Type` set and its `Content-Length` dropped
    /// in `headers`; `None`, with the headers as they were, for a body that is no problem.
    pub(crate) fn rerender_http(
        &self,
        representation: Representation,
        headers: &mut http::HeaderMap,
        served: Option<&Served>,
        body: &[u8],
    ) -> Option<Vec<u8>> {
        let rendered = self.rerender(representation, served, body)?;
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(representation.media_type()),
        );
        headers.remove(http::header::CONTENT_LENGTH);
        Some(rendered)
    }
}
