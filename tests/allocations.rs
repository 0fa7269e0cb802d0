//! Allocations per response, counted by a global allocator: the body costs one allocation,
//! and everything else is what `http::Response` needs for its headers anyway.
#![allow(unsafe_code)] // a counting allocator has to implement `GlobalAlloc`

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;

use http::{header, HeaderValue, Response, StatusCode};
use status_core::ApiStatus;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is passed on to the system allocator unchanged; only a counter of this
// thread is bumped on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` above, with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: as for `dealloc`, and the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations<T>(f: impl FnOnce() -> T) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    let after = ALLOCATIONS.with(Cell::get);
    drop(value);
    after - before
}

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, code = "user_not_found", message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[cfg_attr(not(feature = "axum"), allow(dead_code))] // served by the axum test only
    #[status(503)]
    Maintenance,
    #[status(429)]
    RateLimited {
        #[status(retry_after)]
        wait: u64,
        #[status(extension)]
        limits: BTreeMap<&'static str, u32>,
    },
}

/// What `http::Response` itself costs: a body allocated once, and the same headers, built
/// as a hand-written handler would (a number becomes a header value by allocating).
fn hand_made(body: &[u8], retry_after: Option<u64>) -> Response<Vec<u8>> {
    let mut response = Response::new(body.to_vec());
    *response.status_mut() = StatusCode::NOT_FOUND;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    if let Some(seconds) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

#[test]
fn a_response_allocates_its_body_once_plus_what_http_needs() {
    let err = ApiError::UserNotFound { id: 42 };
    let body = err.body();
    let baseline = allocations(|| hand_made(&body, None));
    let derived = allocations(|| err.response());
    assert_eq!(derived, baseline, "derived {derived}, hand-made {baseline}");
    assert_eq!(allocations(|| err.body()), 1);
}

#[test]
fn an_extension_map_and_a_header_from_a_field_add_no_allocation_beyond_the_body() {
    let err = ApiError::RateLimited {
        wait: 30,
        limits: BTreeMap::from([("per_minute", 100), ("burst", 20)]),
    };
    let body = err.body();
    let baseline = allocations(|| hand_made(&body, Some(30)));
    let derived = allocations(|| err.response());
    assert_eq!(derived, baseline, "derived {derived}, hand-made {baseline}");
    assert_eq!(allocations(|| err.body()), 1);
}

/// A variant whose body no field changes is served from the bytes the derive spelled at
/// compile time: the framework response costs what it costs with a `&'static` body by hand.
#[cfg(feature = "axum")]
#[test]
fn a_static_body_costs_no_allocation_in_an_axum_response() {
    use axum::body::Body;

    let err = ApiError::Maintenance;
    let fixed = err.variant().static_body().expect("a static body");
    let hand_made = allocations(|| {
        let mut response = Response::new(Body::from(fixed));
        *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    });
    let derived = allocations(|| status_core::axum::response(&err));
    assert_eq!(
        derived, hand_made,
        "derived {derived}, hand-made {hand_made}"
    );
    // A body written per occurrence costs its buffer, and `Bytes` a header for its spare room.
    let written = allocations(|| status_core::axum::response(&ApiError::UserNotFound { id: 42 }));
    assert_eq!(written, derived + 2, "written {written}, static {derived}");
}

/// What the record of a served error costs a derived `IntoResponse` over the same response
/// without it: the value kept behind an `Arc`, and `http`'s extension map holding the record
/// (its box, its table, and the boxed record).
#[cfg(feature = "axum")]
#[test]
fn the_record_of_what_was_served_costs_four_allocations() {
    use axum::response::IntoResponse;

    let bare = allocations(|| status_core::axum::response(&ApiError::Maintenance));
    let recorded = allocations(|| ApiError::Maintenance.into_response());
    assert_eq!(
        recorded,
        bare + 4,
        "with the record {recorded}, without {bare}"
    );
}
