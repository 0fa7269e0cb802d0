use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(405)]
    WrongMethod,
}

fn main() {}
