//! Properties over generated inputs: bodies are always valid JSON that parses back to the
//! same envelope, and header values built from fields never carry CR or LF.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value;
use status_core::{AllowMethods, ApiStatus, Problem, RetryAfter};

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(400, message = "{0}")]
    Detail(String),
    #[status(
        422,
        message = "{field:?} is invalid: {reason}",
        description = "Validation failed."
    )]
    Invalid {
        field: String,
        reason: String,
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
        #[status(extension = "attempt")]
        count: i64,
    },
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: u64,
    },
}

/// The body, parsed, must be what `problem()` says, member for member.
fn assert_body_is_the_problem(err: &ApiError) -> Result<(), TestCaseError> {
    let body = err.body();
    let parsed: Value =
        serde_json::from_slice(&body).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&parsed, &serde_json::to_value(err.problem()).unwrap());
    let problem: Problem = serde_json::from_slice(&body).unwrap();
    prop_assert_eq!(problem.status(), Some(err.status().as_u16()));
    let detail = err.detail();
    prop_assert_eq!(problem.detail(), Some(detail.as_str()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_detail_text_makes_a_valid_body_that_parses_back(detail in any::<String>()) {
        let err = ApiError::Detail(detail.clone());
        assert_body_is_the_problem(&err)?;
        let problem = err.problem();
        prop_assert_eq!(problem.detail(), Some(detail.as_str()));
    }

    #[test]
    fn any_fields_and_extension_map_make_a_valid_body(
        field in ".*",
        reason in "\\PC*",
        errors in prop::collection::btree_map(".*", prop::collection::vec(".*", 0..3), 0..4),
        count in any::<i64>(),
    ) {
        let err = ApiError::Invalid { field, reason, errors: errors.clone(), count };
        assert_body_is_the_problem(&err)?;
        let problem = err.problem();
        prop_assert_eq!(&problem.extensions()["errors"], &serde_json::to_value(&errors).unwrap());
        prop_assert_eq!(&problem.extensions()["attempt"], &Value::from(count));
    }

    #[test]
    fn retry_after_is_always_digits(wait in any::<u64>()) {
        let headers = ApiError::Limited { wait }.headers();
        let value = headers["retry-after"].to_str().unwrap();
        prop_assert!(value.bytes().all(|b| b.is_ascii_digit()), "{}", value);
        prop_assert_eq!(value.parse::<u64>().unwrap(), wait);
        prop_assert_eq!(wait.retry_after_seconds(), Some(wait));
    }

    /// A line break anywhere in a method list would split the response's head: refused.
    #[test]
    fn allow_refuses_a_method_list_with_a_line_break_anywhere(
        methods in prop::collection::vec("[A-Z]{1,8}", 1..5),
        at in any::<prop::sample::Index>(),
        line_break in prop_oneof![Just("\r"), Just("\n"), Just("\r\n")],
    ) {
        let mut text = methods.join(", ");
        text.insert_str(at.index(text.len() + 1), line_break);
        prop_assert_eq!(text.allow_header(), None, "{:?}", text);
    }

    #[test]
    fn allow_from_method_lists_is_the_methods_joined(methods in prop::collection::vec("[A-Z]{1,8}", 0..5)) {
        let parsed: Vec<http::Method> = methods.iter().map(|m| m.parse().unwrap()).collect();
        let value = parsed.allow_header().unwrap();
        prop_assert_eq!(value.to_str().unwrap(), methods.join(", "));
    }
}
