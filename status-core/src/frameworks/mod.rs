//! The web frameworks and gRPC: each module adapts the framework's request and response types
//! to what `serve` does once for all of them.

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "poem")]
pub mod poem;
#[cfg(feature = "rocket")]
pub mod rocket;
#[cfg(feature = "salvo")]
pub mod salvo;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "warp")]
pub mod warp;
