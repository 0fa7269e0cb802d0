use status_core::ApiStatus;

/// A type whose own `where` clause names `Self` and whose parameter carries a bound: the
/// generated row index must keep both valid.
#[derive(Debug, ApiStatus)]
enum ApiError<T: Copy>
where
    Self: Sized,
{
    #[status(404)]
    NotFound(T),
    #[status(429)]
    Limited { wait: T },
    #[status(503)]
    Down,
}

fn main() {
    assert_eq!(ApiError::NotFound(1u8).status(), 404);
    assert_eq!(ApiError::Limited { wait: 2u8 }.variant().code(), "limited");
    assert_eq!(ApiError::<u8>::Down.status(), 503);
}
