//! Not published: this package owns the workspace-level `tests/` and `examples/`, which use
//! `status-core` exactly as a user would.
//!
//! With every integration feature on (as `cargo test --workspace --all-features` turns them
//! on), the README is this crate's documentation, so its examples run as doc tests.
#![cfg_attr(
    all(
        feature = "axum",
        feature = "actix-web",
        feature = "utoipa",
        feature = "aide",
        feature = "tonic",
        feature = "reqwest",
        feature = "validator",
        feature = "garde",
        feature = "rocket",
        feature = "poem-openapi",
        feature = "salvo-oapi",
        feature = "warp",
        feature = "tracing"
    ),
    doc = include_str!("../README.md")
)]
