use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(404)]
struct Missing;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(
        message = "could not copy {path}",
        code = "copy_failed",
        type = "https://api.example.com/problems/copy_failed",
        title = "Copy failed",
        retry_after = 30,
        grpc = "not_found",
        description = "The copy failed.",
        transparent
    )]
    Copy {
        path: String,
        #[status(forward, extension)]
        inner: Missing,
        #[status(extension)]
        attempts: u32,
        #[status(retry_after)]
        wait: u64,
    },
}

fn main() {}
