//! The pointer-exact JSON extractors, each on a real server of its framework (and, with a
//! docs tool, in its document): one binary, a module per framework, sharing
//! `extractors_common`'s checks.

#[allow(dead_code)] // the shop's errors are not served here
mod common;
#[cfg(any(feature = "aide", feature = "salvo-oapi"))]
#[allow(dead_code)] // only the validity of the documents is checked here
#[path = "common/documented.rs"]
mod documented;
#[allow(dead_code)] // each framework's module uses what it needs
mod extractors_common;
#[cfg(feature = "aide")]
#[path = "common/serve_axum.rs"]
mod serve_axum;
#[cfg(feature = "poem")]
#[path = "common/serve_poem.rs"]
mod serve_poem;
#[cfg(feature = "salvo")]
#[path = "common/serve_salvo.rs"]
mod serve_salvo;
#[cfg(feature = "warp")]
#[path = "common/serve_warp.rs"]
mod serve_warp;

#[cfg(feature = "poem")]
#[path = "extractors/on_poem.rs"]
mod on_poem;
#[cfg(feature = "salvo")]
#[path = "extractors/on_salvo.rs"]
mod on_salvo;
#[cfg(feature = "warp")]
#[path = "extractors/on_warp.rs"]
mod on_warp;
#[cfg(feature = "aide")]
#[path = "extractors/with_aide.rs"]
mod with_aide;
