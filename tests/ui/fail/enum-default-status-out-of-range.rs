use status_core::ApiStatus;

// One error at the enum's status, not one more for every variant that takes it.
#[derive(Debug, ApiStatus)]
#[status(600)]
enum ApiError {
    Database,
    Cache,
    Queue,
}

fn main() {}
