use status_core::FromProblem;

#[derive(FromProblem)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
