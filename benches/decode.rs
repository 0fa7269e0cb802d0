//! A client's decoding of an error response: `#[derive(FromProblem)]` against what a user
//! would write by hand, on the same responses, in one run.
//!
//! `cargo bench --bench decode`; the ratios are in BENCHMARKS.md. With `DECODE_INSTRUCTIONS`
//! set to `derived-404`, `hand-written-404`, `derived-429`, `hand-written-429` or `none`, the
//! binary instead decodes that response 100,000 times, for callgrind to count the instructions:
//! `DECODE_INSTRUCTIONS=derived-404 valgrind --tool=callgrind BENCH_BINARY`.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, Criterion};
use http::header::RETRY_AFTER;
use serde::{Deserialize, Serialize};
use status_core::{ApiStatus, FromProblem, PROBLEM_JSON};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Limits {
    per_minute: u32,
    per_hour: u32,
    burst: u32,
}

/// The server's error type, which the client shares.
#[derive(Debug, PartialEq, ApiStatus, FromProblem)]
enum ApiError {
    #[status(403)]
    Forbidden,
    #[status(404, message = "user {id} not found")]
    UserNotFound {
        #[status(extension)]
        id: u64,
    },
    #[status(409, message = "the name {name} is taken")]
    NameTaken { name: String },
    #[status(422)]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[status(429, message = "rate limit exceeded")]
    RateLimited {
        #[status(retry_after)]
        retry_in: u64,
        #[status(extension)]
        limits: Limits,
    },
    #[status(503)]
    Maintenance {
        #[status(retry_after)]
        back_in: Duration,
    },
}

/// Baseline: the struct a user would derive `Deserialize` on, mirroring the body.
#[derive(Deserialize)]
#[allow(dead_code)] // read as the body is; a client may log them
struct Body {
    #[serde(rename = "type")]
    type_uri: Option<String>,
    title: Option<String>,
    status: Option<u16>,
    detail: Option<String>,
    code: Option<String>,
    id: Option<u64>,
    limits: Option<Limits>,
    errors: Option<BTreeMap<String, Vec<String>>>,
}

/// Baseline: the body deserialized, then a match on its `code`.
fn hand_written<B: AsRef<[u8]>>(response: &http::Response<B>) -> Option<ApiError> {
    let body: Body = serde_json::from_slice(response.body().as_ref()).ok()?;
    let retry_after = || -> Option<u64> {
        response
            .headers()
            .get(RETRY_AFTER)?
            .to_str()
            .ok()?
            .parse()
            .ok()
    };
    Some(match body.code.as_deref()? {
        "forbidden" => ApiError::Forbidden,
        "user_not_found" => ApiError::UserNotFound { id: body.id? },
        "name_taken" => ApiError::NameTaken {
            name: body
                .detail?
                .strip_prefix("the name ")?
                .strip_suffix(" is taken")?
                .to_owned(),
        },
        "invalid" => ApiError::Invalid {
            errors: body.errors?,
        },
        "rate_limited" => ApiError::RateLimited {
            retry_in: retry_after()?,
            limits: body.limits?,
        },
        "maintenance" => ApiError::Maintenance {
            back_in: Duration::from_secs(retry_after()?),
        },
        _ => return None,
    })
}

/// The two responses: a 404 whose id is an extension member and in the message, and a 429
/// with a 3-member extension struct and `Retry-After`.
fn responses() -> [(&'static str, http::Response<Vec<u8>>); 2] {
    const NOT_FOUND: &str = r#"{"title":"Not Found","status":404,"detail":"user 42 not found","code":"user_not_found","id":42}"#;
    let not_found = http::Response::builder()
        .status(404)
        .header(http::header::CONTENT_TYPE, PROBLEM_JSON)
        .body(NOT_FOUND.as_bytes().to_vec())
        .unwrap_or_default();
    // What the server sends, byte for byte.
    assert_eq!(
        ApiError::UserNotFound { id: 42 }.response().body(),
        not_found.body()
    );
    let limited = ApiError::RateLimited {
        retry_in: 30,
        limits: Limits {
            per_minute: 100,
            per_hour: 2000,
            burst: 20,
        },
    }
    .response();
    for response in [&not_found, &limited] {
        let derived = ApiError::from_response(response).ok();
        assert!(derived.is_some());
        assert_eq!(
            derived,
            hand_written(response),
            "both decode the same value"
        );
    }
    [("404", not_found), ("429", limited)]
}

fn decode(c: &mut Criterion) {
    for (status, response) in responses() {
        let title = match status {
            "404" => "404, id as a member and in the detail",
            _ => "429, 3-member extension struct and Retry-After",
        };
        let mut group = c.benchmark_group(title);
        group.bench_function("hand-written", |b| {
            b.iter(|| hand_written(black_box(&response)));
        });
        group.bench_function("derived", |b| {
            b.iter(|| ApiError::from_response(black_box(&response)).ok());
        });
        group.finish();
    }
}

/// 100,000 decodings of one response by one decoder, for callgrind; `none` for the loop alone.
fn count_instructions(which: &str) {
    let [(_, not_found), (_, limited)] = responses();
    let mut decoded = 0;
    for _ in 0..100_000 {
        decoded += usize::from(match which {
            "none" => false,
            "derived-404" => ApiError::from_response(black_box(&not_found)).is_ok(),
            "hand-written-404" => hand_written(black_box(&not_found)).is_some(),
            "derived-429" => ApiError::from_response(black_box(&limited)).is_ok(),
            "hand-written-429" => hand_written(black_box(&limited)).is_some(),
            other => panic!("no decoder {other}"),
        });
    }
    println!("{decoded}");
}

criterion_group!(benches, decode);

fn main() {
    if let Ok(which) = std::env::var("DECODE_INSTRUCTIONS") {
        count_instructions(&which);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
