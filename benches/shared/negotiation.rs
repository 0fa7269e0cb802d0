//! What the negotiation benches share: the error, its handler, the two routers compared, and
//! a request run to its response without a runtime.

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use axum::body::Body;
use axum::extract::{Path, Request};
use axum::middleware::map_response;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use status_core::negotiate::Negotiation;
use status_core::ApiStatus;
use tower::ServiceExt as _;

/// A browser's `Accept` for a navigation (Firefox's).
#[allow(dead_code)] // not every bench sends it
pub const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(
        404,
        code = "user_not_found",
        message = "user {id} not found in the directory"
    )]
    UserNotFound { id: u64 },
}

async fn user(Path(id): Path<u64>) -> Result<String, ApiError> {
    Err(ApiError::UserNotFound { id })
}

/// Runs a future that needs no I/O to the end: a router's with these handlers does not.
pub fn ready<F: Future>(future: F) -> F::Output {
    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Noop));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

pub fn request(accept: Option<&str>) -> Request {
    let mut request = Request::new(Body::empty());
    *request.uri_mut() = "/users/42".parse().unwrap();
    if let Some(accept) = accept {
        request
            .headers_mut()
            .insert("accept", accept.parse().unwrap());
    }
    request
}

pub fn call(router: &Router, accept: Option<&str>) -> Response {
    ready(router.clone().oneshot(request(accept))).unwrap()
}

/// The router of today's JSON API (`problem_details`), and the same with negotiation on.
pub fn routers() -> (Router, Router) {
    let today: Router = Router::new()
        .route("/users/{id}", get(user))
        .layer(map_response(status_core::axum::problem_details));
    let negotiated = today.clone().layer(Negotiation::new());
    (today, negotiated)
}
