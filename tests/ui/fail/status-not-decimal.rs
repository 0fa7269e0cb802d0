use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404u8)]
    Suffixed,
    #[status(0x194)]
    Hexadecimal,
    #[status(4_04)]
    Separated,
    #[status(0o624)]
    Octal,
    #[status(0b110010100)]
    Binary,
    #[status(0404)]
    LeadingZero,
}

#[derive(Debug, ApiStatus)]
#[status(0x1f4)]
enum DefaultError {
    Internal,
}

fn main() {}
