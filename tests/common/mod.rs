//! What the axum and actix-web server tests share: the error type their handlers return, the
//! responses each variant must produce, and a real HTTP client to fetch them with.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::time::Duration;

use serde_json::{json, Value};
use status_core::{ApiStatus, Rejection, Status};

/// Content negotiation and the record of what was served, as every framework must do them.
#[allow(dead_code)] // not every server test negotiates
pub mod negotiation;

/// The text of the inner error of `Database`, which must never reach a client.
pub const SECRET: &str = "password=hunter2 host=db.internal";

/// The errors of the shop's authentication layer, forwarded by `ShopError::Auth`.
#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum AuthError {
    #[error("token expired")]
    #[status(
        401,
        code = "token_expired",
        www_authenticate = "Bearer realm=\"shop\", error=\"invalid_token\""
    )]
    TokenExpired,
    #[error("account suspended")]
    #[status(403, code = "account_suspended", message = "this account is suspended")]
    Suspended,
}

/// The error a shop's handlers return: one variant for every documented error code, two
/// variants on 404, and a transparent variant that adds a second 401 and 403.
#[derive(Debug, thiserror::Error, ApiStatus)]
pub enum ShopError {
    #[error("malformed {field}")]
    #[status(400, message = "field `{field}` is malformed")]
    Malformed { field: &'static str },
    #[error("unauthorized")]
    #[status(401, www_authenticate = "Bearer realm=\"shop\"")]
    Unauthorized,
    #[error("forbidden")]
    #[status(403)]
    Forbidden,
    #[error("no order {0}")]
    #[status(404, code = "order_not_found", message = "no order {0}")]
    OrderNotFound(u64),
    #[error("no product {sku}")]
    #[status(404, message = "no product {sku}")]
    ProductNotFound {
        #[status(extension)]
        sku: &'static str,
    },
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error("wrong method")]
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: Vec<http::Method>,
    },
    #[error("invalid order")]
    #[status(422, description = "The order failed validation.")]
    Invalid {
        #[status(extension)]
        errors: BTreeMap<&'static str, Vec<&'static str>>,
    },
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(retry_after)]
        wait: Duration,
        #[status(extension)]
        limit: u32,
    },
    /// The database failed: the text of this doc comment is for developers, not clients.
    #[error("database: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
    #[error("payment provider failed")]
    #[status(502)]
    Upstream,
    #[error("maintenance")]
    #[status(503, retry_after = 120)]
    Maintenance,
}

/// The error a handler returns for `/errors/{name}`.
pub fn error_named(name: &str) -> Option<ShopError> {
    Some(match name {
        "malformed" => ShopError::Malformed { field: "email" },
        "unauthorized" => ShopError::Unauthorized,
        "forbidden" => ShopError::Forbidden,
        "order-not-found" => ShopError::OrderNotFound(42),
        "product-not-found" => ShopError::ProductNotFound { sku: "B-17" },
        "token-expired" => AuthError::TokenExpired.into(),
        "suspended" => AuthError::Suspended.into(),
        "wrong-method" => ShopError::WrongMethod {
            allowed: vec![http::Method::GET, http::Method::HEAD],
        },
        "invalid" => ShopError::Invalid {
            errors: BTreeMap::from([("quantity", vec!["must be positive"])]),
        },
        "rate-limited" => ShopError::RateLimited {
            wait: Duration::from_millis(2500),
            limit: 100,
        },
        "database" => ShopError::Database(std::io::Error::other(SECRET)),
        "upstream" => ShopError::Upstream,
        "maintenance" => ShopError::Maintenance,
        _ => return None,
    })
}

/// Every name [`error_named`] knows (`/errors/{name}` answers): one per variant, forwarded
/// ones included.
#[allow(dead_code)] // not every server test uses it
pub const ERROR_NAMES: &[&str] = &[
    "malformed",
    "unauthorized",
    "forbidden",
    "order-not-found",
    "product-not-found",
    "token-expired",
    "suspended",
    "wrong-method",
    "invalid",
    "rate-limited",
    "database",
    "upstream",
    "maintenance",
];

/// A response as the client saw it.
pub struct Seen {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub text: String,
}

impl Seen {
    /// What `method url` was answered with, read whole.
    pub fn read(
        method: &str,
        url: &str,
        response: Result<http::Response<ureq::Body>, ureq::Error>,
    ) -> Self {
        let mut response = response.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        Seen {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            text: response.body_mut().read_to_string().unwrap(),
        }
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts this is a Problem Details response with `status` in its status line and body.
    pub fn assert_problem(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "{}", self.text);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "{status}"
        );
        let body = self.json();
        assert_eq!(body["status"], status, "{}", self.text);
        assert_eq!(
            body["title"],
            status_core::reason_phrase(http::StatusCode::from_u16(status).unwrap()).unwrap()
        );
        body
    }
}

/// Sends a request to a server on loopback, with every wait bounded.
pub fn send(method: &str, url: &str, json_body: Option<&str>) -> Seen {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let response = match (method, json_body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        ("POST", Some(body)) => agent
            .post(url)
            .header("content-type", "application/json")
            .send(body),
        ("POST", None) => agent
            .post(url)
            .header("content-type", "text/plain")
            .send("quantity=2"),
        _ => unreachable!("the tests send no {method}"),
    };
    Seen::read(method, url, response)
}

/// A `POST` of JSON that names no length, by hand: a client sends `Content-Length` for a body
/// it holds whole, and a streamed body races the server's early answer (a broken pipe).
#[allow(dead_code)] // not every server test uses it
pub fn post_without_length(url: &str) -> Seen {
    raw(
        url,
        "POST",
        &[("content-type", "application/json")],
        Body::None,
    )
}

/// How a hand-written request sends its body.
#[derive(Clone, Copy)]
#[allow(dead_code)] // not every server test sends every kind
pub enum Body<'a> {
    /// None at all: no `Content-Length`, no `Transfer-Encoding`.
    None,
    /// With `Content-Length`.
    Sized(&'a str),
    /// With `Transfer-Encoding: chunked`, in these chunks, and no `Content-Length`.
    Chunked(&'a [&'a str]),
}

/// A request written by hand, for what a client library decides by itself (a content type,
/// the framing of the body) or does not survive (a server that answers on the head and closes
/// before the body is sent); the answer is read whole, a chunked one decoded.
#[allow(dead_code)] // not every server test writes requests by hand
pub fn raw(url: &str, method: &str, headers: &[(&str, &str)], body: Body<'_>) -> Seen {
    let (host, path) = url
        .trim_start_matches("http://")
        .split_once('/')
        .unwrap_or_else(|| panic!("{url} has no path"));
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut request = format!("{method} /{path} HTTP/1.1\r\nhost: {host}\r\nconnection: close\r\n");
    for (name, value) in headers {
        let _ = write!(request, "{name}: {value}\r\n");
    }
    match body {
        Body::None => request.push_str("\r\n"),
        Body::Sized(text) => {
            let _ = write!(request, "content-length: {}\r\n\r\n{text}", text.len());
        }
        Body::Chunked(chunks) => {
            request.push_str("transfer-encoding: chunked\r\n\r\n");
            for chunk in chunks {
                let _ = write!(request, "{:x}\r\n{chunk}\r\n", chunk.len());
            }
            request.push_str("0\r\n\r\n");
        }
    }
    // A server may answer before it has read the whole body, and close: its answer is read
    // all the same.
    let _ = stream.write_all(request.as_bytes());
    let mut answer = Vec::new();
    let mut buffer = [0; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => answer.extend_from_slice(&buffer[..read]),
            Err(_) if !answer.is_empty() => break,
            Err(error) => panic!("{method} {url}: {error}"),
        }
    }
    Seen::from_wire(&answer)
}

impl Seen {
    /// An HTTP/1.1 answer as a client of our own read it off the wire, whole: its status
    /// line, headers and body (chunked or not).
    #[allow(dead_code)] // the tests that speak HTTP by hand use it
    pub fn from_wire(answer: &[u8]) -> Self {
        let answer = String::from_utf8_lossy(answer);
        let (head, rest) = answer
            .split_once("\r\n\r\n")
            .unwrap_or_else(|| panic!("no end of head: {answer}"));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("no status line: {head}"));
        let headers: http::HeaderMap = lines
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap();
                (
                    http::HeaderName::try_from(name).unwrap(),
                    http::HeaderValue::try_from(value.trim()).unwrap(),
                )
            })
            .collect();
        let chunked = headers
            .get("transfer-encoding")
            .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"chunked"));
        let text = if chunked {
            dechunked(rest)
        } else {
            rest.to_owned()
        };
        Seen {
            status,
            headers,
            text,
        }
    }
}

/// The data of a chunked body.
fn dechunked(mut rest: &str) -> String {
    let mut text = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size =
            usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        text.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    text
}

/// Every derived error over the wire: status line, headers and body, checked one by one.
pub fn assert_every_error_is_served(base: &str) {
    let get = |name: &str| send("GET", &format!("{base}/errors/{name}"), None);

    let body = get("malformed").assert_problem(400);
    assert_eq!(
        body,
        json!({"title": "Bad Request", "status": 400, "detail": "field `email` is malformed", "code": "malformed"})
    );

    let seen = get("unauthorized");
    seen.assert_problem(401);
    assert_eq!(
        seen.header("www-authenticate"),
        Some("Bearer realm=\"shop\"")
    );

    let seen = get("token-expired");
    assert_eq!(seen.assert_problem(401)["code"], "token_expired");
    assert_eq!(
        seen.header("www-authenticate"),
        Some("Bearer realm=\"shop\", error=\"invalid_token\"")
    );

    let body = get("product-not-found").assert_problem(404);
    assert_eq!(body["sku"], "B-17");

    let body = get("forbidden").assert_problem(403);
    assert_eq!(body["detail"], Status::Forbidden.description());

    let body = get("order-not-found").assert_problem(404);
    assert_eq!(
        body,
        json!({"title": "Not Found", "status": 404, "detail": "no order 42", "code": "order_not_found"})
    );

    let seen = get("wrong-method");
    seen.assert_problem(405);
    assert_eq!(seen.header("allow"), Some("GET, HEAD"));

    let body = get("invalid").assert_problem(422);
    assert_eq!(body["errors"], json!({"quantity": ["must be positive"]}));
    assert_eq!(body["detail"], "The order failed validation.");

    let seen = get("rate-limited");
    let body = seen.assert_problem(429);
    assert_eq!(seen.header("retry-after"), Some("3"), "2.5 s rounds up");
    assert_eq!(body["limit"], 100);

    let seen = get("database");
    let body = seen.assert_problem(500);
    assert_eq!(body["detail"], Status::InternalServerError.description());
    assert!(
        !seen.text.contains("hunter2") && !seen.text.contains("db.internal"),
        "{}",
        seen.text
    );

    // A 5xx without a code of its own answers with its status's, not its variant's name.
    assert_eq!(body["code"], "internal_server_error");

    let body = get("upstream").assert_problem(502);
    assert_eq!(body["code"], "bad_gateway");

    let seen = get("maintenance");
    seen.assert_problem(503);
    assert_eq!(seen.header("retry-after"), Some("120"));
}

/// Every error of [`ERROR_NAMES`] over the wire is exactly its `ApiStatus::response()`: the
/// status, the content type and the headers it sets (`WWW-Authenticate`, `Allow`,
/// `Retry-After`), and the body byte for byte; the 5xx bodies hold nothing of their source.
#[allow(dead_code)] // not every server test uses it
pub fn assert_every_error_is_its_response(base: &str) {
    for name in ERROR_NAMES {
        let expected = error_named(name).unwrap().response();
        let seen = send("GET", &format!("{base}/errors/{name}"), None);
        assert_eq!(
            seen.status,
            expected.status().as_u16(),
            "{name}: {}",
            seen.text
        );
        for (header, value) in expected.headers() {
            assert_eq!(
                seen.header(header.as_str()),
                Some(value.to_str().unwrap()),
                "{name}: {header}"
            );
        }
        assert_eq!(seen.text.as_bytes(), expected.body().as_slice(), "{name}");
        assert!(
            !seen.text.contains("hunter2") && !seen.text.contains("db.internal"),
            "{name}: {}",
            seen.text
        );
    }
}

/// The framework's own errors in the same envelope, each with its [`Rejection`]'s status and
/// code: unknown route, wrong method, a body that is not JSON, JSON of the wrong shape, a body
/// without the JSON content type, a payload too large (the servers limit JSON bodies to 64
/// bytes), a path parameter and a query that do not parse.
///
/// [`Rejection`]: status_core::Rejection
pub fn assert_framework_errors_are_problems(base: &str) {
    assert_rejected(
        &send("GET", &format!("{base}/no/such/route"), None),
        "route_not_found",
    );

    let seen = send("DELETE", &format!("{base}/errors/forbidden"), None);
    let allow = seen.header("allow").map(str::to_owned);
    assert_rejected(&seen, "method_not_allowed");
    assert!(allow.is_some_and(|allow| allow.contains("GET")));

    assert_extractors_reject(base);
}

/// What the extractors of `/orders` (a JSON body of at most 64 bytes), `/orders/{id}` (a
/// number) and `/search?limit=` (a number) reject, each as its [`Rejection`]; and what they
/// accept, accepted.
///
/// [`Rejection`]: status_core::Rejection
pub fn assert_extractors_reject(base: &str) {
    let orders = format!("{base}/orders");
    assert_json_body_rejects(&orders);
    assert_rejected(
        &send("GET", &format!("{base}/orders/ada"), None),
        "invalid_path",
    );
    assert_rejected(
        &send("GET", &format!("{base}/search?limit=many"), None),
        "invalid_query",
    );

    let seen = send("POST", &orders, Some("{\"quantity\": 2}"));
    assert_eq!(seen.status, 200, "{}", seen.text);
    assert_eq!(send("GET", &format!("{base}/orders/7"), None).status, 200);
    assert_eq!(
        send("GET", &format!("{base}/search?limit=3"), None).status,
        200
    );
}

/// What a JSON body extractor at `orders` (at most 64 bytes of `{"quantity": n}`) rejects,
/// each as its [`Rejection`]; the body of a `json_data` rejection is returned.
///
/// [`Rejection`]: status_core::Rejection
#[allow(dead_code)] // not every server test uses it
pub fn assert_json_body_rejects(orders: &str) -> Value {
    assert_rejected(
        &send("POST", orders, Some("{\"quantity\": ")),
        "invalid_json",
    );
    let json_data = assert_rejected(
        &send("POST", orders, Some("{\"quantity\": \"x\"}")),
        "json_data",
    );
    assert!(
        json_data["detail"]
            .as_str()
            .unwrap()
            .contains("invalid type"),
        "{json_data}"
    );
    assert_rejected(&send("POST", orders, None), "missing_json_content_type");
    let big = format!("{{\"quantity\": 1, \"note\": \"{}\"}}", "x".repeat(200));
    assert_rejected(&send("POST", orders, Some(&big)), "content_too_large");
    json_data
}

/// `seen` is the rejection `code`: its row's status, and a body that is what the documents'
/// schema of the rejection says, with a detail.
pub fn assert_rejected(seen: &Seen, code: &str) -> Value {
    let table = Rejection::table();
    let row = table
        .variants()
        .iter()
        .find(|row| row.code() == code)
        .unwrap_or_else(|| panic!("no rejection {code}"));
    let body = seen.assert_problem(row.status().as_u16());
    assert_eq!(body["code"], code, "{}", seen.text);
    // Every required member, and each constant member's value.
    let schema = status_core::openapi::variant_schema(row);
    for member in schema["required"].as_array().unwrap() {
        assert!(
            body.get(member.as_str().unwrap()).is_some(),
            "{member}: {}",
            seen.text
        );
    }
    for (name, property) in schema["properties"].as_object().unwrap() {
        if let Some(values) = property["enum"].as_array() {
            assert!(values.contains(&body[name]), "{name}: {}", seen.text);
        }
    }
    assert!(
        body["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{}",
        seen.text
    );
    body
}

/// What the handlers of the own-body tests send: `/short` a client error's message, `/padded`
/// the one below, and `/medium-problem` and `/large-problem` the problems of [`problem_of`]
/// with [`MEDIUM_PROBLEM`] and [`LARGE_PROBLEM`] bytes of detail.
pub const SHORT_MESSAGE: &str = "the list is full";

/// A message under the detail limit, padded past it with whitespace that is trimmed.
pub fn padded_message() -> String {
    format!("{}{}", "a".repeat(1000), " ".repeat(200))
}

/// A problem `problem_instance` reads, and one too large for it, which passes as it is.
pub const MEDIUM_PROBLEM: usize = 2000;
pub const LARGE_PROBLEM: usize = 70_000;

/// A 409 problem body whose detail has `size` bytes.
pub fn problem_of(size: usize) -> String {
    format!("{{\"status\":409,\"detail\":\"{}\"}}", "b".repeat(size))
}

/// A handler's own error body becomes the detail, trimmed; `instance` is added to a problem
/// the middleware can read, and a larger one passes unchanged.
pub fn assert_own_bodies_are_served(base: &str) {
    let short = send("GET", &format!("{base}/short"), None).assert_problem(400);
    assert_eq!(short["detail"], SHORT_MESSAGE);
    assert_eq!(short["instance"], "/short");
    let padded = send("GET", &format!("{base}/padded"), None).assert_problem(400);
    assert_eq!(padded["detail"], padded_message().trim_end());

    let medium = send("GET", &format!("{base}/medium-problem"), None);
    assert_eq!(medium.json()["instance"], "/medium-problem");
    let large = send("GET", &format!("{base}/large-problem"), None);
    assert_eq!(large.status, 409);
    assert_eq!(large.text, problem_of(LARGE_PROBLEM));
}

/// Each request the shop's routes and extractors refuse: `/orders` takes at most 64 bytes of
/// `{"quantity": n}` as JSON, `/orders/{id}` a number, `/search?limit=` a number.
#[allow(dead_code)] // not every server test keeps the framework's statuses
pub const REFUSED: &[(&str, &str, Option<&str>)] = &[
    ("POST", "/orders", Some("{\"quantity\": ")),
    ("POST", "/orders", Some("{\"quantity\": \"x\"}")),
    ("POST", "/orders", None),
    (
        "POST",
        "/orders",
        Some("{\"quantity\": 1, \"note\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"),
    ),
    ("GET", "/orders/ada", None),
    ("GET", "/search?limit=many", None),
    ("GET", "/no/such/route", None),
    ("DELETE", "/errors/forbidden", None),
];

/// With the framework's statuses kept (`kept`), each refused request has the status the
/// framework itself gives it (`native`, the same routes without this crate's error handling),
/// which is the one `S` documents for its code, in the envelope with the rejection's code.
#[allow(dead_code)] // not every server test keeps the framework's statuses
pub fn assert_statuses_kept<S: status_core::statuses::RejectionStatuses>(kept: &str, native: &str) {
    for &(method, path, body) in REFUSED {
        let framework = send(method, &format!("{native}{path}"), body);
        let seen = send(method, &format!("{kept}{path}"), body);
        let what = format!("{method} {path}");
        assert_eq!(seen.status, framework.status, "{what}: {}", seen.text);
        assert_eq!(
            seen.header("content-type"),
            Some("application/problem+json"),
            "{what}"
        );
        let problem = seen.json();
        let code = problem["code"].as_str().unwrap();
        let row = S::ROWS
            .iter()
            .find(|row| row.code() == code)
            .unwrap_or_else(|| panic!("{what}: {code} is no rejection"));
        assert_eq!(
            row.status().as_u16(),
            seen.status,
            "{what}: {code} documented otherwise"
        );
        assert_eq!(problem["status"], seen.status, "{what}");
        // A client reads it back as the rejection it is, under the framework's status.
        let response = http::Response::builder()
            .status(seen.status)
            .header("content-type", "application/problem+json")
            .body(seen.text.as_bytes())
            .unwrap();
        let back = <Rejection as status_core::FromProblem>::from_response(&response);
        assert_eq!(back.map(|r| r.code()).ok(), Some(code), "{what}");
    }
}
