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

/// Declares a guide: its summary, and its page (`guide/NAME.md`) where the features its
/// examples need are on, else a line naming them (`needs`, as a sentence would list them).
macro_rules! guide {
    ($(#[doc = $summary:literal])* $name:ident, [$($feature:literal),+], $needs:literal) => {
        $(#[doc = $summary])*
        ///
        #[cfg_attr(
            all(feature = "derive", $(feature = $feature),+),
            doc = include_str!(concat!("../guide/", stringify!($name), ".md"))
        )]
        #[cfg_attr(
            not(all(feature = "derive", $(feature = $feature),+)),
            doc = concat!(
                "This guide's examples need ", $needs, " (and the default `derive`), so it is ",
                "shown with them: on [docs.rs](https://docs.rs/status-core/latest/status_core/",
                "guide/", stringify!($name), "/index.html), or in `guide/", stringify!($name),
                ".md` of the package."
            )
        )]
        pub mod $name {}
    };
}

guide! {
    /// Serve it: the enum from axum, actix-web, rocket, poem, salvo and warp handlers; what the
    /// framework answers before your handler runs; the framework's own statuses; conformance.
    frameworks,
    ["axum", "actix-web", "rocket", "poem", "salvo", "warp"],
    "the features `axum`, `actix-web`, `rocket`, `poem`, `salvo` and `warp`"
}

guide! {
    /// Invalid input: where, and why, in an `errors` member of JSON Pointers and messages.
    validation,
    ["validator"],
    "the feature `validator`"
}

guide! {
    /// Browsers too: the representation each client asks for; every error in your logs and
    /// your middleware.
    browsers_and_logs,
    ["axum", "tracing"],
    "the features `axum` and `tracing`"
}

guide! {
    /// Documentation for free: the catalogs and OpenAPI from the same table; typed subsets per
    /// operation; utoipa, aide, poem-openapi and salvo-oapi.
    docs_tools,
    ["axum", "utoipa", "aide", "poem-openapi"],
    "the features `axum`, `utoipa`, `aide` and `poem-openapi`"
}

guide! {
    /// Problem types that resolve: the error catalog as a web page, served where the type URIs
    /// point.
    pages,
    ["axum"],
    "the feature `axum`"
}

guide! {
    /// Answer over gRPC with tonic: one enum, one table, for HTTP and gRPC.
    grpc,
    ["tonic"],
    "the feature `tonic`"
}

guide! {
    /// The same enum on both ends: a client gets the server's own value back from the response.
    clients,
    ["reqwest"],
    "the feature `reqwest`"
}
