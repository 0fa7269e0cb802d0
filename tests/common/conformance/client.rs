//! The suite's requests over the wire, with the real client of the other server tests (ureq);
//! a chunked body, without `Content-Length`, is written by hand.

use std::time::Duration;

use super::cases::{Body, Request};
use crate::common::{raw, Body as RawBody, Seen};

/// Sends `request` to the server at `base`, with `accept` as its `Accept` where given, every
/// wait bounded.
pub fn send(base: &str, request: &Request, accept: Option<&str>) -> Seen {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let url = format!("{base}{}", request.target);
    let method = http::Method::from_bytes(request.method.as_bytes()).unwrap();
    let mut builder = http::Request::builder().method(method).uri(&url);
    if let Some(content_type) = request.content_type {
        builder = builder.header("content-type", content_type);
    }
    if let Some(accept) = accept {
        builder = builder.header("accept", accept);
    }
    let response = match request.body {
        Body::None => agent.run(builder.body(()).unwrap()),
        Body::Sized(text) => agent.run(builder.body(text).unwrap()),
        Body::Chunked(text) => return send_chunked(base, request, accept, text),
    };
    Seen::read(request.method, &url, response)
}

/// Sends `request` with `body` chunked, over a connection of its own.
///
/// ureq sends a reader's body chunked too, but writes it after the head: a server that
/// answers on the head alone (poem's `SizeLimit`, warp's `content_length_limit`) has closed
/// the connection by then, and ureq reports the broken pipe instead of the answer. Here the
/// request goes out in one write, and the answer is read whatever became of it.
fn send_chunked(base: &str, request: &Request, accept: Option<&str>, body: &str) -> Seen {
    let headers: Vec<(&str, &str)> = [("content-type", request.content_type), ("accept", accept)]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect();
    // Two chunks and the last, empty one.
    let (first, second) = body.split_at(body.len() / 2);
    let url = format!("{base}{}", request.target);
    raw(
        &url,
        request.method,
        &headers,
        RawBody::Chunked(&[first, second]),
    )
}
