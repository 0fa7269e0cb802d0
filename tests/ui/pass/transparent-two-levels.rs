use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum Storage {
    #[status(503, retry_after = 5)]
    Busy,
}

#[derive(Debug, ApiStatus)]
enum Repository {
    #[status(transparent)]
    Storage(Storage),
    #[status(404, message = "row {0} not found")]
    Missing(u64),
}

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(transparent)]
    Repository { source: Repository },
}

fn main() {
    let err = ApiError::Repository { source: Repository::Storage(Storage::Busy) };
    assert_eq!(err.status(), 503);
    assert_eq!(err.code(), "service_unavailable");
    assert_eq!(err.headers()["retry-after"], "5");
    let err = ApiError::Repository { source: Repository::Missing(9) };
    assert_eq!(err.detail(), "row 9 not found");
    assert_eq!(ApiError::table().responses().len(), 2);
}
