//! actix-web 4 has its own copy of the `http` types: a client or a test reads a problem from an
//! actix-web response or an awc client's response with `status_core::actix::decode` and
//! `read_problem`, in actix-web's types only; `http_status` converts a status. Nothing here
//! names the `http` crate.
#![cfg(feature = "actix-web")]

#[path = "common/serve_actix.rs"]
mod serve_actix;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use status_core::{ApiStatus, FromProblem};

#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
enum ApiError {
    #[error("no user {id}")]
    #[status(404, message = "no user {id}")]
    NoUser { id: u64 },
    #[error("slow down")]
    #[status(429)]
    Busy {
        #[status(retry_after)]
        retry_after: u64,
        #[status(extension)]
        limit: u32,
    },
    #[error("database: {0}")]
    #[status(500)]
    Database(#[source] DbError),
}

#[derive(Debug, PartialEq, thiserror::Error)]
#[error("{0}")]
struct DbError(String);

async fn error(name: web::Path<String>) -> Result<HttpResponse, ApiError> {
    Err(match name.as_str() {
        "busy" => ApiError::Busy {
            retry_after: 30,
            limit: 100,
        },
        "database" => ApiError::Database(DbError("db.internal down".into())),
        _ => ApiError::NoUser { id: 7 },
    })
}

fn serve() -> String {
    serve_actix::serve(false, |app| {
        app.route("/errors/{name}", web::get().to(error));
    })
}

#[test]
fn an_awc_client_reads_the_server_s_values_back() {
    let base = serve();
    actix_web::rt::System::new().block_on(async {
        let client = awc::Client::default();
        let read = |name: &'static str| {
            let client = client.clone();
            let url = format!("{base}/errors/{name}");
            async move {
                let mut response = client.get(url).send().await.unwrap();
                let body = response.body().await.unwrap();
                (response.status(), response.headers().clone(), body)
            }
        };
        let (status, headers, body) = read("no-user").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let decoded: Result<ApiError, _> = status_core::actix::decode(status, &headers, &body);
        assert_eq!(decoded.unwrap(), ApiError::NoUser { id: 7 });

        // `Retry-After` comes back from the headers, in actix-web's types.
        let (status, headers, body) = read("busy").await;
        let decoded: Result<ApiError, _> = status_core::actix::decode(status, &headers, &body);
        assert_eq!(
            decoded.unwrap(),
            ApiError::Busy {
                retry_after: 30,
                limit: 100
            }
        );

        // A 5xx whose source stayed on the server is the problem, not a value.
        let (status, headers, body) = read("database").await;
        let problem = status_core::actix::decode::<ApiError>(status, &headers, &body).unwrap_err();
        assert_eq!(problem.code(), Some("internal_server_error"));
        let read_again = status_core::actix::read_problem(status, &headers, &body);
        assert_eq!(read_again, problem);
        assert_eq!(
            status_core::actix::http_status(status),
            ApiError::Database(DbError("x".into())).status()
        );
    });
}

#[test]
fn a_server_side_response_reads_back_too() {
    actix_web::rt::System::new().block_on(async {
        let response = status_core::actix::response(&ApiError::NoUser { id: 9 });
        let (status, headers) = (response.status(), response.headers().clone());
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap();
        let decoded: Result<ApiError, _> = status_core::actix::decode(status, &headers, &body);
        assert_eq!(decoded.unwrap(), ApiError::NoUser { id: 9 });
        // A status converts both ways, `status_code` from a value to actix-web's.
        assert_eq!(
            status_core::actix::status_code(&ApiError::NoUser { id: 9 }),
            status
        );
    });
}
