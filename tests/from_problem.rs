//! A client rebuilds the server's own value from the response: every variant whose fields
//! travel comes back exactly, and the rest come back as the problem, whole.

#[path = "common/decoded.rs"]
mod decoded;

use std::collections::BTreeMap;
use std::time::Duration;

use decoded::{
    decodable, kept_on_server, ApiError, AuthError, Limits, NAME_TAKEN_SEPARATOR, SECRET,
};
use proptest::prelude::*;
use status_core::{ApiStatus, FromProblem, Problem};

/// `value`'s response as bytes on the wire would give it to a client.
fn over_the_wire(value: &ApiError) -> http::Response<Vec<u8>> {
    let sent = value.response();
    let (parts, body) = sent.into_parts();
    // Through bytes and a fresh parse, as a client reads them.
    let body =
        serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&body).unwrap()).unwrap();
    http::Response::from_parts(parts, body)
}

#[test]
fn every_decodable_variant_comes_back_from_its_response() {
    for value in decodable() {
        assert!(value.variant().decodes(), "{value:?}");
        assert_eq!(
            ApiError::from_response(&over_the_wire(&value)).as_ref(),
            Ok(&value)
        );
    }
}

#[test]
fn what_stays_on_the_server_comes_back_as_the_problem_without_it() {
    for value in kept_on_server() {
        assert!(!value.variant().decodes(), "{value:?}");
        let response = over_the_wire(&value);
        let problem = ApiError::from_response(&response).unwrap_err();
        assert_eq!(problem, value.problem(), "the problem, whole");
        let body = String::from_utf8(response.into_body()).unwrap();
        assert!(!body.contains(SECRET), "{body}");
        assert!(!format!("{problem:?}").contains(SECRET));
    }
}

#[test]
fn the_table_says_which_variants_decode() {
    let rows = ApiError::table();
    let decodes: BTreeMap<&str, bool> = rows
        .variants()
        .iter()
        .map(|row| (row.name(), row.decodes()))
        .collect();
    let kept: Vec<&str> = decodes
        .iter()
        .filter(|(_, d)| !**d)
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(kept, ["Database", "Missing", "QueryFailed", "Reserved"]);
    assert!(AuthError::table()
        .variants()
        .iter()
        .all(status_core::VariantInfo::decodes));
}

#[test]
fn a_code_under_another_status_is_not_the_variant() {
    let problem = Problem::new(http::StatusCode::CONFLICT).with_code("forbidden");
    assert_eq!(ApiError::from_problem(problem.clone()), Err(problem));
    let problem = Problem::new(http::StatusCode::FORBIDDEN).with_code("forbidden");
    assert_eq!(ApiError::from_problem(problem), Ok(ApiError::Forbidden));
}

#[test]
fn a_field_that_does_not_read_back_leaves_the_problem() {
    // `id` is a number: a detail that names another kind of thing is not `UserNotFound`.
    let problem = Problem::new(http::StatusCode::NOT_FOUND)
        .with_code("user_not_found")
        .with_detail("user alice not found");
    assert_eq!(ApiError::from_problem(problem.clone()), Err(problem));
    // A member of the wrong shape.
    let problem = ApiError::RateLimited {
        retry_in: None,
        limits: Limits {
            per_minute: 1,
            burst: None,
        },
        note: None,
    }
    .problem()
    .with_extension("limits", "many");
    assert_eq!(ApiError::from_problem(problem.clone()), Err(problem));
    // A required header that is missing: `from_problem` has no headers.
    let maintenance = ApiError::Maintenance {
        back_in: Duration::from_secs(5),
    };
    assert_eq!(
        ApiError::from_problem(maintenance.problem()),
        Err(maintenance.problem())
    );
}

#[test]
fn an_optional_header_field_is_none_without_headers() {
    let limited = ApiError::RateLimited {
        retry_in: Some(30),
        limits: Limits {
            per_minute: 1,
            burst: None,
        },
        note: None,
    };
    let ApiError::RateLimited { retry_in, .. } = ApiError::from_problem(limited.problem()).unwrap()
    else {
        panic!("not RateLimited");
    };
    assert_eq!(retry_in, None);
}

#[test]
fn a_duration_comes_back_in_whole_seconds() {
    let sent = ApiError::Maintenance {
        back_in: Duration::from_millis(1500),
    };
    let back = ApiError::from_response(&sent.response()).unwrap();
    assert_eq!(
        back,
        ApiError::Maintenance {
            back_in: Duration::from_secs(2)
        }
    );
}

#[test]
fn a_body_that_is_not_problem_details_is_the_problem_of_its_status() {
    for (status, content_type, body) in [
        (
            502,
            "text/html",
            &b"<html><h1>502 Bad Gateway</h1></html>"[..],
        ),
        (503, "text/plain", b""),
        (503, "application/json", b"not json"),
    ] {
        let response = http::Response::builder()
            .status(status)
            .header("content-type", content_type)
            .body(body.to_vec())
            .unwrap();
        let problem = ApiError::from_response(&response).unwrap_err();
        assert_eq!(
            problem,
            Problem::new(http::StatusCode::from_u16(status).unwrap())
        );
    }
}

#[test]
fn a_two_way_split_comes_back_as_one_reading_that_writes_the_same_detail() {
    let sent = ApiError::NameTaken {
        name: format!("x{NAME_TAKEN_SEPARATOR}y"),
        owner: "z".into(),
    };
    let back = ApiError::from_response(&sent.response()).unwrap();
    assert_eq!(back.detail(), sent.detail());
    assert_eq!(
        back,
        ApiError::NameTaken {
            name: "x".into(),
            owner: format!("y{NAME_TAKEN_SEPARATOR}z")
        }
    );
}

#[test]
fn a_split_is_taken_only_if_it_writes_the_detail_it_was_read_from() {
    // `007` parses as 7, which writes `7`: not what the server would have sent.
    let problem = ApiError::OverLimit {
        amount: 7,
        limit: 5,
    }
    .problem()
    .with_detail("007 is over the limit of 5");
    assert!(ApiError::from_problem(problem).is_err());
}

/// An error whose text reads back: only `#[from]` and `#[source]` keep it on the server.
#[derive(Debug, PartialEq, thiserror::Error)]
#[error("{0}")]
struct Cause(String);

impl std::str::FromStr for Cause {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Self(text.to_owned()))
    }
}

#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
enum Sourced {
    #[error("from: {0}")]
    #[status(400, message = "bad input: {0}")]
    From(#[from] Cause),
    #[error("source: {cause}")]
    #[status(400, code = "with_source", message = "bad input: {cause}")]
    Source {
        #[source]
        cause: Cause,
    },
}

#[test]
fn a_source_shown_by_the_message_stays_on_the_server() {
    for row in Sourced::table().variants() {
        assert!(!row.decodes(), "{}", row.name());
    }
    for sent in [
        Sourced::From(Cause("x".into())),
        Sourced::Source {
            cause: Cause("x".into()),
        },
    ] {
        // The text travels, as the message says; the value does not.
        let problem = Problem::from_response(&sent.response());
        assert_eq!(problem.detail(), Some("bad input: x"));
        assert_eq!(Sourced::from_response(&sent.response()), Err(problem));
    }
}

/// Text with what breaks naive parsers: quotes, braces, slashes, escapes, non-ASCII.
fn awkward_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\"{}/\\\\ üé日本😀a-z0-9\\n\\t]{0,24}",]
}

fn method() -> impl Strategy<Value = http::Method> {
    prop::sample::select(vec![
        http::Method::GET,
        http::Method::HEAD,
        http::Method::POST,
        http::Method::PUT,
        http::Method::DELETE,
        http::Method::PATCH,
        http::Method::OPTIONS,
    ])
}

fn api_error() -> impl Strategy<Value = ApiError> {
    let name =
        || awkward_text().prop_filter("holds no separator", |s| !s.contains(NAME_TAKEN_SEPARATOR));
    let limits = (any::<u32>(), any::<Option<u16>>())
        .prop_map(|(per_minute, burst)| Limits { per_minute, burst });
    let auth = prop_oneof![
        Just(()).prop_map(|()| AuthError::Expired),
        awkward_text().prop_map(|scope| AuthError::MissingScope { scope }),
    ];
    prop_oneof![
        Just(()).prop_map(|()| ApiError::Forbidden),
        any::<u64>().prop_map(|id| ApiError::UserNotFound { id }),
        any::<u64>().prop_map(|id| ApiError::OrderNotFound { id }),
        Just(()).prop_map(|()| ApiError::Gone),
        awkward_text().prop_map(ApiError::BadInput),
        (name(), name()).prop_map(|(name, owner)| ApiError::NameTaken { name, owner }),
        (any::<i64>(), any::<u32>())
            .prop_map(|(amount, limit)| ApiError::OverLimit { amount, limit }),
        awkward_text().prop_map(ApiError::Malformed),
        prop::collection::btree_map(
            awkward_text(),
            prop::collection::vec(awkward_text(), 0..3),
            0..4
        )
        .prop_map(|errors| ApiError::Invalid { errors }),
        (
            any::<Option<u64>>(),
            limits,
            prop::option::of(awkward_text())
        )
            .prop_map(|(retry_in, limits, note)| ApiError::RateLimited {
                retry_in,
                limits,
                note
            }),
        prop::collection::vec(method(), 0..4).prop_map(|allowed| ApiError::WrongMethod { allowed }),
        any::<u64>().prop_map(|s| ApiError::Maintenance {
            back_in: Duration::from_secs(s)
        }),
        (any::<u64>(), any::<u32>())
            .prop_map(|(order, count)| ApiError::TooManyItems { order, count }),
        auth.prop_map(ApiError::Auth),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn every_decodable_value_round_trips_through_its_response(value in api_error()) {
        prop_assert!(value.variant().decodes());
        let response = over_the_wire(&value);
        // `from_response` reads a view of the body; the whole `Problem` gives the same value.
        let problem = Problem::from_response(&response);
        let from_problem = ApiError::from_parts(problem, response.headers());
        let decoded = ApiError::from_response(&response);
        prop_assert_eq!(&decoded, &from_problem);
        prop_assert_eq!(decoded, Ok(value));
    }

    #[test]
    fn arbitrary_bytes_never_decode_to_a_panic(status in 100_u16..1000, body in prop::collection::vec(any::<u8>(), 0..256)) {
        let response = http::Response::builder().status(status).body(body).unwrap();
        let decoded = ApiError::from_response(&response);
        if let Err(problem) = &decoded {
            prop_assert!(problem.status().is_some());
        }
        let problem = Problem::from_response(&response);
        prop_assert_eq!(decoded, ApiError::from_parts(problem, response.headers()));
    }
}
