use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum ApiError {
    #[status(404, message = "user {id} not found")]
    UserNotFound { id: u64 },
    #[status(403, type = "https://api.example.com/problems/out-of-credit", title = "You do not have enough credit")]
    OutOfCredit,
    #[status(429, code = "slow_down", title = "Too many requests from this key")]
    RateLimited,
    #[status(400, type = "about:blank")]
    Malformed,
    #[status(transparent)]
    Store(StoreError),
}

/// The store refused the write.
#[derive(Debug, ApiStatus)]
#[status(409, type = "/problems/write-conflict", title = "The record changed meanwhile")]
struct StoreError;

fn body(err: &dyn ApiStatus) -> serde_json::Value {
    serde_json::from_slice(&err.body()).unwrap()
}

fn main() {
    assert_eq!(
        body(&ApiError::UserNotFound { id: 7 }),
        serde_json::json!({
            "type": "https://api.example.com/problems/user_not_found",
            "title": "Not Found",
            "status": 404,
            "detail": "user 7 not found",
            "code": "user_not_found",
        })
    );
    let credit = body(&ApiError::OutOfCredit);
    assert_eq!(credit["type"], "https://api.example.com/problems/out-of-credit");
    assert_eq!(credit["title"], "You do not have enough credit");
    let limited = body(&ApiError::RateLimited);
    assert_eq!(limited["type"], "https://api.example.com/problems/slow_down");
    assert_eq!(limited["title"], "Too many requests from this key");
    let malformed = body(&ApiError::Malformed);
    assert!(malformed.get("type").is_none(), "{malformed}");
    assert_eq!(malformed["title"], "Bad Request");
    let store = body(&ApiError::Store(StoreError));
    assert_eq!(store["type"], "/problems/write-conflict");
    assert_eq!(store["title"], "The record changed meanwhile");
    assert_eq!(ApiError::table().type_base(), Some("https://api.example.com/problems/"));
    assert_eq!(StoreError::table().type_base(), None);
}
