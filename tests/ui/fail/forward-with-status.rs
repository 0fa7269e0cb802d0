use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(404)]
struct Missing;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(500, message = "could not copy {0}")]
    Copy(String, #[status(forward)] Box<Missing>),
}

fn main() {}
