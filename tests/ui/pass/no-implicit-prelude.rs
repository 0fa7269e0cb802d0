#![no_implicit_prelude]

mod api {
    #![no_implicit_prelude]

    // Local items with the names generated code must not rely on.
    pub mod core {}
    pub mod std {}
    pub mod http {}
    pub mod serde {}
    pub mod status_core {}
    pub struct Result;
    pub struct Option;
    pub struct Ok;
    pub struct Err;
    pub struct Some;
    pub struct None;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub trait Sized {}
    pub trait Display {}
    pub trait Debug {}
    pub trait Write {}
    pub trait ApiStatus {}
    pub trait FromProblem {}
    pub trait ExtensionMember {}
    pub trait DetailField {}
    pub trait FromStr {}
    pub struct Received;
    pub struct Problem;
    pub struct VariantInfo;
    #[allow(unused_macros)]
    macro_rules! format_args {
        ($($tokens:tt)*) => {
            ::core::compile_error!("the local format_args! was used")
        };
    }

    #[derive(::status_core::ApiStatus)]
    #[status(subset(ReadError = [UserNotFound, RateLimited, WrongMethod]))]
    pub enum ApiError {
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(400, message = "`{name}` is invalid: {reason:?}")]
        Invalid { name: ::std::string::String, reason: &'static str },
        #[status(429)]
        RateLimited {
            #[status(retry_after)]
            wait: u64,
            #[status(extension)]
            limit: u32,
        },
        #[status(405)]
        WrongMethod {
            #[status(allow)]
            allowed: &'static str,
        },
        #[status(422, display, description = "The request could not be processed.")]
        Unprocessable,
        #[status(transparent)]
        Inner(Inner),
    }

    impl ::core::fmt::Display for ApiError {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("unprocessable")
        }
    }

    #[derive(::status_core::ApiStatus, ::status_core::FromProblem)]
    #[status(401, www_authenticate = "Bearer")]
    pub struct Inner;

    #[derive(::status_core::ApiStatus, ::status_core::FromProblem)]
    pub enum Decoded<T> {
        #[status(404, message = "user {id} not found")]
        UserNotFound { id: u64 },
        #[status(400, message = "{a} and {b}")]
        Two { a: ::std::string::String, b: u32 },
        #[status(429)]
        RateLimited {
            #[status(retry_after)]
            wait: ::core::option::Option<u64>,
            #[status(extension)]
            limit: T,
        },
        #[status(405)]
        WrongMethod {
            #[status(allow)]
            allowed: ::std::vec::Vec<::http::Method>,
        },
        #[status(transparent)]
        Inner(Inner),
    }

    pub const REALM: &str = "Basic realm=\"api\"";

    #[derive(::status_core::ApiStatus, ::status_core::FromProblem)]
    #[status(rename_all = "kebab-case", strip_suffix = "Error")]
    pub enum Forwarding {
        #[status(message = "could not create archive {0}")]
        Archive(::std::string::String, #[status(forward)] ::std::boxed::Box<Inner>),
        #[status(message = "could not share {0}", expose)]
        Share(::std::string::String, #[status(forward)] ::std::sync::Arc<Inner>),
        Plain(#[status(forward)] Inner),
        #[status(401, www_authenticate = REALM)]
        LoggedOutError,
        #[status(401)]
        ChallengedError {
            #[status(www_authenticate)]
            challenge: ::std::string::String,
        },
    }

    #[derive(::status_core::ApiStatus, ::status_core::FromProblem)]
    #[status(type_base = "/problems/")]
    pub enum Typed {
        #[status(404)]
        Missing,
        #[status(transparent)]
        Inner(Inner),
        Plain(#[status(forward)] ::std::boxed::Box<Inner>),
        #[status(transparent)]
        Rejected(::status_core::Rejection),
    }

    #[derive(::status_core::ApiStatus)]
    #[status(400)]
    pub struct Generic<T> {
        #[status(extension)]
        pub value: T,
    }
}

fn main() {
    use ::status_core::ApiStatus;
    let err = api::ApiError::UserNotFound { id: 1 };
    ::std::assert_eq!(err.detail(), "user 1 not found");
    let err = api::ApiError::Invalid { name: ::std::convert::From::from("email"), reason: "empty" };
    ::std::assert_eq!(err.detail(), "`email` is invalid: \"empty\"");
    let err = api::ApiError::RateLimited { wait: 2, limit: 3 };
    ::std::assert_eq!(err.headers()["retry-after"], "2");
    let err = api::ApiError::WrongMethod { allowed: "GET" };
    ::std::assert_eq!(err.headers()["allow"], "GET");
    ::std::assert_eq!(api::ApiError::Unprocessable.detail(), "unprocessable");
    ::std::assert_eq!(api::ApiError::Inner(api::Inner).status(), 401);
    ::std::assert_eq!(api::Generic { value: 5 }.problem().extensions()["value"], 5);
    let err = api::Forwarding::Archive(::std::convert::From::from("a"), ::std::boxed::Box::new(api::Inner));
    ::std::assert_eq!(err.status(), 401);
    ::std::assert_eq!(err.detail(), "could not create archive a");
    ::std::assert_eq!(err.static_body(), ::std::option::Option::None);
    ::std::assert_eq!(api::Forwarding::LoggedOutError.code(), "logged-out");
    ::std::assert_eq!(api::Forwarding::LoggedOutError.headers()["www-authenticate"], api::REALM);
    let sent = api::Forwarding::ChallengedError { challenge: ::std::convert::From::from("Bearer") };
    ::std::assert!(::std::matches!(
        <api::Forwarding as ::status_core::FromProblem>::from_response(&sent.response()),
        ::std::result::Result::Ok(api::Forwarding::ChallengedError { ref challenge }) if challenge == "Bearer"
    ));

    let err = api::Typed::Plain(::std::boxed::Box::new(api::Inner));
    ::std::assert_eq!(err.problem().type_uri(), "/problems/inner");
    ::std::assert!(err.static_body().is_some());
    let err = api::Typed::Rejected(::status_core::Rejection::of(::status_core::RejectionKind::RouteNotFound));
    ::std::assert_eq!(err.problem().type_uri(), "/problems/route_not_found");

    use ::status_core::FromProblem;
    type Decoded = api::Decoded<u32>;
    let sent = Decoded::Two { a: ::std::convert::From::from("x and y"), b: 2 };
    ::std::assert!(::std::matches!(
        Decoded::from_response(&sent.response()),
        ::std::result::Result::Ok(api::Decoded::Two { ref a, b: 2 }) if a == "x and y"
    ));
    let sent = Decoded::RateLimited { wait: ::std::option::Option::Some(3), limit: 7 };
    ::std::assert!(::std::matches!(
        Decoded::from_response(&sent.response()),
        ::std::result::Result::Ok(api::Decoded::RateLimited { wait: ::std::option::Option::Some(3), limit: 7 })
    ));
    ::std::assert!(::std::matches!(
        Decoded::from_response(&Decoded::Inner(api::Inner).response()),
        ::std::result::Result::Ok(api::Decoded::Inner(api::Inner))
    ));
}
