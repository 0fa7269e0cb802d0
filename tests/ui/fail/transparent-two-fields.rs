use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(404)]
struct Inner;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(transparent)]
    Both(Inner, Inner),
}

fn main() {}
