use status_core::ApiStatus;

// The one mistake is reported; every use of the type below still compiles, because the
// derive emits an impl beside its error.
#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, mesage = "typo")]
    NotFound,
}

#[derive(Debug, ApiStatus)]
enum Outer {
    #[status(transparent)]
    Api(ApiError),
}

fn status_of(error: &dyn ApiStatus) -> u16 {
    error.status().as_u16()
}

fn code_of<T: ApiStatus>(error: &T) -> &'static str {
    error.code()
}

fn use_it() -> u16 {
    let table = ApiError::table();
    let _ = code_of(&Outer::Api(ApiError::NotFound));
    status_of(&ApiError::NotFound) + table.variants().len() as u16
}

fn main() {
    let _ = use_it();
}
