use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(transparent)]
    Io(std::io::Error),
}

fn main() {}
