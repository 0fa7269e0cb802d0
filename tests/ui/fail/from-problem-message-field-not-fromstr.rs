use std::fmt;

use status_core::{ApiStatus, FromProblem};

struct Sku(u32);

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SKU-{}", self.0)
    }
}

#[derive(ApiStatus, FromProblem)]
enum ApiError {
    #[status(404, message = "no product {sku}")]
    ProductNotFound { sku: Sku },
}

fn main() {}
