//! One error enum answering over gRPC: a tonic service on a free loopback port whose handler
//! returns the enum with `?`, called once per error by a tonic client, which prints what it
//! receives and the Problem Details an HTTP gateway would make of it.
//!
//! `cargo run --example grpc --features tonic`

use status_core::ApiStatus;
use tonic::transport::server::TcpIncoming;
use tonic::transport::Server;
use tonic::{Request, Response, Status};
use tonic_types::StatusExt;

#[allow(clippy::all, clippy::pedantic)]
mod pb {
    tonic::include_proto!("users.v1");
}

use pb::users_client::UsersClient;
use pb::users_server::{Users, UsersServer};
use pb::{GetUserRequest, User};

/// The same enum an axum or actix-web handler would return.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(grpc_domain = "users.example.com")]
enum UserError {
    #[error("user {id} not found")]
    #[status(404, message = "user {id} not found")]
    NotFound {
        #[status(extension)]
        id: String,
    },
    #[error("too many requests")]
    #[status(429, retry_after = 30)]
    RateLimited,
    #[error("database unreachable: {0}")]
    #[status(503)]
    Database(String),
}

struct Service;

#[tonic::async_trait]
impl Users for Service {
    async fn get_user(&self, request: Request<GetUserRequest>) -> Result<Response<User>, Status> {
        let id = request.into_inner().id;
        match id.as_str() {
            "busy" => Err(UserError::RateLimited)?,
            "down" => Err(UserError::Database("10.0.0.3:5432 refused".into()))?,
            "ada" => Ok(Response::new(User {
                name: "Ada Lovelace".into(),
                id,
            })),
            _ => Err(UserError::NotFound { id })?,
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(
        Server::builder()
            .serve_with_incoming(UsersServer::new(Service), TcpIncoming::from(listener)),
    );
    let mut client = UsersClient::connect(format!("http://{address}")).await?;
    for id in ["ada", "grace", "busy", "down"] {
        let request = GetUserRequest { id: id.into() };
        match client.get_user(request).await {
            Ok(user) => println!("GetUser {id}: {:?}\n", user.into_inner()),
            Err(status) => {
                println!("GetUser {id}: {:?}, {:?}", status.code(), status.message());
                if let Some(info) = status.get_details_error_info() {
                    let metadata: std::collections::BTreeMap<_, _> = info.metadata.iter().collect();
                    println!(
                        "  ErrorInfo: reason {:?}, domain {:?}, metadata {metadata:?}",
                        info.reason, info.domain
                    );
                }
                if let Some(retry) = status.get_details_retry_info() {
                    println!("  RetryInfo: retry after {:?}", retry.retry_delay);
                }
                let problem = status_core::tonic::problem(&status);
                println!("  over HTTP: {}\n", String::from_utf8(problem.to_json())?);
            }
        }
    }
    Ok(())
}
