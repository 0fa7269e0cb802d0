//! The compiler output of `#[derive(ApiStatus)]`: every misuse is a compile error with a
//! reviewed message (`fail/`), and every supported shape compiles and runs (`pass/`).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("fail/*.rs");
    cases.pass("pass/*.rs");
}

/// With the `tonic` feature: what a derived type needs to become a `tonic::Status`.
#[cfg(feature = "tonic")]
#[test]
fn ui_tonic() {
    trybuild::TestCases::new().compile_fail("tonic/*.rs");
}
