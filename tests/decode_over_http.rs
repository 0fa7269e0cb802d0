//! The same enum on both ends, over real HTTP: an axum and an actix-web server on loopback
//! serve every sample of `decoded::ApiError`, a real client reads each response raw, and
//! `FromProblem` rebuilds the value the handler returned.
#![cfg(any(feature = "axum", feature = "actix-web"))]

#[allow(dead_code)] // the server tests use the rest
mod common;
#[path = "common/decoded.rs"]
mod decoded;

use decoded::{decodable, kept_on_server, sample, sample_count, ApiError, SECRET};
use status_core::{ApiStatus, FromProblem};

/// `GET {base}/samples/{index}` as the client saw it, back into an `http::Response`.
fn fetch(base: &str, index: usize) -> http::Response<Vec<u8>> {
    let seen = common::send("GET", &format!("{base}/samples/{index}"), None);
    let mut response = http::Response::new(seen.text.into_bytes());
    *response.status_mut() = http::StatusCode::from_u16(seen.status).unwrap();
    *response.headers_mut() = seen.headers;
    response
}

/// Every sample comes back: the decodable ones as the value itself, the others as the
/// problem the server sent, with nothing of what stayed on the server.
fn assert_every_sample_comes_back(base: &str) {
    let decodable = decodable();
    for index in 0..sample_count() {
        let response = fetch(base, index);
        let back = ApiError::from_response(&response);
        if let Some(value) = decodable.get(index) {
            assert_eq!(back.as_ref(), Ok(value), "sample {index}");
            continue;
        }
        let kept = &kept_on_server()[index - decodable.len()];
        let problem = back.expect_err("a value that stays on the server");
        assert_eq!(problem.code(), Some(kept.code()), "sample {index}");
        assert_eq!(
            problem.status(),
            Some(kept.status().as_u16()),
            "sample {index}"
        );
        let body = String::from_utf8(response.into_body()).unwrap();
        assert!(!body.contains(SECRET), "{body}");
    }
}

/// The handler: the sample of the index in the path.
fn sample_at(index: &str) -> ApiError {
    index
        .parse()
        .ok()
        .and_then(sample)
        .unwrap_or(ApiError::Forbidden)
}

#[cfg(feature = "axum")]
#[test]
fn an_axum_client_rebuilds_every_value_the_server_sent() {
    #[path = "common/serve_axum.rs"]
    mod serve_axum;

    async fn handler(
        axum::extract::Path(index): axum::extract::Path<String>,
    ) -> Result<String, ApiError> {
        Err(sample_at(&index))
    }
    let app = axum::Router::new()
        .route("/samples/{index}", axum::routing::get(handler))
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ))
        .layer(axum::middleware::from_fn(
            status_core::axum::problem_instance,
        ));
    assert_every_sample_comes_back(&serve_axum::serve(app));
}

#[cfg(feature = "actix-web")]
#[test]
fn an_actix_client_rebuilds_every_value_the_server_sent() {
    #[path = "common/serve_actix.rs"]
    mod serve_actix;

    async fn handler(index: actix_web::web::Path<String>) -> Result<String, actix_web::Error> {
        Err(sample_at(&index).into())
    }
    let base = serve_actix::serve(true, |config| {
        config.route("/samples/{index}", actix_web::web::get().to(handler));
    });
    assert_every_sample_comes_back(&base);
}
