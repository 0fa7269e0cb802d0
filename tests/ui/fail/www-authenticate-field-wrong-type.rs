use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(401)]
    Unauthorized {
        #[status(www_authenticate)]
        challenge: u32,
    },
}

fn main() {}
