//! The type URI of every error the axum example serves resolves, in a real browser, to the
//! page that documents it.
//!
//! Starts the `axum_server` example (which `cargo test --all-features` builds) on a free
//! loopback port, asks it for an error of each variant, and loads each body's `type` URI in
//! headless Chromium driven through `WebDriver` (`chromedriver`, Debian's `chromium-driver`;
//! `.ci/run` installs it). The test is ignored unless asked for (`-- --ignored`), because
//! chromedriver may be missing; asked for without it, it fails.
//!
//! With `actix-web` and `tracing`, the notes example (`examples/notes.rs`) shows the browser a
//! page for a problem, where content negotiation answers its navigation, and answers a
//! `fetch()` from that page asking for JSON with Problem Details.
#![cfg(feature = "axum")]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[allow(dead_code)] // the examples use the rest
#[path = "../examples/demo/mod.rs"]
mod demo;
#[path = "common/example.rs"]
mod example;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use example::Running;
use serde_json::{json, Value};
use status_core::ApiStatus;

fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// A `WebDriver` session in headless Chromium.
struct Browser {
    driver: String,
    session: String,
    _chromedriver: Running,
    _profile: PathBuf,
}

impl Browser {
    fn start(chromedriver: &Path) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let process = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let chromedriver = Running(process);
        let driver = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !ureq::get(format!("{driver}/status"))
            .call()
            .is_ok_and(|r| r.status() == 200)
        {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = std::env::temp_dir().join(format!("status-core-browser-{port}"));
        // The flags keep Chromium off the network: this machine reaches none.
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": find_on_path("chromium").map(|p| p.display().to_string()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=1200,900",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        }}});
        let mut browser = Self {
            driver,
            session: String::new(),
            _chromedriver: chromedriver,
            _profile: profile,
        };
        let created = browser.call("POST", "/session", &capabilities);
        created["sessionId"]
            .as_str()
            .unwrap()
            .clone_into(&mut browser.session);
        browser
    }

    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.driver)
        } else {
            format!("{}/session/{}{path}", self.driver, self.session)
        };
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let response = match method {
            "GET" => agent.get(&url).call(),
            "DELETE" => agent.delete(&url).call(),
            _ => agent
                .post(&url)
                .header("content-type", "application/json")
                .send(body.to_string()),
        };
        let mut response = response.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let status = response.status();
        let text = response.body_mut().read_to_string().unwrap();
        let reply: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert!(status.is_success(), "{method} {path}: {reply}");
        reply["value"].clone()
    }

    fn open(&self, url: &str) {
        self.call("POST", "/url", &json!({ "url": url }));
    }

    /// What `script` returns, run in the page (`arguments` are `args`).
    fn script(&self, script: &str, args: &Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            &json!({ "script": script, "args": args }),
        )
    }

    /// The window as a PNG.
    fn screenshot(&self) -> Vec<u8> {
        let encoded = self.call("GET", "/screenshot", &json!({}));
        base64_decode(encoded.as_str().expect("a screenshot is base64 text"))
    }

    /// The text of the element `selector` selects, if it is displayed.
    fn displayed_text(&self, selector: &str) -> Option<String> {
        let found = self.call(
            "POST",
            "/elements",
            &json!({ "using": "css selector", "value": selector }),
        );
        let element = found.as_array()?.first()?.as_object()?.values().next()?;
        let element = element.as_str()?.to_owned();
        let displayed = self.call("GET", &format!("/element/{element}/displayed"), &json!({}));
        if displayed != json!(true) {
            return None;
        }
        let text = self.call("GET", &format!("/element/{element}/text"), &json!({}));
        text.as_str().map(str::to_owned)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            self.call("DELETE", "", &json!({}));
        }
    }
}

#[test]
#[ignore = "needs chromedriver: apt-get install chromium chromium-driver"]
fn every_served_type_uri_opens_the_section_that_documents_it() {
    let chromedriver = find_on_path("chromedriver")
        .expect("chromedriver is not on PATH: apt-get install chromium chromium-driver");
    let (_server, base) = example::start("axum_server");
    let browser = Browser::start(&chromedriver);
    let mut seen = 0;
    for (path, expected) in demo::error_paths() {
        let seen_body = common::send("GET", &format!("{base}{path}"), None);
        let body = seen_body.json();
        assert_eq!(body["code"], expected.code(), "{path}: {}", seen_body.text);
        let type_uri = body["type"]
            .as_str()
            .unwrap_or_else(|| panic!("{path} has no type: {}", seen_body.text));
        let url = if type_uri.starts_with('/') {
            format!("{base}{type_uri}")
        } else {
            type_uri.to_owned()
        };
        browser.open(&url);
        let section = browser
            .displayed_text(&format!("section[id=\"{}\"]", expected.code()))
            .unwrap_or_else(|| panic!("{url} shows no section for {}", expected.code()));
        let title = expected.variant().title().unwrap();
        assert!(
            section.contains(title),
            "{url}: no title {title:?} in {section:?}"
        );
        let status = expected.status();
        assert!(
            section.contains(status.as_str()),
            "{url}: no status {status} in {section:?}"
        );
        seen += 1;
    }
    assert_eq!(
        seen,
        demo::ERROR_CODES.len(),
        "errors checked in the browser"
    );
}

/// Standard base64, as `WebDriver` sends a screenshot.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => u32::from(c - b'A'),
        b'a'..=b'z' => u32::from(c - b'a') + 26,
        b'0'..=b'9' => u32::from(c - b'0') + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .collect();
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= value(c) << (18 - 6 * i);
        }
        let [_, a, b, c] = bits.to_be_bytes();
        bytes.extend(&[a, b, c][..chunk.len() - 1]);
    }
    bytes
}

/// The README's picture of the error catalog (`docs/error-catalog.png`) shows the page the
/// axum example serves at `/problems/`: the page's text, as the browser renders it, must be the
/// text kept beside the picture (`docs/error-catalog.txt`), which was taken with it. With
/// `STATUS_CORE_REGENERATE_PICTURE=1`, the test takes both again instead.
#[test]
#[ignore = "needs chromedriver: apt-get install chromium chromium-driver"]
fn the_readme_picture_shows_the_catalog_the_example_serves() {
    let chromedriver = find_on_path("chromedriver")
        .expect("chromedriver is not on PATH: apt-get install chromium chromium-driver");
    let (_server, base) = example::start("axum_server");
    let browser = Browser::start(&chromedriver);
    let catalog = status_core::html::base_path(&demo::ApiError::table());
    browser.open(&format!("{base}{catalog}"));
    let text = browser.script("return document.body.innerText;", &json!([]));
    let text = text
        .as_str()
        .expect("the page's text")
        .trim_end()
        .to_owned()
        + "\n";
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    if std::env::var_os("STATUS_CORE_REGENERATE_PICTURE").is_some() {
        std::fs::write(docs.join("error-catalog.png"), browser.screenshot()).unwrap();
        std::fs::write(docs.join("error-catalog.txt"), &text).unwrap();
        return;
    }
    let kept = std::fs::read_to_string(docs.join("error-catalog.txt")).unwrap();
    assert_eq!(
        text, kept,
        "the served catalog and the README's picture differ; take both again with \
         STATUS_CORE_REGENERATE_PICTURE=1 cargo test --all-features --test browser -- \
         --ignored the_readme_picture"
    );
}

/// What a problem page the browser shows says: its `h1`, its detail and its list of members.
#[cfg(all(feature = "actix-web", feature = "tracing"))]
struct Shown {
    heading: String,
    detail: String,
    list: String,
}

#[cfg(all(feature = "actix-web", feature = "tracing"))]
impl Browser {
    /// What `script` returns, run in the page (`arguments` are `args`).
    /// What `script` passes to its callback, the last of its `arguments`, run in the page.
    fn async_script(&self, script: &str, args: &Value) -> Value {
        self.call(
            "POST",
            "/execute/async",
            &json!({ "script": script, "args": args }),
        )
    }

    /// The page's source, as the browser serializes its document.
    fn source(&self) -> String {
        let source = self.call("GET", "/source", &json!({}));
        source.as_str().expect("the source is text").to_owned()
    }

    /// The problem page the browser shows at `url`, after navigating there.
    fn problem_page(&self, url: &str) -> Shown {
        self.open(url);
        let media_type = self.script("return document.contentType;", &json!([]));
        assert_eq!(media_type, "text/html", "{url} is shown as {media_type}");
        let source = self.source();
        assert!(
            serde_json::from_str::<Value>(&source).is_err(),
            "{url} shows JSON: {source}"
        );
        assert!(
            !source.contains("\"status\":") && source.contains("<h1"),
            "{url} shows no page of its own: {source}"
        );
        let text = |selector: &str| {
            self.displayed_text(selector)
                .unwrap_or_else(|| panic!("{url} shows no {selector}: {source}"))
        };
        Shown {
            heading: text("h1"),
            detail: text("p.detail"),
            list: text("dl"),
        }
    }
}

/// In the page a browser shows for `/notes/99`: `fetch()` of the same URL, asking for JSON.
#[cfg(all(feature = "actix-web", feature = "tracing"))]
const FETCH_JSON: &str = "
    const done = arguments[arguments.length - 1];
    fetch(arguments[0], { headers: { Accept: 'application/json' } })
        .then(async (response) => done({
            status: response.status,
            contentType: response.headers.get('content-type'),
            vary: response.headers.get('vary'),
            body: await response.text(),
        }))
        .catch((error) => done({ error: String(error) }));
";

/// The notes example (`examples/notes.rs`) answers a browser with pages and a script in the
/// same page with Problem Details: a browser's navigation to a missing note shows the problem
/// page, and `fetch()` with `Accept: application/json` from that page gets the JSON body of
/// the same error; an unknown route shows the page of `route_not_found`.
#[test]
#[cfg(all(feature = "actix-web", feature = "tracing"))]
#[ignore = "needs chromedriver: apt-get install chromium chromium-driver"]
fn a_browser_gets_the_notes_problem_page_and_its_scripts_get_json() {
    let chromedriver = find_on_path("chromedriver")
        .expect("chromedriver is not on PATH: apt-get install chromium chromium-driver");
    let (_server, base) = example::start("notes");
    let browser = Browser::start(&chromedriver);

    let url = format!("{base}/notes/99");
    let shown = browser.problem_page(&url);
    assert_eq!(shown.heading, "Not Found 404", "the h1 of {url}");
    assert_eq!(shown.detail, "there is no note 99");
    assert!(shown.list.contains("note-not-found"), "{}", shown.list);

    let fetched = browser.async_script(FETCH_JSON, &json!([url]));
    assert!(fetched.get("error").is_none(), "fetch failed: {fetched}");
    assert_eq!(fetched["status"], 404, "{fetched}");
    assert_eq!(
        fetched["contentType"], "application/problem+json",
        "{fetched}"
    );
    let vary = fetched["vary"].as_str().unwrap_or_default();
    assert!(vary.to_ascii_lowercase().contains("accept"), "{fetched}");
    let body: Value = serde_json::from_str(fetched["body"].as_str().unwrap())
        .unwrap_or_else(|e| panic!("{e}: {fetched}"));
    assert_eq!(body["code"], "note-not-found", "{body}");
    assert_eq!(body["status"], 404, "{body}");
    assert_eq!(body["detail"], "there is no note 99", "{body}");

    // The framework's own 404, for a route the service does not have.
    let route = status_core::Rejection::of(status_core::RejectionKind::RouteNotFound);
    let shown = browser.problem_page(&format!("{base}/no/such/page"));
    assert_eq!(shown.heading, "Not Found 404");
    assert_eq!(shown.detail, route.detail());
    assert!(shown.list.contains("route_not_found"), "{}", shown.list);
}

#[test]
fn the_example_serves_an_error_of_every_variant() {
    let mut documented: Vec<&str> = demo::ApiError::table()
        .responses()
        .iter()
        .map(|v| v.code())
        .collect();
    documented.sort_unstable();
    let mut served: Vec<&str> = demo::ERROR_CODES.to_vec();
    served.sort_unstable();
    assert_eq!(served, documented);
    let paths = demo::error_paths();
    assert_eq!(
        paths.len(),
        demo::ERROR_CODES.len(),
        "a code without a sample"
    );
    for (path, error) in paths {
        assert_eq!(path, format!("/errors/{}", error.code()));
    }
}
