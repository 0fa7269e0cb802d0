//! One framework's answers, checked against the table and the exceptions: every case is
//! sent, every mismatch collected, and all of them reported at once.

use serde_json::Value;
use status_core::ApiStatus;

use super::cases::{Body, Case, Expect, Header, Kind, Problem, CASES, PAGE_CASES};
use super::exceptions::exception;
use super::{client, Framework, BODY_LIMIT};
use crate::common::{error_named, Seen};

/// What a framework answered to the suite, and where that was not what it must be.
pub struct Report {
    pub framework: Framework,
    /// Each case and what came back.
    pub answers: Vec<(&'static Case, Seen)>,
    pub failures: Vec<String>,
}

impl Report {
    /// Panics with every failure, if there is one.
    pub fn assert_conforms(&self) {
        assert!(
            self.failures.is_empty(),
            "{} answers {} case(s) otherwise:\n\n{}",
            self.framework.name(),
            self.failures.len(),
            self.failures.join("\n\n")
        );
    }

    /// The status and code of each Problem Details answer, by case.
    pub fn problems(&self) -> impl Iterator<Item = (&'static Case, u16, String)> + '_ {
        self.answers.iter().filter_map(|(case, seen)| {
            let body: Value = serde_json::from_str(&seen.text).ok()?;
            let code = body["code"].as_str()?.to_owned();
            Some((*case, seen.status, code))
        })
    }
}

/// What `case` must get from `framework`: its exception's answer, else the table's.
pub fn expected(framework: Framework, case: &Case) -> Expect {
    exception(framework, case.name).map_or(case.expect, |exception| exception.answers)
}

/// Sends every case to `framework`'s app at `base`, and each of [`PAGE_CASES`] again as a
/// browser; checks each answer.
pub fn run(framework: Framework, base: &str) -> Report {
    let mut answers = Vec::new();
    let mut failures = Vec::new();
    for case in CASES {
        let seen = client::send(base, &case.request, None);
        let expect = expected(framework, case);
        let found = mismatches(case, &expect, &seen);
        if !found.is_empty() {
            failures.push(failure(case, &seen, &found));
        }
        if exception(framework, case.name).is_some()
            && mismatches(case, &case.expect, &seen).is_empty()
        {
            failures.push(format!(
                "{} {}: answered as the table says; remove its exception",
                case.name,
                request_line(case)
            ));
        }
        answers.push((case, seen));
    }
    for name in PAGE_CASES {
        let case = super::cases::case(name);
        let seen = client::send(base, &case.request, Some("text/html"));
        let Expect::Problem(problem) = expected(framework, case) else {
            panic!("{name} is a page case without a problem");
        };
        let found = page_mismatches(&problem, case, &seen);
        if !found.is_empty() {
            failures.push(failure(case, &seen, &found).replacen(": ", " as a page: ", 1));
        }
    }
    Report {
        framework,
        answers,
        failures,
    }
}

fn request_line(case: &Case) -> String {
    format!("({} {})", case.request.method, case.request.target)
}

fn failure(case: &Case, seen: &Seen, mismatches: &[String]) -> String {
    let text: String = seen.text.chars().take(600).collect();
    format!(
        "{} {}: {}\n    came back {} {text}",
        case.name,
        request_line(case),
        mismatches.join("; "),
        seen.status
    )
}

/// Where `seen` is not the answer `expect` says.
pub fn mismatches(case: &Case, expect: &Expect, seen: &Seen) -> Vec<String> {
    let mut found = Vec::new();
    // Nothing of a 5xx's source, anywhere.
    if seen.text.contains("hunter2") || seen.text.contains("db.internal") {
        found.push("the body shows the inner error".to_owned());
    }
    match expect {
        Expect::Success(text) => {
            if seen.status != 200 {
                found.push(format!("status {}, not 200", seen.status));
            } else if seen.text != *text {
                found.push(format!("body {:?}, not {text:?}", seen.text));
            }
        }
        Expect::Problem(problem) => problem_mismatches(problem, case, seen, &mut found),
    }
    found
}

fn problem_mismatches(problem: &Problem, case: &Case, seen: &Seen, found: &mut Vec<String>) {
    if seen.status != problem.status {
        found.push(format!("status {}, not {}", seen.status, problem.status));
    }
    let content_type = seen.header("content-type");
    if content_type != Some("application/problem+json") {
        found.push(format!(
            "content type {content_type:?}, not application/problem+json"
        ));
    }
    header_mismatches(problem, case, seen, found);
    let Ok(mut body) = serde_json::from_str::<Value>(&seen.text) else {
        found.push("the body is not JSON".to_owned());
        return;
    };
    let title = http::StatusCode::from_u16(problem.status)
        .ok()
        .and_then(status_core::reason_phrase);
    if body["status"] != problem.status || body["title"].as_str() != title {
        found.push(format!(
            "body's status {} and title {}, not {} {title:?}",
            body["status"], body["title"], problem.status
        ));
    }
    if body["code"] != problem.code {
        found.push(format!("code {}, not {}", body["code"], problem.code));
    }
    if !body["detail"]
        .as_str()
        .is_some_and(|detail| !detail.is_empty())
    {
        found.push("no detail".to_owned());
    }
    // A detail that names `Allow` promises the header (a framework that cannot send it says
    // so otherwise: `Rejection::method_not_allowed_without_allow`).
    let promises_allow = body["detail"]
        .as_str()
        .is_some_and(|detail| detail.contains("`Allow`"));
    if promises_allow && seen.header("allow").is_none() {
        found.push(format!(
            "detail {} names `Allow`, which is not sent",
            body["detail"]
        ));
    }
    if let Some(pointer) = problem.pointer {
        let seen_pointer = &body["errors"][0]["pointer"];
        if seen_pointer != pointer {
            found.push(format!("errors[0].pointer {seen_pointer}, not {pointer:?}"));
        }
    }
    // Every app adds `instance`: the path of the request.
    if body["instance"] != case.path() {
        found.push(format!(
            "instance {}, not {:?}",
            body["instance"],
            case.path()
        ));
    }
    if let Some(name) = case.error_name() {
        // A variant's answer is its `ApiStatus::response()`, but for `instance`.
        let response = error_named(name).unwrap().response();
        if let Some(members) = body.as_object_mut() {
            members.remove("instance");
        }
        let own: Value = serde_json::from_slice(response.body()).unwrap();
        if body != own {
            found.push(format!("body {body}, not the variant's {own}"));
        }
        for (header, value) in response.headers() {
            if header == "content-length" {
                continue;
            }
            let value = value.to_str().unwrap();
            if seen.header(header.as_str()) != Some(value) {
                found.push(format!(
                    "{header} {:?}, not the variant's {value:?}",
                    seen.header(header.as_str())
                ));
            }
        }
    }
}

fn header_mismatches(problem: &Problem, case: &Case, seen: &Seen, found: &mut Vec<String>) {
    for (name, rule) in problem.headers {
        let value = seen.header(name);
        let fits = match rule {
            Header::Is(expected) => value == Some(*expected),
            Header::Lists(method) => value.is_some_and(|value| {
                let methods: Vec<&str> = value.split(',').map(str::trim).collect();
                methods.contains(method) && !methods.contains(&case.request.method)
            }),
            Header::Absent => value.is_none(),
        };
        if !fits {
            found.push(format!("{name} {value:?}, not {rule:?}"));
        }
    }
}

/// Where `seen`, the answer to a browser, is not the page of `problem`: the same status and
/// headers, an HTML page that names the code, and `Vary: Accept`.
fn page_mismatches(problem: &Problem, case: &Case, seen: &Seen) -> Vec<String> {
    let mut found = Vec::new();
    if seen.status != problem.status {
        found.push(format!("status {}, not {}", seen.status, problem.status));
    }
    let content_type = seen.header("content-type").unwrap_or_default();
    if !content_type.starts_with("text/html") {
        found.push(format!("content type {content_type:?}, not text/html"));
    }
    let vary = seen.header("vary").unwrap_or_default().to_ascii_lowercase();
    if !vary.contains("accept") {
        found.push(format!("vary {vary:?} without accept"));
    }
    header_mismatches(problem, case, seen, &mut found);
    if !seen.text.starts_with("<!DOCTYPE html>") || !seen.text.contains(problem.code) {
        found.push(format!("not a page of {}", problem.code));
    }
    found
}

/// The table's expectations agree with what they stand for: each variant case with its
/// variant's response, each rejection case with its row in the rejection table, and a body
/// is over [`BODY_LIMIT`] where, and only where, the case expects `content_too_large`.
pub fn assert_cases_are_the_table_s() {
    let rejections = status_core::Rejection::table();
    for case in CASES {
        if let Body::Sized(body) | Body::Chunked(body) = case.request.body {
            let too_large =
                matches!(case.expect, Expect::Problem(p) if p.code == "content_too_large");
            assert_eq!(body.len() > BODY_LIMIT, too_large, "{}", case.name);
        }
        let Expect::Problem(problem) = case.expect else {
            assert_eq!(case.kind, Kind::Accepted, "{}", case.name);
            continue;
        };
        match case.kind {
            Kind::Variant => {
                let error = error_named(case.error_name().unwrap()).unwrap();
                let response = error.response();
                assert_eq!(response.status(), problem.status, "{}", case.name);
                assert_eq!(error.code(), problem.code, "{}", case.name);
                for (name, rule) in problem.headers {
                    let Header::Is(expected) = rule else {
                        panic!("{}: a variant's header is a value", case.name);
                    };
                    let value = response.headers().get(*name).map(|v| v.to_str().unwrap());
                    assert_eq!(value, Some(*expected), "{}: {name}", case.name);
                }
            }
            Kind::Rejection => {
                let row = rejections
                    .variants()
                    .iter()
                    .find(|row| row.code() == problem.code)
                    .unwrap_or_else(|| panic!("{}: no rejection {}", case.name, problem.code));
                assert_eq!(row.status(), problem.status, "{}", case.name);
                let allow = problem.headers.iter().any(|(name, _)| *name == "allow");
                assert_eq!(
                    allow,
                    row.field_headers().contains(&"allow"),
                    "{}",
                    case.name
                );
                let errors = row.extensions().contains(&"errors");
                assert_eq!(problem.pointer.is_some(), errors, "{}", case.name);
            }
            Kind::Accepted => panic!("{}: accepted, with a problem", case.name),
        }
    }
}
