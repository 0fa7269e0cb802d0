//! Builds an `http::Response` from arbitrary bytes and decodes it into the client-side tests'
//! error type (tests/common/decoded.rs) with its derived `FromProblem`. It must never panic,
//! and:
//! - it decides as `from_parts` on the whole `Problem` does, but for a body that is more than
//!   a `serde_json::Value` holds;
//! - what comes back as the `Err` has a status;
//! - what decodes has the body's `code` and status, and its own response decodes to it again.
//!
//! The input, in order (missing bytes read as zero):
//! - 2 bytes, little-endian: the status, `100 + n % 900`;
//! - 1 byte: the `Content-Type`, `byte % 8` indexing `CONTENT_TYPES` (0: none);
//! - 1 byte: bit 0 sends `Retry-After`, bit 1 sends `Allow`; each one present is a length
//!   byte and that many bytes of value, sent when they make a valid header value;
//! - the rest: the body.
//!
//! `fuzz/seeds/from_response` holds real responses in this form.
//! `cargo fuzz run from_response` (from the repository root), or `bash fuzz/run.sh SECONDS`.
#![no_main]

use http::{header, HeaderValue};
use status_core::{ApiStatus, FromProblem, Problem};

#[allow(dead_code)] // the tests use the rest
#[path = "../../tests/common/decoded.rs"]
mod decoded;

use decoded::ApiError;

const CONTENT_TYPES: [Option<&[u8]>; 8] = [
    None,
    Some(b"application/problem+json"),
    Some(b"application/json"),
    Some(b"Application/Problem+JSON; charset=utf-8"),
    Some(b"text/plain"),
    Some(b"text/html"),
    Some(b"application/vnd.api+json"),
    // Not text: a header value `to_str` refuses.
    Some(b"appl\xfecation/json"),
];

/// Splits the input as the module's documentation says.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn byte(&mut self) -> u8 {
        let (&first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        first
    }

    fn bytes(&mut self, len: usize) -> &'a [u8] {
        let (taken, rest) = self.0.split_at(len.min(self.0.len()));
        self.0 = rest;
        taken
    }
}

fn response(data: &[u8]) -> http::Response<&[u8]> {
    let mut input = Input(data);
    let n = u16::from_le_bytes([input.byte(), input.byte()]);
    let content_type = CONTENT_TYPES[usize::from(input.byte() % 8)];
    let flags = input.byte();
    let mut headers = Vec::new();
    for (bit, name) in [(1, header::RETRY_AFTER), (2, header::ALLOW)] {
        if flags & bit != 0 {
            let len = usize::from(input.byte());
            if let Ok(value) = HeaderValue::from_bytes(input.bytes(len)) {
                headers.push((name, value));
            }
        }
    }
    let mut response = http::Response::new(input.0);
    *response.status_mut() = http::StatusCode::from_u16(100 + n % 900).expect("100..=999");
    if let Some(content_type) = content_type {
        let value = HeaderValue::from_bytes(content_type).expect("a valid header value");
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response.headers_mut().extend(headers);
    response
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let response = response(data);
    let decoded = ApiError::from_response(&response);
    // A view of the body decides first; the whole `Problem` must decide the same, except on
    // a body that is JSON (raw text is checked for UTF-8 too) but more than a `Value` holds,
    // such as a number beyond `f64` in a member no field reads.
    let slow = ApiError::from_parts(Problem::from_response(&response), response.headers());
    if decoded != slow {
        let body = response.body();
        assert!(
            slow.is_err()
                && serde_json::from_slice::<serde_json::Value>(body).is_err()
                && serde_json::from_slice::<&serde_json::value::RawValue>(body).is_ok(),
            "a view and a problem disagree: {decoded:?} and {slow:?}"
        );
    }
    let value = match decoded {
        Ok(value) => value,
        Err(problem) => {
            assert!(problem.status().is_some(), "no status in {problem:?}");
            return;
        }
    };
    // Only a body read as Problem Details has a code, so a decoded one is one: its code and
    // status are the value's (where a `Value` holds the body, and so a `Problem` reads it).
    if serde_json::from_slice::<serde_json::Value>(response.body()).is_ok() {
        let problem = Problem::from_response(&response);
        assert_eq!(problem.code(), Some(value.code()), "{value:?}");
        assert_eq!(problem.status(), Some(value.status().as_u16()), "{value:?}");
    }

    let resent = value.response();
    assert_eq!(
        ApiError::from_response(&resent).as_ref(),
        Ok(&value),
        "{value:?} does not come back from its own response {:?}",
        String::from_utf8_lossy(resent.body())
    );
});
