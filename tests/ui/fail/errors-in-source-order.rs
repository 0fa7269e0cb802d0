use status_core::ApiStatus;

// The rules run in another order than the source's (the key is read before any status is
// judged, and codes are compared only once every variant is read); the errors come out in
// the order of the lines they point at, and "first given here" stays with its error.
#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(600)]
    OutOfRange,
    #[status(404, code = "gone")]
    NotFound,
    #[status(410, code = "gone", description = "Deleted.")]
    Gone,
    #[status(404, type = "https://api.example.com/problems/missing")]
    UserNotFound,
    #[status(410, type = "https://api.example.com/problems/missing", description = "Deleted.")]
    UserDeleted,
    #[status(404, mesage = "typo")]
    Typo,
}

fn main() {}
