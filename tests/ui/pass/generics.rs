use std::fmt::Display;

use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(404)]
struct Missing;

/// `T` appears in a message (needs Display), `U` only in an ignored field (needs nothing),
/// `I` is forwarded (needs ApiStatus), and the user's own where clause is kept.
#[derive(Debug, ApiStatus)]
enum ApiError<'a, T, U, I>
where
    T: Clone,
{
    #[status(400, message = "bad value {value}")]
    Bad { value: T },
    #[status(409, description = "Already exists.")]
    Exists { name: &'a str, extra: U },
    #[status(transparent)]
    Inner(I),
}

struct NotDisplay;

fn detail<'a, T: Clone + Display, U, I: ApiStatus>(err: &ApiError<'a, T, U, I>) -> String {
    err.detail()
}

fn main() {
    let err: ApiError<'_, i32, NotDisplay, Missing> = ApiError::Bad { value: 3 };
    assert_eq!(detail(&err), "bad value 3");
    let err: ApiError<'_, i32, NotDisplay, Missing> = ApiError::Exists { name: "x", extra: NotDisplay };
    assert_eq!(err.status(), 409);
    let err: ApiError<'_, i32, NotDisplay, Missing> = ApiError::Inner(Missing);
    assert_eq!(err.status(), 404);
    assert_eq!(ApiError::<i32, NotDisplay, Missing>::table().variants().len(), 2);
}
