//! What both body benchmarks measure: the derived error, and the hand-tuned writer it is
//! compared with. Included by `#[path]` from `responses.rs` and `body_instructions.rs`.

use std::collections::BTreeMap;

use serde::Serialize;
use status_core::ApiStatus;

/// A 404 whose detail is its field, and a 429 with an extension map.
#[derive(Debug, ApiStatus)]
pub enum ApiError {
    #[status(404, message = "{0}")]
    NotFound(String),
    #[status(429, message = "rate limit exceeded")]
    RateLimited {
        #[status(extension)]
        limits: BTreeMap<&'static str, u32>,
    },
}

/// Baseline: the practical limit, a writer that copies constants and escapes only the detail.
pub fn constant_prefix_writer(
    detail: &str,
    extensions: Option<&BTreeMap<&'static str, u32>>,
) -> Vec<u8> {
    let (prefix, suffix): (&[u8], &[u8]) = match extensions {
        None => (
            b"{\"title\":\"Not Found\",\"status\":404,\"detail\":",
            b",\"code\":\"not_found\"}",
        ),
        Some(_) => (
            b"{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":",
            b",\"code\":\"rate_limited\"",
        ),
    };
    let mut out = Vec::with_capacity(prefix.len() + detail.len() + suffix.len() + 64);
    out.extend_from_slice(prefix);
    serde_json::to_writer(&mut out, detail).unwrap_or_default();
    out.extend_from_slice(suffix);
    if let Some(limits) = extensions {
        out.extend_from_slice(b",\"limits\":");
        serde_json::to_writer(&mut out, limits).unwrap_or_default();
        out.push(b'}');
    }
    out
}

/// Baseline: the struct a user would derive `Serialize` on.
#[derive(Serialize)]
struct Body<'a, E: Serialize> {
    title: &'a str,
    status: u16,
    detail: &'a str,
    code: &'a str,
    #[serde(flatten)]
    extensions: E,
}

#[derive(Serialize)]
struct NoExtensions {}

#[derive(Serialize)]
struct Limits<'a> {
    limits: &'a BTreeMap<&'static str, u32>,
}

/// Baseline: `serde_json::to_vec` of that struct, for the same bodies.
pub fn serde_struct_writer(
    detail: &str,
    extensions: Option<&BTreeMap<&'static str, u32>>,
) -> Vec<u8> {
    match extensions {
        None => serde_json::to_vec(&Body {
            title: "Not Found",
            status: 404,
            detail,
            code: "not_found",
            extensions: NoExtensions {},
        }),
        Some(limits) => serde_json::to_vec(&Body {
            title: "Too Many Requests",
            status: 429,
            detail,
            code: "rate_limited",
            extensions: Limits { limits },
        }),
    }
    .unwrap_or_default()
}
