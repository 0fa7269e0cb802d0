use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(400, message = "`{type}` is not a {match}")]
    Mismatch {
        r#type: String,
        r#match: &'static str,
        #[status(extension = "expected")]
        r#loop: u8,
    },
}

fn main() {
    let err = ApiError::Mismatch { r#type: "x".into(), r#match: "number", r#loop: 1 };
    assert_eq!(err.detail(), "`x` is not a number");
    assert_eq!(err.problem().extensions()["expected"], 1);
}
