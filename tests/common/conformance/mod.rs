//! The conformance suite: one table of requests, each with the answer the rejection table and
//! the shared enum promise, sent by a real HTTP client to every framework's app on loopback.
//!
//! - [`cases`]: the requests and what each must be answered with;
//! - [`exceptions`]: where a framework answers otherwise, what it answers and why;
//! - [`client`]: the requests over the wire;
//! - [`check`]: one framework's answers against the table and the exceptions;
//! - [`documents`]: the docs tools' rejections, against what each framework answered;
//! - [`matrix`]: the README's matrix and list of exceptions, written from the data above;
//! - `*_app`: the same routes and handlers on each framework, with status-core's layers.

pub mod cases;
pub mod check;
pub mod client;
pub mod documents;
pub mod exceptions;
pub mod matrix;

#[cfg(feature = "actix-web")]
pub mod actix_app;
#[cfg(feature = "axum")]
pub mod axum_app;
#[cfg(feature = "poem")]
pub mod poem_app;
#[cfg(feature = "rocket")]
pub mod rocket_app;
#[cfg(feature = "salvo")]
pub mod salvo_app;
#[cfg(feature = "warp")]
pub mod warp_app;

/// The most a JSON body of `POST /orders` may hold, on every framework.
pub const BODY_LIMIT: usize = 128;

/// The body of `POST /orders`: order lines, each a product and a quantity. The docs tools'
/// derives document it as the apps take it (`documents`).
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(feature = "aide", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "poem-openapi", derive(poem_openapi::Object))]
#[cfg_attr(feature = "salvo-oapi", derive(salvo::oapi::ToSchema))]
pub struct Order {
    pub lines: Vec<Line>,
}

/// A line of an [`Order`].
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(feature = "aide", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "poem-openapi", derive(poem_openapi::Object))]
#[cfg_attr(feature = "salvo-oapi", derive(salvo::oapi::ToSchema))]
pub struct Line {
    pub sku: String,
    pub qty: u32,
}

/// The query of `GET /search`.
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(feature = "aide", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "poem-openapi", derive(poem_openapi::Object))]
#[cfg_attr(feature = "salvo-oapi", derive(salvo::oapi::ToSchema))]
pub struct Search {
    pub limit: u32,
}

/// What every app answers an order it took.
pub fn ordered(order: &Order) -> String {
    let quantity: u32 = order.lines.iter().map(|line| line.qty).sum();
    let skus: Vec<&str> = order.lines.iter().map(|line| line.sku.as_str()).collect();
    format!("{quantity} of {}", skus.join(", "))
}

/// What every app answers `GET /orders/{id}`.
pub fn order_by_id(id: u32) -> String {
    format!("order {id}")
}

/// What every app answers `GET /search?limit=`.
pub fn searched(search: &Search) -> String {
    format!("{} results", search.limit)
}

/// The frameworks the suite serves, in the README's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framework {
    Axum,
    ActixWeb,
    Rocket,
    Poem,
    Salvo,
    Warp,
}

impl Framework {
    pub const ALL: [Self; 6] = [
        Self::Axum,
        Self::ActixWeb,
        Self::Rocket,
        Self::Poem,
        Self::Salvo,
        Self::Warp,
    ];

    /// Its name, as the README and its feature have it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Axum => "axum",
            Self::ActixWeb => "actix-web",
            Self::Rocket => "rocket",
            Self::Poem => "poem",
            Self::Salvo => "salvo",
            Self::Warp => "warp",
        }
    }
}
