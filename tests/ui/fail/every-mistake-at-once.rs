use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(600)]
    OutOfRange,
    #[status(404, mesage = "typo")]
    Typo,
    #[status(404, message = "user {idd} not found")]
    MissingField { id: u64 },
    NoStatus,
}

fn main() {}
