//! The suite's requests over the wire, with the real client of the other server tests (ureq);
//! a chunked body, without `Content-Length`, is written by hand.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::time::Duration;

use super::cases::{Body, Request};
use crate::common::Seen;

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
    let host = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut head = format!(
        "{} {} HTTP/1.1\r\nhost: {host}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n",
        request.method, request.target
    );
    for (name, value) in [("content-type", request.content_type), ("accept", accept)] {
        if let Some(value) = value {
            let _ = write!(head, "{name}: {value}\r\n");
        }
    }
    // Two chunks and the last, empty one.
    let (first, second) = body.split_at(body.len() / 2);
    let wire = format!(
        "{head}\r\n{:x}\r\n{first}\r\n{:x}\r\n{second}\r\n0\r\n\r\n",
        first.len(),
        second.len()
    );
    // A server that answered early may have closed its side: its answer is still there.
    let _ = stream.write_all(wire.as_bytes());
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    Seen::from_wire(&answer)
}
