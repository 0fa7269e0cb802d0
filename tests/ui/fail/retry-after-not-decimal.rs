use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429, retry_after = 0x1e)]
    Hexadecimal,
    #[status(503, retry_after = 30u32)]
    Suffixed,
    #[status(503, retry_after = 3_600)]
    Separated,
}

fn main() {}
