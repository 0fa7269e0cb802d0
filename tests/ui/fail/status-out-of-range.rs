use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(600)]
    Weird,
    #[status(70000)]
    Huge,
}

fn main() {}
