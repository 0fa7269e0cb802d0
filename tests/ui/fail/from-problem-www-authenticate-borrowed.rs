use status_core::{ApiStatus, FromProblem};

#[derive(Debug, ApiStatus, FromProblem)]
enum ApiError {
    #[status(401)]
    Unauthorized {
        #[status(www_authenticate)]
        challenge: &'static str,
    },
}

fn main() {}
