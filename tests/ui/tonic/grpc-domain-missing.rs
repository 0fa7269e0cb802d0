// With the `tonic` feature, a type becomes a `tonic::Status` only where it names its domain.
use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn get_user() -> Result<(), tonic::Status> {
    Err(ApiError::NotFound)?;
    Ok(())
}

fn main() {
    let _ = get_user();
    let _ = convert();
}

fn convert() -> tonic::Status {
    tonic::Status::from(ApiError::NotFound)
}
