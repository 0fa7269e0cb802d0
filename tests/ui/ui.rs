//! The compiler output of `#[derive(ApiStatus)]`: every misuse is a compile error with a
//! reviewed message (`fail/`), and every supported shape compiles and runs (`pass/`).

use std::path::Path;

/// The glob of the cases in `dir`. trybuild passes a glob that matches nothing, so an empty or
/// misnamed directory fails here instead.
fn cases(dir: &str) -> String {
    let count = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter(|entry| entry.as_ref().unwrap().path().extension() == Some("rs".as_ref()))
        .count();
    assert!(count > 0, "no cases in {dir}/");
    format!("{dir}/*.rs")
}

#[test]
fn ui() {
    let tests = trybuild::TestCases::new();
    tests.compile_fail(cases("fail"));
    tests.pass(cases("pass"));
}

/// With the `tonic` feature: what a derived type needs to become a `tonic::Status`.
#[cfg(feature = "tonic")]
#[test]
fn ui_tonic() {
    trybuild::TestCases::new().compile_fail(cases("tonic"));
}
