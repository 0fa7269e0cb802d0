//! Serving, whatever the framework: the seam the derive's impls go through, the pages a type
//! URI resolves to, and `instance`. Each framework module only adapts its types to these.

pub(crate) mod accept;
#[cfg(feature = "__web")]
pub(crate) mod answer;
pub(crate) mod impls;
#[cfg(feature = "__web")]
pub(crate) mod instance;
#[cfg(feature = "tracing")]
pub(crate) mod log;
pub mod negotiate;
#[cfg(feature = "__web")]
pub(crate) mod pages;
#[cfg(any(feature = "actix-web", feature = "poem", feature = "warp"))]
pub(crate) mod prepared;
pub(crate) mod served;
