use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(grpc_domain = "https://api.example.com/v1")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
