use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, mesage = "typo")]
    NotFound,
}

fn status_of(error: &dyn ApiStatus) -> u16 {
    error.status().as_u16()
}

fn use_it() -> u16 {
    let table = ApiError::table();
    status_of(&ApiError::NotFound) + table.variants().len() as u16
}

fn main() {
    let _ = use_it();
}
