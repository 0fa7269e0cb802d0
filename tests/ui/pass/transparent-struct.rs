use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum Inner {
    #[status(404, message = "item {0} not found")]
    Missing(u32),
    #[status(429, retry_after = 10)]
    Limited,
}

/// A struct that forwards everything to its one field.
#[derive(Debug, ApiStatus)]
#[status(transparent)]
struct Wrapper {
    inner: Inner,
}

/// A tuple struct does the same.
#[derive(Debug, ApiStatus)]
#[status(transparent)]
struct Newtype(Wrapper);

fn main() {
    let err = Newtype(Wrapper { inner: Inner::Missing(7) });
    assert_eq!(err.status(), 404);
    assert_eq!(err.detail(), "item 7 not found");
    assert_eq!(err.code(), "missing");
    let err = Newtype(Wrapper { inner: Inner::Limited });
    assert_eq!(err.headers()["retry-after"], "10");
    assert_eq!(Newtype::table().responses().len(), 2);
}
