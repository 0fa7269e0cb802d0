use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(422)]
enum ApiError {
    Invalid,
    /// Documented, so this one is fine.
    Described,
}

fn main() {}
