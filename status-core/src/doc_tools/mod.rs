//! The OpenAPI tools: each module hands `openapi`'s responses to the tool's own types.

#[cfg(feature = "aide")]
pub mod aide;
#[cfg(feature = "poem-openapi")]
pub mod poem_openapi;
#[cfg(feature = "salvo-oapi")]
pub mod salvo_oapi;
#[cfg(feature = "utoipa")]
pub mod utoipa;
