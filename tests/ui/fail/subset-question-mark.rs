// A handler that returns a subset cannot `?` the whole enum: what it answers is proven by its
// type. The compiler says which conversions exist; `TryFrom` narrows by hand.
use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(subset(ReadError = [NotFound]))]
enum ApiError {
    #[status(404)]
    NotFound,
    #[status(409)]
    Conflict,
}

fn service() -> Result<(), ApiError> {
    Err(ApiError::Conflict)
}

fn handler() -> Result<(), ReadError> {
    service()?;
    Ok(())
}

fn main() {
    let _ = handler();
}
