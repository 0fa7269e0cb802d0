use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(403)]
    Forbidden {
        #[status(www_authenticate)]
        challenge: String,
    },
}

fn main() {}
