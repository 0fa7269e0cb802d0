use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(400, code = "internal_server_error")]
    Invalid,
    #[status(500)]
    Database,
}

fn main() {}
