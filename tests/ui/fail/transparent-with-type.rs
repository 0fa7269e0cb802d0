use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(404, type = "https://api.example.com/problems/missing")]
struct Missing;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(transparent, type = "https://api.example.com/problems/other", title = "Other")]
    Wrapped(Missing),
}

#[derive(Debug, ApiStatus)]
#[status(transparent, type_base = "https://api.example.com/problems/")]
struct Forwarded(Missing);

fn main() {}
