use status_core::ApiStatus;

struct Opaque;

#[derive(ApiStatus)]
enum ApiError {
    #[status(400)]
    Invalid {
        #[status(extension)]
        reason: Opaque,
    },
}

fn main() {}
