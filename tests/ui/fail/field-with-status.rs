use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404)]
    NotFound {
        #[status(404)]
        id: u64,
    },
}

fn main() {}
