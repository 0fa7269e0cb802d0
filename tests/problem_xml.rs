//! `application/problem+xml` (RFC 9457 Appendix B), judged by the RFC's own schema: the XML of
//! every variant of a type with extension members of every JSON kind, of every rejection, and
//! of problems a real axum server sends for `Accept: application/problem+xml`, validated with
//! the RELAX NG schema of Appendix B (vendored as `tests/problem.rnc`) by lxml, and read back
//! (`tests/problem_xml.py`) to the members of the JSON body of the same problem.
#![cfg(feature = "axum")]

#[path = "common/serve_axum.rs"]
mod serve_axum;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde::Serialize;
use serde_json::json;
use status_core::negotiate::{Negotiation, Representation};
use status_core::{ApiStatus, Pointer, Problem, Rejection, RejectionKind, Violations};

/// A nested extension member: an object holding an object, arrays and a `null`.
#[derive(Debug, Serialize)]
pub struct Quota {
    per_minute: u32,
    window: Window,
    keys: Vec<&'static str>,
    empty: Vec<u8>,
    burst: Option<u16>,
}

#[derive(Debug, Serialize)]
pub struct Window {
    seconds: u64,
    sliding: bool,
}

/// The error type whose XML is judged: extension members of every JSON kind, RFC 9457's
/// `errors`, a type URI and a title of its own, texts XML must escape, 4xx and 5xx.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
pub enum RichError {
    #[error("invalid order")]
    #[status(422, message = "the order has {count} problems")]
    Invalid {
        count: usize,
        #[status(extension)]
        errors: Violations,
    },
    #[error("slow down")]
    #[status(429, title = "Slow down", message = "over {limit} requests a minute")]
    Limited {
        #[status(extension)]
        limit: u32,
        #[status(extension)]
        largest: u64,
        #[status(extension)]
        balance: i64,
        #[status(extension)]
        ratio: f64,
        #[status(extension)]
        huge: f64,
        #[status(extension)]
        strict: bool,
        #[status(extension)]
        note: Option<String>,
        #[status(extension)]
        empty: String,
        #[status(extension)]
        tags: Vec<String>,
        #[status(extension = "max-size")]
        max_size: u32,
        #[status(extension)]
        quota: Quota,
        #[status(retry_after)]
        wait: u64,
    },
    #[error("taken")]
    #[status(
        409,
        title = "<Taken> & \"quoted\"",
        type = "https://api.example.com/problems/taken?a=1&b=2",
        message = "the name {name} is taken"
    )]
    Taken {
        #[status(extension)]
        name: String,
    },
    #[error("no such order")]
    #[status(404)]
    Missing,
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] std::io::Error),
    #[error("maintenance")]
    #[status(503, retry_after = 120)]
    Maintenance,
}

/// Text XML must escape, and text beyond ASCII.
const AWKWARD: &str = "<a> & </a> ]]> \"quoted\" 'single' ü 日本";

/// One value of every variant of `RichError`.
fn rich() -> Vec<RichError> {
    let mut errors = Violations::new();
    errors.push(Pointer::field("email"), "is required");
    errors.push(Pointer::root().key("items").index(0).key("<qty>"), AWKWARD);
    vec![
        RichError::Invalid { count: 2, errors },
        RichError::Limited {
            limit: 60,
            largest: u64::MAX,
            balance: -30,
            ratio: 0.125,
            huge: 1e300,
            strict: true,
            note: None,
            empty: String::new(),
            tags: vec!["a&b".to_owned(), AWKWARD.to_owned()],
            max_size: 10,
            quota: Quota {
                per_minute: 60,
                window: Window {
                    seconds: 60,
                    sliding: false,
                },
                keys: vec!["k1", "k2"],
                empty: Vec::new(),
                burst: None,
            },
            wait: 5,
        },
        RichError::Taken {
            name: AWKWARD.to_owned(),
        },
        RichError::Missing,
        RichError::Database(std::io::Error::other("password=hunter2")),
        RichError::Maintenance,
    ]
}

/// Every value the server answers with, by index: `rich()`, then every rejection.
fn sample(index: usize) -> Option<axum::response::Response> {
    use axum::response::IntoResponse;
    let mut values = rich();
    if index < values.len() {
        return Some(values.swap_remove(index).into_response());
    }
    let kind = RejectionKind::ALL.get(index - values.len())?;
    Some(Rejection::of(*kind).into_response())
}

fn sample_count() -> usize {
    rich().len() + RejectionKind::ALL.len()
}

/// The problem of each sample, by index, and its JSON body as a response sends it.
fn problems() -> Vec<(Problem, Vec<u8>)> {
    let mut problems: Vec<(Problem, Vec<u8>)> = rich()
        .into_iter()
        .map(|value| (value.problem(), value.body()))
        .collect();
    for kind in RejectionKind::ALL {
        let rejection = Rejection::of(kind);
        problems.push((rejection.problem(), rejection.body()));
    }
    problems
}

/// An axum app that answers `/samples/{index}` with that sample and unknown routes with its
/// 404, behind content negotiation; with `instance`, `problem_instance` adds the path to
/// every body, so that negotiation renders from the body, not from the value.
fn serve(instance: bool) -> String {
    use axum::extract::Path;

    async fn answer(Path(index): Path<usize>) -> axum::response::Response {
        sample(index).unwrap_or_else(|| {
            status_core::axum::response(&Rejection::of(RejectionKind::RouteNotFound))
        })
    }

    let mut app = axum::Router::new()
        .route("/samples/{index}", axum::routing::get(answer))
        .fallback(status_core::axum::not_found);
    if instance {
        app = app.layer(axum::middleware::from_fn(
            status_core::axum::problem_instance,
        ));
    }
    serve_axum::serve(app.layer(Negotiation::new()))
}

/// A response as the client saw it.
struct Seen {
    status: u16,
    content_type: Option<String>,
    vary: Option<String>,
    body: Vec<u8>,
}

fn get(url: &str, accept: Option<&str>) -> Seen {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(accept) = accept {
        request = request.header("accept", accept);
    }
    let mut response = request.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, vary) = (header("content-type"), header("vary"));
    Seen {
        status: response.status().as_u16(),
        content_type,
        vary,
        body: response.body_mut().read_to_vec().unwrap(),
    }
}

/// Every document the server at `base` sends for `Accept: application/problem+xml`, each
/// with the JSON body the same URL sends without `Accept`, by a name for its file; each
/// checked to be the XML of that JSON body's problem, with its status and `Vary: Accept`.
fn served(base: &str, prefix: &str) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut urls: Vec<String> = (0..sample_count())
        .map(|index| format!("{base}/samples/{index}"))
        .collect();
    urls.push(format!("{base}/no/such/page"));
    let mut documents = Vec::new();
    for (index, url) in urls.iter().enumerate() {
        let json = get(url, None);
        assert_eq!(
            json.content_type.as_deref(),
            Some("application/problem+json")
        );
        let xml = get(url, Some("application/problem+xml"));
        assert_eq!(xml.status, json.status, "{url}");
        assert_eq!(
            xml.content_type.as_deref(),
            Some("application/problem+xml"),
            "{url}"
        );
        let vary = xml.vary.as_deref().unwrap_or_default().to_ascii_lowercase();
        assert!(vary.contains("accept"), "{url}: Vary {vary:?}");
        assert!(
            !xml.body.windows(7).any(|w| w == b"hunter2"),
            "{url}: a 5xx's source in its XML"
        );
        let problem: Problem = serde_json::from_slice(&json.body).unwrap();
        assert!(
            xml.body == problem.to_xml(),
            "{url}: the XML is not the XML of the JSON body's problem:\n{}",
            String::from_utf8_lossy(&xml.body)
        );
        documents.push((format!("{prefix}-{index:02}"), xml.body, json.body));
    }
    documents
}

/// Each sample's XML as the server sends it is `Problem::to_xml` of its problem: from the
/// value the response carries, and (with `problem_instance` changing the body) from the body.
#[test]
fn served_xml_is_the_xml_of_the_problem() {
    let from_values = served(&serve(false), "served");
    let from_bodies = served(&serve(true), "instance");
    assert_eq!(from_values.len(), sample_count() + 1);
    assert_eq!(from_bodies.len(), sample_count() + 1);
    for (index, (problem, body)) in problems().into_iter().enumerate() {
        let (_, xml, json) = &from_values[index];
        assert_eq!(json, &body, "{problem:?}: the JSON body is the value's");
        assert_eq!(
            xml,
            &Negotiation::new().render(Representation::ProblemXml, &problem),
            "{problem:?}"
        );
        let (_, xml, _) = &from_bodies[index];
        let xml = String::from_utf8(xml.clone()).unwrap();
        let instance = format!("<instance>/samples/{index}</instance>");
        assert!(xml.contains(&instance), "{xml}");
    }
}

/// The XML of a few members, as Appendix B writes them: an array as `i` elements, an object
/// as elements, `null` and `[]` as empty elements, a number and a boolean as their JSON text.
#[test]
fn extension_members_take_appendix_b_forms() {
    let problem = rich().swap_remove(1).problem();
    let xml = String::from_utf8(problem.to_xml()).unwrap();
    for part in [
        "<title>Slow down</title>",
        "<status>429</status>",
        "<largest>18446744073709551615</largest>",
        "<balance>-30</balance>",
        "<ratio>0.125</ratio>",
        "<huge>1e+300</huge>",
        "<strict>true</strict>",
        "<note/>",
        "<max-size>10</max-size>",
        "<tags><i>a&amp;b</i><i>&lt;a&gt; &amp; &lt;/a&gt; ]]&gt; \"quoted\" 'single' ü 日本</i></tags>",
        "<window><seconds>60</seconds><sliding>false</sliding></window>",
        "<keys><i>k1</i><i>k2</i></keys>",
        "<burst/>",
    ] {
        assert!(xml.contains(part), "no {part} in {xml}");
    }
    assert!(
        xml.contains("<type>https://api.example.com/problems/limited</type>"),
        "{xml}"
    );
}

/// A carriage return in a text is what the JSON body says; XML 1.0 (section 2.11) reads a
/// carriage return written as it is as a line feed, so only a character reference (`&#xD;`)
/// says the same thing.
#[test]
fn a_carriage_return_survives_the_xml() {
    let problem = Problem::new(http::StatusCode::BAD_REQUEST).with_detail("line one\r\nline two");
    let xml = problem.to_xml();
    assert!(
        !xml.contains(&b'\r'),
        "a raw carriage return, which an XML parser reads as a line feed: {:?}",
        String::from_utf8_lossy(&xml)
    );
}

/// Every document through RFC 9457's schema and back to its JSON body's members: the XML of
/// each sample's problem, and as the servers send it. Needs Python's lxml and rnc2rng.
#[test]
#[ignore = "needs lxml and rnc2rng: pip install lxml rnc2rng"]
fn every_problem_xml_passes_the_rfc_9457_schema_and_reads_back_as_its_json() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("problem-xml");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut documents: Vec<(String, Vec<u8>, Vec<u8>)> = problems()
        .into_iter()
        .enumerate()
        .map(|(index, (problem, body))| (format!("problem-{index:02}"), problem.to_xml(), body))
        .collect();
    // A problem with every standard member, as a hand-written one can have.
    let full = Problem::new(http::StatusCode::FORBIDDEN)
        .with_type("https://example.com/probs/out-of-credit")
        .with_title("You do not have enough credit.")
        .with_detail("Your current balance is 30, but that costs 50.")
        .with_instance("/account/12345/msgs/abc")
        .with_code("out_of_credit")
        .with_extension("balance", 30)
        .with_extension("accounts", json!(["/account/12345", "/account/67890"]));
    documents.push(("full".to_owned(), full.to_xml(), full.to_json()));
    documents.extend(served(&serve(false), "served"));
    documents.extend(served(&serve(true), "instance"));
    for (name, xml, json) in &documents {
        std::fs::write(dir.join(format!("{name}.xml")), xml).unwrap();
        std::fs::write(dir.join(format!("{name}.json")), json).unwrap();
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(root.join("tests/problem_xml.py"))
        .arg(root.join("tests/problem.rnc"))
        .arg(&dir)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the XML does not pass:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(&format!("{} documents checked, 0 failed", documents.len())),
        "{stdout}"
    );
}
