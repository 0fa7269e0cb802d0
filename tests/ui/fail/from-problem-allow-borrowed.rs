use status_core::{ApiStatus, FromProblem};

#[derive(ApiStatus, FromProblem)]
enum ApiError {
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: &'static [http::Method],
    },
}

fn main() {}
