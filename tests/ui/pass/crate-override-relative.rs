// `crate = "..."` takes any path that resolves where the type is defined, here a module that
// re-exports status-core, named relative to the deriving module.
mod reexport {
    pub use status_core;
}

use reexport::status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(crate = "reexport::status_core")]
enum ApiError {
    #[status(404)]
    NotFound,
}

mod nested {
    use super::reexport::status_core::ApiStatus;

    #[derive(Debug, ApiStatus)]
    #[status(503, crate = "super::reexport::status_core")]
    pub struct Busy;
}

fn main() {
    assert_eq!(ApiError::NotFound.status(), 404);
    assert_eq!(nested::Busy.code(), "service_unavailable");
}
