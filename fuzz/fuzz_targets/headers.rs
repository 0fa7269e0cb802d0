//! Builds `Retry-After` and `Allow` from arbitrary field values, through the traits, the
//! helpers derived code calls, and a derived enum's `headers()`: each gives a valid header
//! value or no header, never panics, and round-trips: `Allow` lists exactly the methods given,
//! `Retry-After` parses back to the seconds, rounded up.
//!
//! `cargo fuzz run headers` (from the repository root), or `bash fuzz/run.sh SECONDS`.
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use http::{HeaderMap, HeaderValue, Method};
use status_core::{AllowMethods, ApiStatus, RetryAfter};

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: Vec<Method>,
    },
    #[status(405)]
    WrongMethodText {
        #[status(allow)]
        allowed: String,
    },
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: Option<Duration>,
    },
    #[status(503)]
    Maintenance {
        #[status(retry_after)]
        seconds: u128,
    },
}

#[derive(Debug, Arbitrary)]
enum Wait {
    U8(u8),
    U16(u16),
    U32(u32),
    U64(u64),
    U128(u128),
    Usize(usize),
    Duration(u64, u32),
    OptionU64(Option<u64>),
    OptionDuration(Option<(u64, u32)>),
    Nested(Option<Option<u32>>),
}

#[derive(Debug, Arbitrary)]
struct Input {
    wait: Wait,
    /// Method tokens, kept where `Method::from_bytes` takes them.
    methods: Vec<Vec<u8>>,
    /// Some well-known methods, picked by index, mixed in.
    known: Vec<u8>,
    /// Text for the `str` / `String` impls (`"GET, HEAD"`).
    text: String,
}

fn duration(secs: u64, nanos: u32) -> Duration {
    Duration::new(secs, nanos % 1_000_000_000)
}

/// The seconds the `Wait` stands for, computed independently: `None` for no header.
fn expected_seconds(wait: &Wait) -> Option<u64> {
    fn ceil(secs: u64, nanos: u32) -> u64 {
        if !nanos.is_multiple_of(1_000_000_000) {
            secs.saturating_add(1)
        } else {
            secs
        }
    }
    match *wait {
        Wait::U8(n) => Some(n.into()),
        Wait::U16(n) => Some(n.into()),
        Wait::U32(n) => Some(n.into()),
        Wait::U64(n) => Some(n),
        Wait::U128(n) => u64::try_from(n).ok(),
        Wait::Usize(n) => Some(n as u64),
        Wait::Duration(secs, nanos) => Some(ceil(secs, nanos)),
        Wait::OptionU64(n) => n,
        Wait::OptionDuration(d) => d.map(|(secs, nanos)| ceil(secs, nanos)),
        Wait::Nested(n) => n.flatten().map(u64::from),
    }
}

fn seconds_through_trait(wait: &Wait) -> Option<u64> {
    match *wait {
        Wait::U8(n) => n.retry_after_seconds(),
        Wait::U16(n) => n.retry_after_seconds(),
        Wait::U32(n) => <&u32 as RetryAfter>::retry_after_seconds(&&n),
        Wait::U64(n) => n.retry_after_seconds(),
        Wait::U128(n) => n.retry_after_seconds(),
        Wait::Usize(n) => n.retry_after_seconds(),
        Wait::Duration(secs, nanos) => duration(secs, nanos).retry_after_seconds(),
        Wait::OptionU64(n) => n.retry_after_seconds(),
        Wait::OptionDuration(d) => d.map(|(s, n)| duration(s, n)).retry_after_seconds(),
        Wait::Nested(n) => n.retry_after_seconds(),
    }
}

fn header_through_helper(wait: &Wait) -> Option<HeaderValue> {
    let mut headers = HeaderMap::new();
    match *wait {
        Wait::U8(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::U16(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::U32(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::U64(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::U128(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::Usize(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::Duration(s, n) => status_core::__private::retry_after(&mut headers, &duration(s, n)),
        Wait::OptionU64(n) => status_core::__private::retry_after(&mut headers, &n),
        Wait::OptionDuration(d) => {
            status_core::__private::retry_after(&mut headers, &d.map(|(s, n)| duration(s, n)));
        }
        Wait::Nested(n) => status_core::__private::retry_after(&mut headers, &n),
    }
    assert!(headers.len() <= 1);
    headers.remove(http::header::RETRY_AFTER)
}

/// A Retry-After value: delay-seconds, `1*DIGIT` (RFC 9110 section 10.2.3), equal to `seconds`.
fn check_retry_after(value: Option<&HeaderValue>, seconds: Option<u64>) {
    match (value, seconds) {
        (None, None) => {}
        (Some(value), Some(seconds)) => {
            let text = value.to_str().expect("Retry-After is visible ASCII");
            assert!(
                !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()),
                "{text:?}"
            );
            assert_eq!(text.parse::<u64>().ok(), Some(seconds), "{text:?}");
        }
        (value, seconds) => panic!("Retry-After {value:?}, expected {seconds:?} seconds"),
    }
}

/// A tchar of RFC 9110 section 5.6.2.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The Allow value for `text` computed independently: the comma-separated names, each trimmed
/// of spaces and tabs, when every one is a token; blank text allows nothing.
fn expected_allow_for_text(text: &str) -> Option<String> {
    if text.trim_matches([' ', '\t']).is_empty() {
        return Some(String::new());
    }
    let mut names = Vec::new();
    for name in text.split(',') {
        let name = name.trim_matches([' ', '\t']);
        if name.is_empty() || !name.bytes().all(is_tchar) {
            return None;
        }
        names.push(name);
    }
    Some(names.join(", "))
}

/// An Allow value must be a valid header value listing exactly `names`, in order.
fn check_allow(value: Option<&HeaderValue>, names: Option<&str>) {
    match (value, names) {
        (None, None) => {}
        (Some(value), Some(names)) => {
            let text = value.to_str().expect("Allow is visible ASCII");
            assert_eq!(text, names);
            assert!(!text.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0));
            // Each listed name parses back as a method.
            if !text.is_empty() {
                for name in text.split(", ") {
                    assert!(Method::from_bytes(name.as_bytes()).is_ok(), "{name:?}");
                }
            }
            assert_eq!(HeaderValue::from_str(text).ok().as_ref(), Some(value));
        }
        (value, names) => panic!("Allow {value:?}, expected {names:?}"),
    }
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    // Retry-After.
    let seconds = expected_seconds(&input.wait);
    assert_eq!(
        seconds_through_trait(&input.wait),
        seconds,
        "{:?}",
        input.wait
    );
    check_retry_after(header_through_helper(&input.wait).as_ref(), seconds);
    let derived = match input.wait {
        Wait::U128(n) => ApiError::Maintenance { seconds: n },
        Wait::Duration(s, n) => ApiError::Limited {
            wait: Some(duration(s, n)),
        },
        Wait::OptionDuration(d) => ApiError::Limited {
            wait: d.map(|(s, n)| duration(s, n)),
        },
        _ => ApiError::Limited { wait: None },
    };
    let derived_seconds = match &derived {
        ApiError::Limited { wait } => wait.retry_after_seconds(),
        ApiError::Maintenance { seconds } => seconds.retry_after_seconds(),
        _ => unreachable!(),
    };
    let headers = derived.headers();
    check_retry_after(headers.get(http::header::RETRY_AFTER), derived_seconds);
    assert_eq!(headers["content-type"], "application/problem+json");

    // Allow, from methods.
    const KNOWN: [Method; 9] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::CONNECT,
        Method::OPTIONS,
        Method::TRACE,
        Method::PATCH,
    ];
    let mut methods: Vec<Method> = input
        .methods
        .iter()
        .filter_map(|bytes| Method::from_bytes(bytes).ok())
        .collect();
    for (i, &k) in input.known.iter().enumerate() {
        let at = i.min(methods.len());
        methods.insert(at, KNOWN[usize::from(k) % KNOWN.len()].clone());
    }
    let names: Vec<&str> = methods.iter().map(Method::as_str).collect();
    // `Method::from_bytes` takes tokens only, so every list makes a header.
    let joined = names.join(", ");
    check_allow(methods.allow_header().as_ref(), Some(&joined));
    check_allow(methods.as_slice().allow_header().as_ref(), Some(&joined));
    let mut map = HeaderMap::new();
    status_core::__private::allow(&mut map, &methods);
    check_allow(map.get(http::header::ALLOW), Some(&joined));
    let headers = ApiError::WrongMethod {
        allowed: methods.clone(),
    }
    .headers();
    check_allow(headers.get(http::header::ALLOW), Some(&joined));
    // The joined list, read back as text, gives the same value.
    check_allow(joined.allow_header().as_ref(), Some(&joined));

    // Allow, from text.
    let expected = expected_allow_for_text(&input.text);
    check_allow(input.text.allow_header().as_ref(), expected.as_deref());
    check_allow(
        input.text.as_str().allow_header().as_ref(),
        expected.as_deref(),
    );
    let headers = ApiError::WrongMethodText {
        allowed: input.text.clone(),
    }
    .headers();
    check_allow(headers.get(http::header::ALLOW), expected.as_deref());
    let with_spaces = format!(" {} ,\t{}", input.text, "GET");
    let expected = expected_allow_for_text(&with_spaces);
    check_allow(with_spaces.allow_header().as_ref(), expected.as_deref());
});
