//! What content negotiation costs, in one run: a 404 through an axum router as today (the
//! `problem_details` layer) against the same router with a `Negotiation` layer outside it,
//! for a client that sends no `Accept`, one that asks for JSON, and a browser (which gets
//! the JSON body today and the HTML page with negotiation); the page, text
//! and XML writers against the JSON body of the same value; the same router served on
//! loopback, as a client waits for a response; and the record a response carries.
//!
//! `cargo bench --bench negotiation --features axum`; the ratios are in BENCHMARKS.md. The
//! setup checks that what is compared answers alike, in the optimized build the figures come
//! from.

use std::hint::black_box;

use axum::response::{IntoResponse, Response};
use axum::Router;
use criterion::{criterion_group, criterion_main, Criterion};
use status_core::negotiate::{Negotiation, Representation};
use status_core::ApiStatus;
use tower::ServiceExt as _;

#[path = "shared/negotiation.rs"]
mod shared;
use shared::{call, ready, request, routers, ApiError, BROWSER};

fn body(response: Response) -> Vec<u8> {
    ready(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap()
        .to_vec()
}

fn router_responses(c: &mut Criterion) {
    let (today, negotiated) = routers();
    let around = tower::Layer::layer(&Negotiation::new(), today.clone());

    // A JSON client gets today's bytes; a browser the page of the value.
    let value = ApiError::UserNotFound { id: 42 };
    let json = body(call(&today, None));
    assert_eq!(json, value.body());
    for accept in [None, Some("application/json")] {
        let response = call(&negotiated, accept);
        assert_eq!(response.headers()["vary"], "accept");
        assert_eq!(body(response), json);
    }
    let page = call(&negotiated, Some(BROWSER));
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    assert_eq!(body(page), status_core::html::page(&value).into_bytes());

    // Each request against both routers: building a request with a header costs the same in
    // both, so each ratio is negotiation's alone.
    let mut group = c.benchmark_group("a 404 through an axum router");
    for (accept, name) in [
        (None, "no Accept"),
        (Some("application/json"), "Accept: application/json"),
        (Some(BROWSER), "a browser's Accept"),
    ] {
        group.bench_function(format!("{name}, today (no negotiation)"), |b| {
            b.iter(|| call(black_box(&today), accept));
        });
        group.bench_function(format!("{name}, negotiation on"), |b| {
            b.iter(|| call(black_box(&negotiated), accept));
        });
        // The layer around the router, not in it: axum boxes each route's layers, and every
        // request pays for the box, whatever the layer does (BENCHMARKS.md).
        group.bench_function(format!("{name}, negotiation around the router"), |b| {
            b.iter(|| ready(black_box(&around).clone().oneshot(request(accept))).unwrap());
        });
    }
    group.finish();
}

/// One keep-alive connection to a server, on which a request is written and its response
/// read whole: what a client of the service waits for.
struct Connection {
    stream: std::net::TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    fn open(address: std::net::SocketAddr) -> Self {
        let stream = std::net::TcpStream::connect(address).unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream,
            buffer: Vec::with_capacity(4096),
        }
    }

    /// Sends `GET /users/42` with `accept`, and returns the response's head and body.
    fn get(&mut self, accept: Option<&str>) -> &[u8] {
        use std::io::{Read as _, Write as _};

        let accept = accept.map_or(String::new(), |accept| format!("accept: {accept}\r\n"));
        let request = format!("GET /users/42 HTTP/1.1\r\nhost: bench\r\n{accept}\r\n");
        self.stream.write_all(request.as_bytes()).unwrap();
        self.buffer.clear();
        let mut chunk = [0; 4096];
        loop {
            let read = self.stream.read(&mut chunk).unwrap();
            assert!(read > 0, "the server closed the connection");
            self.buffer.extend_from_slice(&chunk[..read]);
            let Some(head_end) = find(&self.buffer, b"\r\n\r\n") else {
                continue;
            };
            let head = std::str::from_utf8(&self.buffer[..head_end])
                .unwrap()
                .to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length: "))
                .unwrap()
                .parse()
                .unwrap();
            if self.buffer.len() >= head_end + 4 + length {
                return &self.buffer;
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Serves `router` on a free loopback port, on `runtime`.
fn serve(runtime: &tokio::runtime::Runtime, router: Router) -> std::net::SocketAddr {
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
    runtime.spawn(async move { axum::serve(listener, router).await.unwrap() });
    address
}

fn served_responses(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (today, negotiated) = routers();
    let mut today = Connection::open(serve(&runtime, today));
    let mut negotiated = Connection::open(serve(&runtime, negotiated));
    let body = ApiError::UserNotFound { id: 42 }.body();
    for accept in [None, Some("application/json")] {
        assert!(today.get(accept).ends_with(&body));
        let response = negotiated.get(accept);
        assert!(find(response, b"\r\nvary: accept\r\n").is_some());
        assert!(response.ends_with(&body));
    }

    let mut group = c.benchmark_group("a 404 from an axum server on loopback");
    for (accept, name) in [
        (None, "no Accept"),
        (Some("application/json"), "Accept: application/json"),
    ] {
        group.bench_function(format!("{name}, today (no negotiation)"), |b| {
            b.iter(|| today.get(black_box(accept)).len());
        });
        group.bench_function(format!("{name}, negotiation on"), |b| {
            b.iter(|| negotiated.get(black_box(accept)).len());
        });
    }
    group.finish();
}

fn writers(c: &mut Criterion) {
    let value = ApiError::UserNotFound { id: 42 };
    let negotiation = Negotiation::new();
    assert_eq!(
        status_core::html::page(&value),
        status_core::html::problem_page(&value.problem())
    );

    let mut group = c.benchmark_group("a 404 in each representation");
    group.bench_function("JSON body (ApiStatus::body)", |b| {
        b.iter(|| black_box(&value).body());
    });
    group.bench_function("HTML page (html::page)", |b| {
        b.iter(|| status_core::html::page(black_box(&value)));
    });
    group.bench_function("HTML page of the problem (html::problem_page)", |b| {
        b.iter(|| status_core::html::problem_page(&black_box(&value).problem()));
    });
    group.bench_function("text (the detail)", |b| {
        b.iter(|| negotiation.render(Representation::PlainText, &black_box(&value).problem()));
    });
    group.bench_function("XML (Problem::to_xml)", |b| {
        b.iter(|| black_box(&value).problem().to_xml());
    });
    group.finish();
}

fn record(c: &mut Criterion) {
    let mut group = c.benchmark_group("an axum response and its record");
    group.bench_function("status_core::axum::response (no record)", |b| {
        b.iter(|| status_core::axum::response(&ApiError::UserNotFound { id: black_box(42) }));
    });
    group.bench_function("derived IntoResponse (with the record)", |b| {
        b.iter(|| ApiError::UserNotFound { id: black_box(42) }.into_response());
    });
    group.finish();
}

criterion_group!(benches, router_responses, served_responses, writers, record);
criterion_main!(benches);
