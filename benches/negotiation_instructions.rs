//! Instruction counts of what negotiation costs, repeatable where wall-clock times are not:
//! `bash scripts/negotiation-instructions.sh` runs this under callgrind, once per case, and
//! prints the ratios. Run alone, it does nothing but the calls.

use std::hint::black_box;

use axum::response::IntoResponse;
use status_core::negotiate::Negotiation;
use status_core::ApiStatus;
use tower::ServiceExt as _;

#[path = "shared/negotiation.rs"]
mod shared;
use shared::{call, ready, request, routers, ApiError};

fn main() {
    // `cargo bench` passes `--bench`; the case is the first other argument.
    let Some(case) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        return;
    };
    let (today, negotiated) = routers();
    let around = tower::Layer::layer(&Negotiation::new(), today.clone());
    let noop = today
        .clone()
        .layer(tower::util::MapResponseLayer::new(|response| response));
    let json = Some("application/json");
    let value = ApiError::UserNotFound { id: 42 };
    let mut total = 0;
    for _ in 0..10_000 {
        total += match case.as_str() {
            "none" => 0,
            "today" => call(black_box(&today), None).headers().len(),
            "today-json" => call(black_box(&today), json).headers().len(),
            "negotiated" => call(black_box(&negotiated), None).headers().len(),
            "negotiated-json" => call(black_box(&negotiated), json).headers().len(),
            "around" => ready(around.clone().oneshot(request(None)))
                .unwrap()
                .headers()
                .len(),
            "around-json" => ready(around.clone().oneshot(request(json)))
                .unwrap()
                .headers()
                .len(),
            "identity-layer" => call(black_box(&noop), None).headers().len(),
            "body" => black_box(&value).body().len(),
            "page" => status_core::html::page(black_box(&value)).len(),
            "response" => status_core::axum::response(black_box(&value))
                .headers()
                .len(),
            "into-response" => ApiError::UserNotFound { id: black_box(42) }
                .into_response()
                .headers()
                .len(),
            other => panic!("no case {other}"),
        };
    }
    println!("{total}");
}
