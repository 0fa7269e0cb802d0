//! The guides: each topic the README touches, at length, with examples that run as doc tests.
//!
//! - [`frameworks`]: the enum served by axum, actix-web, rocket, poem, salvo and warp; what
//!   each framework answers before your handler runs, and its own statuses kept; the
//!   conformance suite that holds the six to it.
//! - [`validation`]: invalid input, with where it is and why, in an `errors` member.
//! - [`browsers_and_logs`]: the representation each client asks for (a page for a browser),
//!   and every error in your logs and your middleware.
//! - [`docs_tools`]: the documentation written from the same table; a subset per operation;
//!   utoipa, aide, poem-openapi and salvo-oapi.
//! - [`pages`]: problem types that resolve, the error catalog served as web pages.
//! - [`grpc`]: the same enum answering over gRPC with tonic.
//! - [`clients`]: the same enum on both ends, read back from a response by a client.
//!
//! Every key of `#[derive(ApiStatus)]`, what the body says, what the compiler checks and what
//! is published are in [the attribute reference][attributes], on the derive's page.
//!
//! A guide's examples need the features of the integrations they show. Where those are off,
//! as with the default features, the guide's page says which it needs; docs.rs, which
//! documents every feature, shows each guide whole, and `cargo test --workspace
//! --all-features` runs their examples.
//!
// The derive's page, where the `derive` feature re-exports it, else its page on docs.rs.
#![cfg_attr(feature = "derive", doc = "[attributes]: derive@crate::ApiStatus")]
#![cfg_attr(
    not(feature = "derive"),
    doc = "[attributes]: <https://docs.rs/status-core/latest/status_core/derive.ApiStatus.html>"
)]

/// Serve it: the enum from axum, actix-web, rocket, poem, salvo and warp handlers; what the
/// framework answers before your handler runs; the framework's own statuses; conformance.
///
#[cfg_attr(
    all(
        feature = "derive",
        feature = "axum",
        feature = "actix-web",
        feature = "rocket",
        feature = "poem",
        feature = "salvo",
        feature = "warp"
    ),
    doc = include_str!("../guide/frameworks.md")
)]
#[cfg_attr(
    not(all(
        feature = "derive",
        feature = "axum",
        feature = "actix-web",
        feature = "rocket",
        feature = "poem",
        feature = "salvo",
        feature = "warp"
    )),
    doc = "This guide's examples need the features `axum`, `actix-web`, `rocket`, `poem`, \
           `salvo` and `warp` (and the default `derive`), so it is shown with them: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/frameworks/index.html), \
           or in `guide/frameworks.md` of the package."
)]
pub mod frameworks {}

/// Invalid input: where, and why, in an `errors` member of JSON Pointers and messages.
///
#[cfg_attr(
    all(feature = "derive", feature = "validator"),
    doc = include_str!("../guide/validation.md")
)]
#[cfg_attr(
    not(all(feature = "derive", feature = "validator")),
    doc = "This guide's examples need the feature `validator` (and the default `derive`), so \
           it is shown with it: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/validation/index.html), \
           or in `guide/validation.md` of the package."
)]
pub mod validation {}

/// Browsers too: the representation each client asks for; every error in your logs and your
/// middleware.
///
#[cfg_attr(
    all(feature = "derive", feature = "axum", feature = "tracing"),
    doc = include_str!("../guide/browsers_and_logs.md")
)]
#[cfg_attr(
    not(all(feature = "derive", feature = "axum", feature = "tracing")),
    doc = "This guide's examples need the features `axum` and `tracing` (and the default \
           `derive`), so it is shown with them: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/browsers_and_logs/index.html), \
           or in `guide/browsers_and_logs.md` of the package."
)]
pub mod browsers_and_logs {}

/// Documentation for free: the catalogs and OpenAPI from the same table; typed subsets per
/// operation; utoipa, aide, poem-openapi and salvo-oapi.
///
#[cfg_attr(
    all(
        feature = "derive",
        feature = "axum",
        feature = "utoipa",
        feature = "aide",
        feature = "poem-openapi"
    ),
    doc = include_str!("../guide/docs_tools.md")
)]
#[cfg_attr(
    not(all(
        feature = "derive",
        feature = "axum",
        feature = "utoipa",
        feature = "aide",
        feature = "poem-openapi"
    )),
    doc = "This guide's examples need the features `axum`, `utoipa`, `aide` and \
           `poem-openapi` (and the default `derive`), so it is shown with them: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/docs_tools/index.html), \
           or in `guide/docs_tools.md` of the package."
)]
pub mod docs_tools {}

/// Problem types that resolve: the error catalog as a web page, served where the type URIs
/// point.
///
#[cfg_attr(
    all(feature = "derive", feature = "axum"),
    doc = include_str!("../guide/pages.md")
)]
#[cfg_attr(
    not(all(feature = "derive", feature = "axum")),
    doc = "This guide's examples need the feature `axum` (and the default `derive`), so it is \
           shown with it: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/pages/index.html), \
           or in `guide/pages.md` of the package."
)]
pub mod pages {}

/// Answer over gRPC with tonic: one enum, one table, for HTTP and gRPC.
///
#[cfg_attr(
    all(feature = "derive", feature = "tonic"),
    doc = include_str!("../guide/grpc.md")
)]
#[cfg_attr(
    not(all(feature = "derive", feature = "tonic")),
    doc = "This guide's examples need the feature `tonic` (and the default `derive`), so it is \
           shown with it: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/grpc/index.html), \
           or in `guide/grpc.md` of the package."
)]
pub mod grpc {}

/// The same enum on both ends: a client gets the server's own value back from the response.
///
#[cfg_attr(
    all(feature = "derive", feature = "reqwest"),
    doc = include_str!("../guide/clients.md")
)]
#[cfg_attr(
    not(all(feature = "derive", feature = "reqwest")),
    doc = "This guide's examples need the feature `reqwest` (and the default `derive`), so it \
           is shown with it: on \
           [docs.rs](https://docs.rs/status-core/latest/status_core/guide/clients/index.html), \
           or in `guide/clients.md` of the package."
)]
pub mod clients {}
