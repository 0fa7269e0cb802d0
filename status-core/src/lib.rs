//! Turn your error enum into correct HTTP error responses with one derive, checked by the
//! compiler: the right status line, the headers the RFCs require, an RFC 9457 Problem Details
//! body (`application/problem+json`), and documentation with example bodies.
//!
//! Its parts:
//!
//! - [`Status`]: the catalog of the documented status codes, with their descriptions, uses
//!   and example responses; [`RegisteredStatus`]: every status of IANA's registry, with its
//!   reason phrase, reference and a description, which a variant on it takes.
//! - [`Problem`]: the response body, an RFC 9457 Problem Details object
//!   (`application/problem+json`).
//! - [`ApiStatus`]: the trait an error type implements, and, with the default `derive`
//!   feature, `#[derive(ApiStatus)]` to implement it.
//! - [`FromProblem`]: the client's side, with `#[derive(FromProblem)]`: the server's own value
//!   rebuilt from the response it sent.
//! - [`ApiStatus::response`]: the whole response as an [`http::Response`](https://docs.rs/http/1/http/response/struct.Response.html).
//! - [`html`] and [`markdown`]: the catalog of a type's errors for people; the HTML page is
//!   what its problem type URIs resolve to, written for the API's clients (codes and
//!   descriptions, no Rust names), the Markdown for its developers.
//! - [`guide`]: the guides, a topic each (serving with each framework, invalid input,
//!   browsers and logs, the documentation tools, the problem type pages, gRPC, clients),
//!   with examples that run; the attribute reference is the derive's page.
//!
//! ```
//! use status_core::{ApiStatus, Status};
//!
//! # #[cfg(feature = "derive")] {
//! #[derive(Debug, ApiStatus)]
//! enum ApiError {
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//!     #[status(429)]
//!     RateLimited,
//! }
//!
//! let err = ApiError::UserNotFound { id: 42 };
//! assert_eq!(err.status(), Status::NotFound.to_http());
//! assert_eq!(err.detail(), "user 42 not found");
//! assert_eq!(ApiError::RateLimited.code(), "rate_limited");
//! # }
//! ```
//!
//! # HTTP status codes
//!
//! HTTP status codes are three-digit numbers returned by the server to indicate the outcome of a request.
//! These codes help you understand how the server processed your request and whether any issues occurred.
//! [`Status`] documents each code this crate's catalog covers, in the same words.
//!
//! # Features
//! - `derive` (default): re-exports `#[derive(ApiStatus)]` and `#[derive(FromProblem)]` from
//!   `status-derive`.
//! - `axum`: derived types implement `axum::response::IntoResponse`; see [`axum`][mod-axum].
//! - `actix-web`: derived types convert into `actix_web::Error`; see [`actix`][mod-actix].
//! - `openapi`: OpenAPI 3.1 responses and the Problem schema; see [`openapi`][mod-openapi].
//! - `tracing`: a 5xx response logs the error and its `source()` chain once, at error level,
//!   with the target `status_core::server_error`, as a framework turns it into a response.
//! - `utoipa`: derived types implement `utoipa::IntoResponses`, and [`Problem`] implements
//!   `utoipa::ToSchema`; see [`utoipa`][mod-utoipa].
//! - `aide`: derived types implement `aide::OperationOutput`, so aide documents the errors of
//!   every handler that returns them; see [`aide`][mod-aide].
//! - `tonic`: derived types with a `grpc_domain` convert into `tonic::Status`, and
//!   `FromProblem` reads them back with `from_status`; see [`tonic`][mod-tonic].
//! - `reqwest`: a `reqwest::Response` read into the success type or the server's error enum;
//!   see [`reqwest`][mod-reqwest].
//! - `validator`, `garde`: their validation errors convert into [`Violations`].
//! - `rocket`: derived types implement rocket's `Responder`; see [`rocket`][mod-rocket].
//! - `poem`: derived types implement poem's `IntoResponse` and convert into `poem::Error`;
//!   see [`poem`][mod-poem]. `poem-openapi`: they implement `poem_openapi::ApiResponse`; see
//!   [`poem_openapi`][mod-poem_openapi].
//! - `salvo`: derived types implement salvo's `Scribe`; see [`salvo`][mod-salvo].
//!   `salvo-oapi`: they implement `salvo_oapi::EndpointOutRegister`; see
//!   [`salvo_oapi`][mod-salvo_oapi].
//! - `warp`: derived types implement warp's `Reply` and convert into `warp::Rejection`; see
//!   [`warp`][mod-warp].
//!
// Each module's link: the module where its feature is on, else its page on docs.rs, which
// documents every feature (a link to a module that is not there would not resolve).
#![cfg_attr(feature = "axum", doc = "[mod-axum]: mod@axum")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[mod-axum]: <https://docs.rs/status-core/0.1/status_core/axum/index.html>"
)]
#![cfg_attr(feature = "actix-web", doc = "[mod-actix]: mod@actix")]
#![cfg_attr(
    not(feature = "actix-web"),
    doc = "[mod-actix]: <https://docs.rs/status-core/0.1/status_core/actix/index.html>"
)]
#![cfg_attr(feature = "openapi", doc = "[mod-openapi]: mod@openapi")]
#![cfg_attr(
    not(feature = "openapi"),
    doc = "[mod-openapi]: <https://docs.rs/status-core/0.1/status_core/openapi/index.html>"
)]
#![cfg_attr(feature = "utoipa", doc = "[mod-utoipa]: mod@utoipa")]
#![cfg_attr(
    not(feature = "utoipa"),
    doc = "[mod-utoipa]: <https://docs.rs/status-core/0.1/status_core/utoipa/index.html>"
)]
#![cfg_attr(feature = "aide", doc = "[mod-aide]: mod@aide")]
#![cfg_attr(
    not(feature = "aide"),
    doc = "[mod-aide]: <https://docs.rs/status-core/0.1/status_core/aide/index.html>"
)]
#![cfg_attr(feature = "tonic", doc = "[mod-tonic]: mod@tonic")]
#![cfg_attr(
    not(feature = "tonic"),
    doc = "[mod-tonic]: <https://docs.rs/status-core/0.1/status_core/tonic/index.html>"
)]
#![cfg_attr(feature = "reqwest", doc = "[mod-reqwest]: mod@reqwest")]
#![cfg_attr(
    not(feature = "reqwest"),
    doc = "[mod-reqwest]: <https://docs.rs/status-core/0.1/status_core/reqwest/index.html>"
)]
#![cfg_attr(feature = "rocket", doc = "[mod-rocket]: mod@rocket")]
#![cfg_attr(
    not(feature = "rocket"),
    doc = "[mod-rocket]: <https://docs.rs/status-core/0.1/status_core/rocket/index.html>"
)]
#![cfg_attr(feature = "poem", doc = "[mod-poem]: mod@poem")]
#![cfg_attr(
    not(feature = "poem"),
    doc = "[mod-poem]: <https://docs.rs/status-core/0.1/status_core/poem/index.html>"
)]
#![cfg_attr(feature = "poem-openapi", doc = "[mod-poem_openapi]: mod@poem_openapi")]
#![cfg_attr(
    not(feature = "poem-openapi"),
    doc = "[mod-poem_openapi]: <https://docs.rs/status-core/0.1/status_core/poem_openapi/index.html>"
)]
#![cfg_attr(feature = "salvo", doc = "[mod-salvo]: mod@salvo")]
#![cfg_attr(
    not(feature = "salvo"),
    doc = "[mod-salvo]: <https://docs.rs/status-core/0.1/status_core/salvo/index.html>"
)]
#![cfg_attr(feature = "salvo-oapi", doc = "[mod-salvo_oapi]: mod@salvo_oapi")]
#![cfg_attr(
    not(feature = "salvo-oapi"),
    doc = "[mod-salvo_oapi]: <https://docs.rs/status-core/0.1/status_core/salvo_oapi/index.html>"
)]
#![cfg_attr(feature = "warp", doc = "[mod-warp]: mod@warp")]
#![cfg_attr(
    not(feature = "warp"),
    doc = "[mod-warp]: <https://docs.rs/status-core/0.1/status_core/warp/index.html>"
)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client;
mod doc_tools;
mod docs;
mod frameworks;
pub mod guide;
mod problem;
mod response;
mod serve;
mod status;
mod validation;

#[cfg(feature = "openapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "openapi")))]
pub use docs::openapi;
pub use docs::{html, markdown};
pub use serve::negotiate;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use frameworks::actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use frameworks::axum;
#[cfg(feature = "poem")]
#[cfg_attr(docsrs, doc(cfg(feature = "poem")))]
pub use frameworks::poem;
#[cfg(feature = "rocket")]
#[cfg_attr(docsrs, doc(cfg(feature = "rocket")))]
pub use frameworks::rocket;
#[cfg(feature = "salvo")]
#[cfg_attr(docsrs, doc(cfg(feature = "salvo")))]
pub use frameworks::salvo;
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use frameworks::tonic;
#[cfg(feature = "warp")]
#[cfg_attr(docsrs, doc(cfg(feature = "warp")))]
pub use frameworks::warp;

#[cfg(feature = "aide")]
#[cfg_attr(docsrs, doc(cfg(feature = "aide")))]
pub use doc_tools::aide;
#[cfg(feature = "poem-openapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "poem-openapi")))]
pub use doc_tools::poem_openapi;
#[cfg(feature = "salvo-oapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "salvo-oapi")))]
pub use doc_tools::salvo_oapi;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use doc_tools::utoipa;

#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use client::reqwest;

pub use client::from_problem::{
    DetailField, ExtensionMember, FromAllow, FromHeaderText, FromProblem, FromRetryAfter, Received,
};
pub use problem::violations::{Pointer, Violation, Violations};
pub use problem::{reason_phrase, Problem, ABOUT_BLANK, PROBLEM_JSON};
pub use response::api_status::ApiStatus;
pub use response::extensions::Extensions;
pub use response::headers::{AllowMethods, HeaderText, RetryAfter};
pub use response::rejection::{Rejection, RejectionKind};
pub use response::statuses;
pub use response::statuses::Statuses;
pub use response::table::{Table, TransparentInfo, VariantInfo};
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub use serve::log::LogPolicy;
#[cfg(any(feature = "actix-web", feature = "poem", feature = "warp"))]
pub use serve::prepared::ProblemResponse;
pub use serve::served::Served;
pub use status::catalog::{Status, UndocumentedStatus, GENERAL_INFORMATION};
pub use status::class::StatusClass;
pub use status::grpc::GrpcDomain;
pub use status::registry::RegisteredStatus;

// The attribute reference, on the page `#[derive(ApiStatus)]` leads to; its examples run as
// this crate's doc tests.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
#[doc = include_str!("../attributes.md")]
pub use status_derive::ApiStatus;

/// Derives [`FromProblem`] from the same attributes as `ApiStatus`, so a client rebuilds the
/// value from the problem it received; see [`FromProblem`] for what comes back.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use status_derive::FromProblem;

/// The `http` crate (1.x), whose types [`ApiStatus`] and [`Problem`] speak: a service whose
/// framework has other ones (actix-web 4 has its own copy of `http` 0.2) names them through
/// this, without a dependency of its own.
pub use http;

/// What `#[derive(ApiStatus)]` expands to refers to; not a public API.
#[doc(hidden)]
pub mod __private;
