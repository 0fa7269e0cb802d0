//! The conformance suite: the same requests, written once (`common/conformance/cases.rs`), to
//! the same routes on axum, actix-web, rocket, poem, salvo and warp, each served for real on
//! loopback with status-core's layers and called with a real HTTP client. Each answer is
//! checked against the shared enum's responses and the rejection table, or against the
//! framework's exception (`common/conformance/exceptions.rs`), which says what it answers
//! instead and why; and the matrix and list of exceptions of the README and the frameworks guide
//! (status-core's `guide/frameworks.md`) are checked against both.

// Not every helper of the other server tests is used here.
#[allow(dead_code)]
mod common;
// Without every framework's feature, some of the suite has nothing to run against.
#[cfg_attr(
    not(all(
        feature = "axum",
        feature = "actix-web",
        feature = "rocket",
        feature = "poem",
        feature = "salvo",
        feature = "warp",
        feature = "aide",
        feature = "utoipa",
        feature = "poem-openapi",
        feature = "salvo-oapi"
    )),
    allow(dead_code)
)]
#[path = "common/conformance/mod.rs"]
mod conformance;
#[cfg(feature = "actix-web")]
#[allow(dead_code)]
#[path = "common/serve_actix.rs"]
mod serve_actix;
#[cfg(feature = "axum")]
#[path = "common/serve_axum.rs"]
mod serve_axum;
#[cfg(feature = "poem")]
#[path = "common/serve_poem.rs"]
mod serve_poem;
#[cfg(feature = "rocket")]
#[path = "common/serve_rocket.rs"]
mod serve_rocket;
#[cfg(feature = "salvo")]
#[path = "common/serve_salvo.rs"]
mod serve_salvo;
#[cfg(feature = "warp")]
#[path = "common/serve_warp.rs"]
mod serve_warp;
// The four docs tools, held to the same rejections.
#[cfg(all(
    feature = "aide",
    feature = "utoipa",
    feature = "poem-openapi",
    feature = "salvo-oapi"
))]
#[path = "conformance/docs_tools.rs"]
mod docs_tools;

use std::path::Path;

use conformance::{check, documents, matrix, Framework};

/// Serves `framework`'s app, sends it every case, and checks the answers, the pages, and the
/// docs tools' rejections against what it answered.
#[allow(dead_code)] // without every framework's feature
fn assert_conforms(framework: Framework, base: &str) {
    let report = check::run(framework, base);
    report.assert_conforms();
    for tool in matrix::row(framework).docs {
        documents::assert_documented(&report, *tool);
    }
}

#[cfg(feature = "axum")]
#[test]
fn axum_answers_every_case_as_the_table_or_its_exception_says() {
    assert_conforms(Framework::Axum, &conformance::axum_app::serve());
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_answers_every_case_as_the_table_or_its_exception_says() {
    assert_conforms(Framework::ActixWeb, &conformance::actix_app::serve());
}

#[cfg(feature = "rocket")]
#[test]
fn rocket_answers_every_case_as_the_table_or_its_exception_says() {
    assert_conforms(Framework::Rocket, &conformance::rocket_app::serve());
}

#[cfg(feature = "poem")]
#[test]
fn poem_answers_every_case_as_the_table_or_its_exception_says() {
    assert_conforms(Framework::Poem, &conformance::poem_app::serve());
}

#[cfg(feature = "salvo")]
#[test]
fn salvo_answers_every_case_as_the_table_or_its_exception_says() {
    assert_conforms(Framework::Salvo, &conformance::salvo_app::serve());
}

#[cfg(feature = "warp")]
#[test]
fn warp_answers_every_case_as_the_table_or_its_exception_says() {
    assert_conforms(Framework::Warp, &conformance::warp_app::serve());
}

#[test]
fn the_cases_expect_the_enum_s_responses_and_the_rejection_table_s_rows() {
    check::assert_cases_are_the_table_s();
}

#[test]
fn each_exception_is_of_a_case_and_answers_otherwise() {
    matrix::assert_exceptions_are_well_formed();
}

#[test]
fn the_readme_s_and_the_guide_s_matrix_and_exceptions_are_the_suite_s() {
    let read =
        |path: &str| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path));
    matrix::assert_section_is_the_suite_s(
        "the README",
        &read("README.md").unwrap(),
        "## Framework conformance",
    );
    matrix::assert_section_is_the_suite_s(
        "the frameworks guide",
        &read("status-core/guide/frameworks.md").unwrap(),
        "# Framework conformance",
    );
}

#[test]
fn the_schemathesis_column_is_what_ci_runs() {
    let ci =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    matrix::assert_contract_is_ci_s(&ci);
}
