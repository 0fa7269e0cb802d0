use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404)]
    Unit,
    #[status(400, message = "bad field {0}: {1:?}")]
    Tuple(&'static str, u32),
    #[status(422, message = "{name} is {age:>3} years old", description = "Too young.")]
    Struct { name: String, age: u8 },
}

fn main() {
    assert_eq!(ApiError::Unit.status(), 404);
    assert_eq!(ApiError::Tuple("email", 7).detail(), "bad field email: 7");
    let err = ApiError::Struct { name: "Ada".into(), age: 9 };
    assert_eq!(err.detail(), "Ada is   9 years old");
    assert_eq!(err.code(), "struct");
}
