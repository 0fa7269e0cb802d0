mod facade {
    //! A crate that re-exports status-core under its own name.
    pub use status_core as errors;
}

use facade::errors::{ApiStatus, FromProblem};

#[derive(Debug, PartialEq, ApiStatus, FromProblem)]
#[status(crate = "crate::facade::errors")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {
    assert_eq!(ApiError::NotFound.status(), 404);
    assert_eq!(ApiError::from_problem(ApiError::NotFound.problem()), Ok(ApiError::NotFound));
}
