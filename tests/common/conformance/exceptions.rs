//! Where a framework cannot answer a case as the table says: what it answers instead, and
//! why. An exception is an expectation too: the suite checks that the framework answers
//! exactly this, and that it does not answer the case as the table says (a stale exception
//! fails). A library bug is no exception: it is fixed in status-core.

use super::cases::{problem, Expect, Header};
use super::Framework;

/// What `framework` answers to the case named `case`, and why.
#[derive(Debug)]
pub struct Exception {
    pub framework: Framework,
    pub case: &'static str,
    pub answers: Expect,
    pub reason: &'static str,
}

/// Every exception, by framework, in the order of the cases.
pub const EXCEPTIONS: &[Exception] = &[
    Exception {
        framework: Framework::Rocket,
        case: "bad_path_segment",
        answers: Expect::Problem(problem(422, "unprocessable_content")),
        reason: "rocket answers a segment that does not parse with a bare 422 and hands its \
                 catchers the status alone (a handler that takes `Result<u32, &str>` can \
                 answer `invalid_path` itself)",
    },
    Exception {
        framework: Framework::Rocket,
        case: "bad_query",
        answers: Expect::Problem(problem(422, "unprocessable_content")),
        reason: "as for a path segment, rocket answers with a bare 422, which its catchers \
                 cannot tell from another",
    },
    Exception {
        framework: Framework::Warp,
        case: "wrong_method",
        answers: Expect::Problem(
            problem(405, "method_not_allowed").with_headers(&[("allow", Header::Absent)]),
        ),
        reason: "warp's method filters reject without saying which methods the path has",
    },
    Exception {
        framework: Framework::Warp,
        case: "bad_path_segment",
        answers: Expect::Problem(problem(404, "route_not_found")),
        reason: "a segment that does not parse is no match to warp's `path!`: no route",
    },
];

/// The exception of `framework` for the case named `case`, if it has one.
pub fn exception(framework: Framework, case: &str) -> Option<&'static Exception> {
    EXCEPTIONS
        .iter()
        .find(|exception| exception.framework == framework && exception.case == case)
}
