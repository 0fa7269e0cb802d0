use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[cfg(any())]
    #[status(400)]
    CompiledOut,
    #[status(404, code = "after_first")]
    First,
    #[cfg(all())]
    #[status(429)]
    CompiledIn,
    #[cfg(any())]
    #[status(500)]
    AlsoOut,
    #[status(503, code = "last")]
    Last,
}

fn main() {
    assert_eq!(ApiError::First.variant().code(), "after_first");
    assert_eq!(ApiError::CompiledIn.variant().code(), "compiled_in");
    assert_eq!(ApiError::Last.variant().code(), "last");
    assert_eq!(ApiError::table().variants().len(), 3);
}
