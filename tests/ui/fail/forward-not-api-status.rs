use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(message = "could not read {0}")]
    Read(String, #[status(forward)] std::io::Error),
}

fn main() {}
