//! `Violations` and its pointers: what RFC 9457 §3 shows, built from any keys.

#[path = "common/signup.rs"]
mod signup;

use proptest::prelude::*;
use serde_json::{json, Value};
use signup::ApiError;
use status_core::{ApiStatus, FromProblem, Pointer, Violations};

/// A step into a JSON value: a member's key (any text, `~` and `/` among it) or an index.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        "[~/a-zé日 ]{0,4}".prop_map(Step::Key),
        (0_usize..4).prop_map(Step::Index),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_pointer_resolves_to_the_value_it_names(steps in prop::collection::vec(step(), 0..6)) {
        let leaf = json!("here");
        let mut value = leaf.clone();
        for step in steps.iter().rev() {
            value = match step {
                Step::Key(key) => json!({ key.clone(): value }),
                Step::Index(index) => {
                    let mut items = vec![Value::Null; *index];
                    items.push(value);
                    Value::Array(items)
                }
            };
        }
        let pointer = steps.iter().fold(Pointer::root(), |pointer, step| match step {
            Step::Key(key) => pointer.key(key),
            Step::Index(index) => pointer.index(*index),
        });
        let text = pointer.as_str();
        prop_assert!(text.starts_with('#'));
        prop_assert_eq!(value.pointer(&text[1..]), Some(&leaf));
        prop_assert_eq!(Pointer::parse(text), Some(pointer.clone()));
        let keys: Vec<String> = steps.iter().map(|step| match step {
            Step::Key(key) => key.clone(),
            Step::Index(index) => index.to_string(),
        }).collect();
        prop_assert_eq!(pointer.keys().collect::<Vec<_>>(), keys);
    }
}

#[test]
fn the_body_has_rfc_9457_s_errors_member_and_a_client_reads_it_back() {
    let mut errors = Violations::new();
    errors
        .push(Pointer::field("age"), "must be a positive integer")
        .push(
            Pointer::field("profile").key("color"),
            "must be 'green', 'red' or 'blue'",
        );
    let sent = ApiError::Invalid { errors };
    let body: Value = serde_json::from_slice(&sent.body()).unwrap();
    assert_eq!(
        body["errors"],
        json!([
            {"detail": "must be a positive integer", "pointer": "#/age"},
            {"detail": "must be 'green', 'red' or 'blue'", "pointer": "#/profile/color"},
        ])
    );
    assert_eq!(ApiError::from_response(&sent.response()), Ok(sent));
}

/// The 422 response of `ApiError` and of the rejections, as a tool documents them: the
/// `errors` member with its item schema, and an example violation in the example body.
#[cfg(all(feature = "utoipa", feature = "aide"))]
mod documented {
    use super::ApiError;
    use serde_json::{json, Value};
    use status_core::{Rejection, PROBLEM_JSON};

    fn assert_errors_documented(response: &Value, code: &str) {
        let media = &response["content"][PROBLEM_JSON];
        let schemas = media["schema"]["oneOf"]
            .as_array()
            .map_or_else(|| vec![media["schema"].clone()], Clone::clone);
        let schema = schemas
            .iter()
            .find(|schema| schema["properties"]["code"]["enum"] == json!([code]))
            .unwrap_or_else(|| panic!("no schema of {code} in {response}"));
        let errors = &schema["properties"]["errors"];
        assert_eq!(errors["type"], "array", "{errors}");
        assert_eq!(
            errors["items"]["required"],
            json!(["detail", "pointer"]),
            "{errors}"
        );
        let example = &media["examples"][code]["value"]["errors"];
        assert_eq!(
            example,
            &json!([{"detail": "must be a positive integer", "pointer": "#/age"}]),
            "{response}"
        );
    }

    #[test]
    fn utoipa_documents_the_errors_member_and_an_example() {
        use utoipa::IntoResponses;
        let responses = ApiError::responses();
        assert_errors_documented(&serde_json::to_value(&responses["422"]).unwrap(), "invalid");
        let responses = Rejection::responses();
        assert_errors_documented(
            &serde_json::to_value(&responses["422"]).unwrap(),
            "json_data",
        );
    }

    #[test]
    fn aide_documents_the_errors_member_and_an_example() {
        use aide::OperationOutput;
        for (responses, code) in aide::generate::in_context(|ctx| {
            let operation = &mut aide::openapi::Operation::default();
            [
                (ApiError::inferred_responses(ctx, operation), "invalid"),
                (Rejection::inferred_responses(ctx, operation), "json_data"),
            ]
        }) {
            let (_, unprocessable) = responses
                .iter()
                .find(|(status, _)| *status == Some(422))
                .expect("a 422");
            assert_errors_documented(&serde_json::to_value(unprocessable).unwrap(), code);
        }
    }
}
