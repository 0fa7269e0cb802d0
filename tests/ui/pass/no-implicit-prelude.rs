#![no_implicit_prelude]

mod api {
    #![no_implicit_prelude]

    // Local items with the names generated code must not rely on.
    pub mod core {}
    pub mod std {}
    pub mod http {}
    pub mod serde {}
    pub struct Result;
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct String;
    pub struct Vec;
    pub trait Sized {}
    pub trait Display {}
    pub trait Write {}

    #[derive(::status_core::ApiStatus)]
    pub enum ApiError {
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(429)]
        RateLimited {
            #[status(retry_after)]
            wait: u64,
            #[status(extension)]
            limit: u32,
        },
        #[status(transparent)]
        Inner(Inner),
    }

    #[derive(::status_core::ApiStatus)]
    #[status(401, www_authenticate = "Bearer")]
    pub struct Inner;
}

fn main() {
    use ::status_core::ApiStatus;
    let err = api::ApiError::UserNotFound { id: 1 };
    ::std::assert_eq!(err.detail(), "user 1 not found");
    let err = api::ApiError::RateLimited { wait: 2, limit: 3 };
    ::std::assert_eq!(err.headers()["retry-after"], "2");
    ::std::assert_eq!(api::ApiError::Inner(api::Inner).status(), 401);
}
