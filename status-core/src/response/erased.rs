//! `ErasedStatus`: what the body and header writers read from a value, as a trait object
//! can carry it. Below both `api_status.rs`, which implements it for every `ApiStatus`, and
//! `body.rs`, which reads it.

use core::fmt;

use http::{HeaderMap, StatusCode};

use crate::{Extensions, Problem, VariantInfo};

/// What the body and header writers read from a value. A build with debug assertions (a dev
/// build) hands them `&dyn ErasedStatus`, so they are compiled once, in this crate, and not
/// again for every type that derives `ApiStatus` (for an axum user with a 100-variant enum,
/// that was 4% of a rebuild). An optimized build hands them the type itself, so that they
/// inline its methods and merge their matches (through a vtable, a body took 10% more
/// instructions).
pub(crate) trait ErasedStatus {
    fn status(&self) -> StatusCode;
    fn variant(&self) -> &'static VariantInfo;
    fn code(&self) -> &'static str;
    fn write_detail(&self, out: &mut dyn fmt::Write) -> fmt::Result;
    fn write_extensions(&self, extensions: &mut Extensions<'_>);
    fn write_headers(&self, headers: &mut HeaderMap);
    fn static_body(&self) -> Option<&'static [u8]>;
}

/// The detail of `value` as its body says it: a `Display` that fails mid-way leaves the
/// row's static detail instead.
pub(crate) fn detail_of(value: &dyn ErasedStatus) -> String {
    let mut detail = String::new();
    if value.write_detail(&mut detail).is_err() {
        detail.clear();
        detail.push_str(value.variant().detail());
    }
    detail
}

/// `ApiStatus::problem` as its default writes it, from the value as a trait object: for a
/// kept value rendered again, compiled once, here.
pub(crate) fn problem_of(value: &dyn ErasedStatus) -> Problem {
    let problem = Problem::new(value.status())
        .with_code(value.code())
        .with_detail(detail_of(value));
    let mut problem = value.variant().with_problem_type(problem);
    value.write_extensions(&mut Extensions::new(&mut problem));
    problem
}
