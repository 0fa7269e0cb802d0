//! Documents written from a type's table: HTML pages, Markdown catalogs, OpenAPI responses.

pub mod html;
pub mod markdown;
pub(crate) mod markup;
#[cfg(feature = "openapi")]
pub mod openapi;
pub(crate) mod page;
