use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(private_docs)]
enum ApiError {
    /// The client hung up; nginx logs it as 499.
    #[status(499)]
    ClientClosedRequest,
}

fn main() {}
