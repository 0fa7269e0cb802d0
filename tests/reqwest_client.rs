//! `status_core::reqwest` against the axum example server, started from its binary (which
//! `cargo test --all-features` builds) on a free loopback port: a success comes back as its
//! type, every error the example serves as the example's own `ApiError`, and what is not one
//! of its values as the problem the server sent.
#![cfg(all(feature = "reqwest", feature = "axum"))]

#[allow(dead_code)] // the examples use the rest
#[path = "../examples/demo/mod.rs"]
mod demo;
#[path = "common/example.rs"]
mod example;

use std::error::Error as _;

use demo::{ApiError, User};
use status_core::reqwest::{self as client, ClientError};

async fn get(url: String) -> reqwest::Response {
    reqwest::get(url).await.expect("the example answers")
}

#[tokio::test]
async fn a_success_comes_back_as_its_type() {
    let (_server, base) = example::start("axum_server");

    let user = client::json::<User, ApiError>(get(format!("{base}/users/1")).await).await;
    let expected = User {
        id: 1,
        name: "Ada Lovelace".to_owned(),
    };
    assert_eq!(user.unwrap(), expected);

    let response = client::error_for_problem::<ApiError>(get(format!("{base}/users/1")).await)
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body = response.bytes().await.unwrap();
    assert_eq!(serde_json::from_slice::<User>(&body).unwrap(), expected);
}

#[tokio::test]
async fn every_error_the_example_serves_comes_back_as_its_value() {
    let (_server, base) = example::start("axum_server");
    for code in demo::ERROR_CODES {
        let expected = demo::sample(code).unwrap();
        let received =
            client::json::<User, ApiError>(get(format!("{base}/errors/{code}")).await).await;
        match received {
            // `Database` holds an `io::Error`, so the enum is not `PartialEq`: its `Debug`
            // shows every field.
            Err(ClientError::Api(error)) => {
                assert_eq!(format!("{error:?}"), format!("{expected:?}"), "{code}");
                assert_eq!(error.to_string(), expected.to_string(), "{code}");
            }
            // The 500's `#[from]` source stayed on the server: the problem comes back, whole,
            // with nothing of the source in it.
            Err(ClientError::Problem(problem)) if *code == "internal_server_error" => {
                assert_eq!(problem.status(), Some(500));
                assert_eq!(problem.code(), Some("internal_server_error"));
                let shown = format!("{problem:?}");
                assert!(!shown.contains("db.internal"), "{shown}");
            }
            other => panic!("{code}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn another_problem_comes_back_whole() {
    let (_server, base) = example::start("axum_server");
    // axum's own 404, served by the example's fallback as a `Rejection`, which the example's
    // `ApiError` does not forward.
    let response = get(format!("{base}/no/such/route")).await;
    let Err(ClientError::Problem(problem)) = client::json::<User, ApiError>(response).await else {
        panic!("not a problem");
    };
    assert_eq!(problem.status(), Some(404));
    assert_eq!(problem.code(), Some("route_not_found"));
    assert_eq!(problem.instance(), Some("/no/such/route"));
    let error = ClientError::<ApiError>::Problem(problem);
    assert_eq!(
        error.to_string(),
        "the server answered 404 Not Found: No route of this service matches the path."
    );
    assert!(error.source().is_none());
}

#[tokio::test]
async fn a_success_of_another_shape_is_a_body_error() {
    let (_server, base) = example::start("axum_server");
    let response = get(format!("{base}/users/1")).await;
    let error = client::json::<Vec<u64>, ApiError>(response)
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::Body(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "the response body is not the expected JSON"
    );
    let source = error.source().expect("serde_json's error");
    assert!(
        source.to_string().contains("expected a sequence"),
        "{source}"
    );
}

#[tokio::test]
async fn a_failed_request_is_a_request_error() {
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sent = reqwest::get(format!("http://127.0.0.1:{port}/")).await;
    let error = ClientError::<ApiError>::from(sent.unwrap_err());
    assert!(matches!(error, ClientError::Request(_)), "{error:?}");
    assert!(
        error.to_string().contains("error sending request"),
        "{error}"
    );
}
