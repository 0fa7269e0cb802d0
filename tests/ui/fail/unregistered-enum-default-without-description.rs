use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(499)]
enum ApiError {
    Closed,
    /// Described, so this one is fine.
    Described,
}

fn main() {}
