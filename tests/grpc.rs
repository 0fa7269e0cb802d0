//! One error enum over gRPC: a real tonic server on 127.0.0.1, whose handler returns derived
//! errors with `?`, and a real tonic client that reads the code, the message and the rich
//! error details back. Plus the whole HTTP-to-gRPC table against `google/rpc/code.proto`.
#![cfg(feature = "tonic")]

use std::collections::BTreeMap;
use std::time::Duration;

use status_core::{ApiStatus, FromProblem, Pointer, Violations};
use tonic::transport::server::TcpIncoming;
use tonic::transport::Server;
use tonic::{Code, Request, Response, Status};
use tonic_types::StatusExt;

/// The derive's copy of the gRPC code names, which it checks `grpc = "..."` against.
#[path = "../status-derive/src/catalog.rs"]
#[allow(dead_code)]
mod derive_catalog;

#[allow(clippy::all, clippy::pedantic)]
mod pb {
    tonic::include_proto!("users.v1");
}

use pb::users_client::UsersClient;
use pb::users_server::{Users, UsersServer};
use pb::{GetUserRequest, User};

/// What a database error holds, which must never reach a client.
const SECRET: &str = "connect to 10.0.0.3:5432 failed, password=hunter2";

#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
#[status(grpc_domain = "users.example.com")]
enum UserError {
    #[error("user {id} not found")]
    #[status(404, message = "user {id} not found")]
    NotFound {
        #[status(extension)]
        id: String,
    },
    #[error("slow down")]
    #[status(429, message = "slow down")]
    RateLimited {
        #[status(retry_after)]
        seconds: u64,
        #[status(extension)]
        limit: u32,
    },
    #[error("invalid fields")]
    #[status(400, message = "the request has invalid fields")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[error("invalid field")]
    #[status(400, message = "a field is invalid")]
    InvalidField {
        #[status(extension)]
        errors: BTreeMap<String, String>,
    },
    #[error("invalid body")]
    #[status(422, message = "the request body is invalid")]
    Unprocessable {
        #[status(extension)]
        errors: Violations,
    },
    #[error("database: {0}")]
    #[status(500)]
    Database(String),
    #[error("the name is taken")]
    #[status(409, grpc = "already_exists", description = "The name is taken.")]
    Taken,
    #[error("everything is wrong")]
    #[status(400, message = "{note}")]
    Huge {
        note: String,
        #[status(extension)]
        errors: BTreeMap<String, Vec<String>>,
    },
}

impl UserError {
    /// A `Huge` error with `note` as its message and `fields` fields, each with one message.
    fn huge(note: String, fields: usize) -> Self {
        let errors = (0..fields)
            .map(|i| (format!("field_{i}"), vec!["is wrong".to_owned()]))
            .collect();
        UserError::Huge { note, errors }
    }
}

/// Violations deep in the body, one under a key that is not an identifier.
fn unprocessable() -> Violations {
    let mut errors = Violations::new();
    errors
        .push(
            Pointer::field("pets").index(1).key("age"),
            "must be a number",
        )
        .push(Pointer::field("labels").key("team.name"), "is too long");
    errors
}

struct Service;

#[tonic::async_trait]
impl Users for Service {
    async fn get_user(&self, request: Request<GetUserRequest>) -> Result<Response<User>, Status> {
        let id = request.into_inner().id;
        match id.as_str() {
            "missing" => Err(UserError::NotFound { id })?,
            "busy" => Err(UserError::RateLimited {
                seconds: 30,
                limit: 100,
            })?,
            "invalid" => Err(UserError::Invalid {
                errors: BTreeMap::from([
                    (
                        "email".into(),
                        vec!["is taken".into(), "is too long".into()],
                    ),
                    ("name".into(), vec!["is empty".into()]),
                ]),
            })?,
            "invalid-field" => Err(UserError::InvalidField {
                errors: BTreeMap::from([("age".into(), "must be a number".into())]),
            })?,
            "unprocessable" => Err(UserError::Unprocessable {
                errors: unprocessable(),
            })?,
            "database" => Err(UserError::Database(SECRET.to_owned()))?,
            "taken" => Err(UserError::Taken)?,
            "large" => Err(UserError::huge("x".repeat(2_000), 100))?,
            "huge" => Err(UserError::huge("é".repeat(10_000), 2_000))?,
            _ => Ok(Response::new(User {
                name: "Ada".to_owned(),
                id,
            })),
        }
    }
}

/// Starts the service on a free loopback port and calls `GetUser` with `id`.
async fn get_user(id: &str) -> Result<User, Status> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(
        Server::builder()
            .serve_with_incoming(UsersServer::new(Service), TcpIncoming::from(listener)),
    );
    let mut client = UsersClient::connect(format!("http://{address}"))
        .await
        .unwrap();
    let request = GetUserRequest { id: id.to_owned() };
    client.get_user(request).await.map(Response::into_inner)
}

#[tokio::test]
async fn a_success_is_untouched() {
    let user = get_user("7").await.unwrap();
    assert_eq!((user.id.as_str(), user.name.as_str()), ("7", "Ada"));
}

#[tokio::test]
async fn a_client_error_carries_its_code_message_and_error_info() {
    let status = get_user("missing").await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "user missing not found");
    let info = status.get_details_error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "not_found");
    assert_eq!(info.domain, "users.example.com");
    assert_eq!(info.metadata.len(), 1);
    assert_eq!(info.metadata["id"], "missing");
    assert!(status.get_details_retry_info().is_none());
    assert!(status.get_details_bad_request().is_none());
}

#[tokio::test]
async fn a_retry_hint_becomes_retry_info_and_numbers_become_metadata() {
    let status = get_user("busy").await.unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert_eq!(status.message(), "slow down");
    let retry = status.get_details_retry_info().expect("RetryInfo");
    assert_eq!(retry.retry_delay, Some(Duration::from_secs(30)));
    let info = status.get_details_error_info().expect("ErrorInfo");
    assert_eq!(info.reason, "rate_limited");
    assert_eq!(info.metadata.len(), 1);
    assert_eq!(info.metadata["limit"], "100");
}

#[tokio::test]
async fn field_messages_of_a_400_become_bad_request_violations() {
    let status = get_user("invalid").await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(
        field_violations(&status),
        pairs(&[
            ("email", "is taken"),
            ("email", "is too long"),
            ("name", "is empty"),
        ])
    );
    // A map is not metadata: ErrorInfo keeps only strings and numbers.
    assert!(status.get_details_error_info().unwrap().metadata.is_empty());

    // One message for a field, rather than a list.
    let status = get_user("invalid-field").await.unwrap_err();
    let violations = status.get_details_bad_request().expect("BadRequest");
    let [violation] = violations.field_violations.as_slice() else {
        panic!("one violation: {violations:?}");
    };
    assert_eq!(
        (violation.field.as_str(), violation.description.as_str()),
        ("age", "must be a number")
    );
}

#[tokio::test]
async fn violations_become_field_violations_in_aip_193_form() {
    let status = get_user("unprocessable").await.unwrap_err();
    assert_eq!(
        field_violations(&status),
        pairs(&[
            ("pets[1].age", "must be a number"),
            (r#"labels["team.name"]"#, "is too long"),
        ])
    );
}

/// The `BadRequest` field violations of `status`, as (field, description) pairs.
fn field_violations(status: &Status) -> Vec<(String, String)> {
    status
        .get_details_bad_request()
        .expect("BadRequest")
        .field_violations
        .into_iter()
        .map(|v| (v.field, v.description))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(field, message)| ((*field).to_owned(), (*message).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_server_error_leaks_nothing() {
    let status = get_user("database").await.unwrap_err();
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(
        status.message(),
        status_core::Status::InternalServerError.description()
    );
    let details = String::from_utf8_lossy(status.details());
    assert!(!details.contains("hunter2"), "{details}");
    assert!(details.contains("users.example.com"), "{details}");
    assert!(!format!("{status:?}").contains("hunter2"));
    let problem = status_core::tonic::problem(&status);
    assert!(!problem.to_json().windows(7).any(|w| w == b"hunter2"));
}

#[tokio::test]
async fn a_variant_can_name_its_own_code() {
    let status = get_user("taken").await.unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.message(), "The name is taken.");
}

/// Up to the limits below, a status goes whole.
#[tokio::test]
async fn a_large_status_within_the_trailers_limit_goes_whole() {
    let status = get_user("large").await.unwrap_err();
    assert_eq!(status.message(), "x".repeat(2_000));
    let violations = status.get_details_bad_request().expect("BadRequest");
    assert_eq!(violations.field_violations.len(), 100);
    assert!(status.details().len() > 4_096, "{}", status.details().len());
}

/// 20 kB of message and 60 kB of field messages would pass hyper's 16 KiB limit on a response's
/// trailers, and the client would see a protocol error instead of the status.
#[tokio::test]
async fn a_status_too_large_for_the_trailers_keeps_what_names_the_error() {
    let status = get_user("huge").await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let message = status.message();
    assert!(message.len() <= 2048, "{}", message.len());
    assert!(
        message.starts_with("éé") && message.ends_with("é…"),
        "{message}"
    );
    let info = status.get_details_error_info().expect("ErrorInfo");
    assert_eq!(
        (info.reason.as_str(), info.domain.as_str()),
        ("huge", "users.example.com")
    );
    assert!(info.metadata.is_empty());
    assert!(status.get_details_bad_request().is_none());
}

#[tokio::test]
async fn the_client_rebuilds_the_problem_the_http_response_carries() {
    for (id, err) in [
        (
            "missing",
            UserError::NotFound {
                id: "missing".into(),
            },
        ),
        ("taken", UserError::Taken),
    ] {
        let status = get_user(id).await.unwrap_err();
        let rebuilt = status_core::tonic::problem(&status);
        let served = err.problem();
        assert_eq!(rebuilt.status(), served.status(), "{id}");
        assert_eq!(rebuilt.detail(), served.detail(), "{id}");
        assert_eq!(rebuilt.code(), served.code(), "{id}");
        assert_eq!(rebuilt.extensions(), served.extensions(), "{id}");
    }
}

#[tokio::test]
async fn the_client_rebuilds_the_servers_own_value_from_the_status() {
    for (id, sent) in [
        (
            "missing",
            UserError::NotFound {
                id: "missing".into(),
            },
        ),
        // `limit` travels as text in `ErrorInfo`'s metadata, `seconds` as `RetryInfo`.
        (
            "busy",
            UserError::RateLimited {
                seconds: 30,
                limit: 100,
            },
        ),
        // A code of its own, not the one its status maps to.
        ("taken", UserError::Taken),
        // `Violations` as `BadRequest` field violations, back as RFC 9457's `errors`.
        (
            "unprocessable",
            UserError::Unprocessable {
                errors: unprocessable(),
            },
        ),
    ] {
        let status = get_user(id).await.unwrap_err();
        assert_eq!(UserError::from_status(&status).unwrap(), sent, "{id}");
    }
}

#[tokio::test]
async fn what_does_not_fit_the_status_comes_back_as_the_status() {
    // Lists of field messages are no metadata, and a server error's field stays on the server.
    for id in ["invalid", "database"] {
        let status = get_user(id).await.unwrap_err();
        let back = UserError::from_status(&status).unwrap_err();
        assert_eq!(back.code(), status.code(), "{id}");
        assert_eq!(back.message(), status.message(), "{id}");
        assert!(!back.message().contains(SECRET));
    }
    // Another service's status, without `ErrorInfo`, names no variant, even with a code that
    // matches one's status.
    let status = Status::already_exists("taken");
    assert_eq!(
        UserError::from_status(&status).unwrap_err().message(),
        "taken"
    );
}

/// `google/rpc/code.proto`, each code's "HTTP Mapping" comment, in the order of the codes:
/// <https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto>.
const CODE_PROTO: [(Code, u16); 17] = [
    (Code::Ok, 200),
    (Code::Cancelled, 499),
    (Code::Unknown, 500),
    (Code::InvalidArgument, 400),
    (Code::DeadlineExceeded, 504),
    (Code::NotFound, 404),
    (Code::AlreadyExists, 409),
    (Code::PermissionDenied, 403),
    (Code::ResourceExhausted, 429),
    (Code::FailedPrecondition, 400),
    (Code::Aborted, 409),
    (Code::OutOfRange, 400),
    (Code::Unimplemented, 501),
    (Code::Internal, 500),
    (Code::Unavailable, 503),
    (Code::DataLoss, 500),
    (Code::Unauthenticated, 401),
];

/// A hand-written type whose one row names a gRPC code.
struct Named(&'static status_core::VariantInfo);

impl ApiStatus for Named {
    fn table() -> status_core::Table {
        status_core::Table::new("Named", &[])
    }
    fn variant(&self) -> &'static status_core::VariantInfo {
        self.0
    }
}

impl status_core::GrpcDomain for Named {
    const GRPC_DOMAIN: &'static str = "names.example.com";
}

#[test]
fn the_derive_and_status_core_name_grpc_codes_as_tonic_numbers_them() {
    for (number, name) in derive_catalog::GRPC_CODES.into_iter().enumerate() {
        let code = Code::from_i32(i32::try_from(number).unwrap());
        let snake: String = format!("{code:?}")
            .chars()
            .flat_map(|c| {
                let lower = c.to_ascii_lowercase();
                (c.is_ascii_uppercase().then_some('_').into_iter()).chain([lower])
            })
            .skip(1)
            .collect();
        assert_eq!(name, snake, "code {number}");
        if number > 0 {
            let row = status_core::VariantInfo::new("Named", 500).with_grpc(name);
            let status = status_core::tonic::status(&Named(Box::leak(Box::new(row))));
            assert_eq!(status.code(), code, "{name}");
        }
    }
}

#[test]
fn each_grpc_code_maps_to_the_http_status_code_proto_gives() {
    for (number, (code, http)) in CODE_PROTO.into_iter().enumerate() {
        assert_eq!(code as usize, number, "{code:?} out of order");
        assert_eq!(
            status_core::tonic::http_status(code).as_u16(),
            http,
            "{code:?}"
        );
    }
}

#[test]
fn each_http_status_maps_to_a_code_that_maps_back_to_it_where_code_proto_names_it() {
    // Where code.proto gives several codes one status, the one the issue table names.
    let chosen = |http: u16| match http {
        400 => Some(Code::InvalidArgument),
        409 => Some(Code::Aborted),
        500 => Some(Code::Internal),
        _ => None,
    };
    for http in 100..=599_u16 {
        let status = http::StatusCode::from_u16(http).unwrap();
        let code = status_core::tonic::code(status);
        let named: Vec<Code> = CODE_PROTO
            .iter()
            .filter(|(_, mapped)| *mapped == http)
            .map(|(code, _)| *code)
            .collect();
        let expected = match named.as_slice() {
            [] if (400..500).contains(&http) => Code::InvalidArgument,
            [] if (500..600).contains(&http) => Code::Internal,
            [] => Code::Unknown,
            [only] if http != 200 => *only,
            _ if http == 200 => Code::Unknown,
            _ => chosen(http).unwrap(),
        };
        assert_eq!(code, expected, "{http}");
        if !named.is_empty() && http != 200 {
            assert_eq!(status_core::tonic::http_status(code).as_u16(), http);
        }
    }
}
