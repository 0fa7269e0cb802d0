use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {}

fn main() {}
