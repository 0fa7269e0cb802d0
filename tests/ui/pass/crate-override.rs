mod facade {
    //! A crate that re-exports status-core under its own name.
    pub use status_core as errors;
}

use facade::errors::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(crate = "crate::facade::errors")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {
    assert_eq!(ApiError::NotFound.status(), 404);
}
