//! The requests of the suite, and what every framework must answer each with: the shared
//! enum's responses for `/errors/{name}`, the rejection table's rows (the uniform statuses,
//! the default) for what the framework refuses itself, and the handlers' answers for what it
//! takes.
//!
//! Every app serves the same routes: `GET /errors/{name}` (the handler returns
//! `error_named(name)`), `POST /orders` (a JSON [`Order`](super::Order) of at most
//! [`BODY_LIMIT`](super::BODY_LIMIT) bytes, through status-core's JSON extractor),
//! `GET /orders/{id}` (a `u32`) and `GET /search?limit=` (a `u32`).

/// One request of the suite and the answer it must get.
#[derive(Debug)]
pub struct Case {
    /// What the README and the failures call it.
    pub name: &'static str,
    pub kind: Kind,
    pub request: Request,
    pub expect: Expect,
}

/// What a case exercises: a column of the README's matrix reads them by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `GET /errors/{name}`, whose handler returns `error_named(name)`: the body must be its
    /// `ApiStatus::response()`.
    Variant,
    /// The framework refuses the request itself: a row of the rejection table.
    Rejection,
    /// The framework takes the request and the handler answers.
    Accepted,
}

/// A request, as the client sends it.
#[derive(Debug)]
pub struct Request {
    pub method: &'static str,
    /// The path and query.
    pub target: &'static str,
    pub content_type: Option<&'static str>,
    pub body: Body,
}

/// A request body.
#[derive(Debug, Clone, Copy)]
pub enum Body {
    None,
    /// Sent whole, with `Content-Length`.
    Sized(&'static str),
    /// Streamed, with `Transfer-Encoding: chunked` and no `Content-Length`.
    Chunked(&'static str),
}

/// The answer a case must get.
#[derive(Debug, Clone, Copy)]
pub enum Expect {
    /// Problem Details (`application/problem+json`): its status in the status line and the
    /// body, its `code`, headers, and the pointer of `errors[0]` where there is one.
    Problem(Problem),
    /// A success: `200` with the handler's text.
    Success(&'static str),
}

/// A Problem Details answer.
#[derive(Debug, Clone, Copy)]
pub struct Problem {
    pub status: u16,
    pub code: &'static str,
    pub headers: &'static [(&'static str, Header)],
    /// `errors[0].pointer`; `None` where the answer has no `errors` to check.
    pub pointer: Option<&'static str>,
}

/// What a header of the answer must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// Exactly this value.
    Is(&'static str),
    /// A comma-separated list (`Allow`) that names this method and not the request's.
    Lists(&'static str),
    /// Not there.
    Absent,
}

/// A problem of `status` and `code`, without headers or pointer.
pub const fn problem(status: u16, code: &'static str) -> Problem {
    Problem {
        status,
        code,
        headers: &[],
        pointer: None,
    }
}

impl Problem {
    pub const fn with_headers(mut self, headers: &'static [(&'static str, Header)]) -> Self {
        self.headers = headers;
        self
    }

    pub const fn with_pointer(mut self, pointer: &'static str) -> Self {
        self.pointer = Some(pointer);
        self
    }
}

const fn get(target: &'static str) -> Request {
    Request {
        method: "GET",
        target,
        content_type: None,
        body: Body::None,
    }
}

const fn post_json(body: Body) -> Request {
    post(Some("application/json"), body)
}

const fn post(content_type: Option<&'static str>, body: Body) -> Request {
    Request {
        method: "POST",
        target: "/orders",
        content_type,
        body,
    }
}

/// A case of `GET /errors/{error}`, whose handler returns `error_named(error)`.
const fn variant(name: &'static str, target: &'static str, problem: Problem) -> Case {
    Case {
        name,
        kind: Kind::Variant,
        request: get(target),
        expect: Expect::Problem(problem),
    }
}

const fn rejection(name: &'static str, request: Request, problem: Problem) -> Case {
    Case {
        name,
        kind: Kind::Rejection,
        request,
        expect: Expect::Problem(problem),
    }
}

const fn accepted(name: &'static str, request: Request, text: &'static str) -> Case {
    Case {
        name,
        kind: Kind::Accepted,
        request,
        expect: Expect::Success(text),
    }
}

/// An order every app takes.
pub const ORDER: &str = r#"{"lines":[{"sku":"a","qty":1},{"sku":"b","qty":2}]}"#;

/// What every app answers [`ORDER`].
pub const ORDERED: &str = "3 of a, b";

/// An order of the right shape, over [`BODY_LIMIT`](super::BODY_LIMIT).
pub const LARGE_ORDER: &str = concat!(
    r#"{"lines":[{"sku":"a","qty":1},{"sku":""#,
    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    r#"","qty":2}]}"#,
);

/// `WWW-Authenticate` of `ShopError::Unauthorized`.
const BEARER: &[(&str, Header)] = &[("www-authenticate", Header::Is("Bearer realm=\"shop\""))];

/// Every request of the suite; the README lists each framework's exceptions in this order.
pub const CASES: &[Case] = &[
    // The shared enum, a variant of each kind.
    variant(
        "unit_variant",
        "/errors/forbidden",
        problem(403, "forbidden"),
    ),
    variant(
        "unit_variant_with_challenge",
        "/errors/unauthorized",
        problem(401, "unauthorized").with_headers(BEARER),
    ),
    variant(
        "fields_variant",
        "/errors/malformed",
        problem(400, "malformed"),
    ),
    variant(
        "extension_member",
        "/errors/product-not-found",
        problem(404, "product_not_found"),
    ),
    variant(
        "tuple_variant",
        "/errors/order-not-found",
        problem(404, "order_not_found"),
    ),
    variant(
        "forwarded_variant",
        "/errors/token-expired",
        problem(401, "token_expired").with_headers(&[(
            "www-authenticate",
            Header::Is("Bearer realm=\"shop\", error=\"invalid_token\""),
        )]),
    ),
    variant(
        "forwarded_variant_with_message",
        "/errors/suspended",
        problem(403, "account_suspended"),
    ),
    variant(
        "variant_405_with_allow",
        "/errors/wrong-method",
        problem(405, "wrong_method").with_headers(&[("allow", Header::Is("GET, HEAD"))]),
    ),
    variant(
        "variant_with_errors_member",
        "/errors/invalid",
        problem(422, "invalid"),
    ),
    variant(
        "variant_429_with_retry_after",
        "/errors/rate-limited",
        problem(429, "rate_limited").with_headers(&[("retry-after", Header::Is("3"))]),
    ),
    variant(
        "variant_500_hides_its_source",
        "/errors/database",
        problem(500, "internal_server_error"),
    ),
    variant(
        "variant_502",
        "/errors/upstream",
        problem(502, "bad_gateway"),
    ),
    variant(
        "variant_503_with_retry_after",
        "/errors/maintenance",
        problem(503, "service_unavailable").with_headers(&[("retry-after", Header::Is("120"))]),
    ),
    // What the framework refuses before a handler runs: the rejection table.
    rejection(
        "unknown_route",
        get("/no/such/route"),
        problem(404, "route_not_found"),
    ),
    rejection(
        "wrong_method",
        Request {
            method: "DELETE",
            target: "/orders/7",
            content_type: None,
            body: Body::None,
        },
        problem(405, "method_not_allowed").with_headers(&[("allow", Header::Lists("GET"))]),
    ),
    rejection(
        "malformed_json",
        post_json(Body::Sized(r#"{"lines": ["#)),
        problem(400, "invalid_json"),
    ),
    rejection(
        "wrong_shape_deep_in_a_list",
        post_json(Body::Sized(
            r#"{"lines":[{"sku":"a","qty":1},{"sku":"b","qty":"x"}]}"#,
        )),
        problem(422, "json_data").with_pointer("#/lines/1/qty"),
    ),
    rejection(
        "missing_field",
        post_json(Body::Sized(
            r#"{"lines":[{"sku":"a","qty":1},{"sku":"b"}]}"#,
        )),
        problem(422, "json_data").with_pointer("#/lines/1/qty"),
    ),
    rejection(
        "missing_content_type",
        post(None, Body::Sized(ORDER)),
        problem(415, "missing_json_content_type"),
    ),
    rejection(
        "wrong_content_type",
        post(Some("text/plain"), Body::Sized(ORDER)),
        problem(415, "missing_json_content_type"),
    ),
    rejection(
        "over_the_limit_with_length",
        post_json(Body::Sized(LARGE_ORDER)),
        problem(413, "content_too_large"),
    ),
    rejection(
        "over_the_limit_chunked",
        post_json(Body::Chunked(LARGE_ORDER)),
        problem(413, "content_too_large"),
    ),
    rejection(
        "bad_path_segment",
        get("/orders/abc"),
        problem(400, "invalid_path"),
    ),
    rejection(
        "bad_query",
        get("/search?limit=many"),
        problem(400, "invalid_query"),
    ),
    // What the framework takes, to the handler.
    accepted("json_body", post_json(Body::Sized(ORDER)), ORDERED),
    accepted(
        "chunked_under_the_limit",
        post_json(Body::Chunked(ORDER)),
        ORDERED,
    ),
    accepted("path_segment", get("/orders/7"), "order 7"),
    accepted("query", get("/search?limit=3"), "3 results"),
];

impl Case {
    /// The name `error_named` takes, for a [`Kind::Variant`] case.
    pub fn error_name(&self) -> Option<&'static str> {
        match self.kind {
            Kind::Variant => self.request.target.strip_prefix("/errors/"),
            _ => None,
        }
    }

    /// The path of the request, without its query: a problem's `instance`.
    pub fn path(&self) -> &'static str {
        let target = self.request.target;
        target.split_once('?').map_or(target, |(path, _)| path)
    }
}

/// The case named `name`.
pub fn case(name: &str) -> &'static Case {
    CASES
        .iter()
        .find(|case| case.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}

/// The cases a browser asks for, `Accept: text/html`, on every framework: a variant with a
/// challenge, and two rejections, one with `Allow`.
pub const PAGE_CASES: &[&str] = &[
    "unit_variant_with_challenge",
    "unknown_route",
    "wrong_method",
];
