use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(404)]
struct Inner;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(500, transparent, code = "inner")]
    Wrapped(#[status(extension = "inner")] Inner),
}

fn main() {}
