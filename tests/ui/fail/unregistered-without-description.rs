use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(499)]
    ClientClosedRequest,
}

fn main() {}
