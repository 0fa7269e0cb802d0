use status_core::ApiStatus;

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ApiError {
    #[error("database: {0}")]
    #[status(500, display)]
    Database(std::io::Error),
}

fn main() {}
