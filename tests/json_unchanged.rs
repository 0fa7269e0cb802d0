//! A JSON-only service is unchanged by content negotiation: the example enum's responses are
//! byte for byte those of the commit before it (tests/snapshots/demo-responses.txt), from
//! `ApiStatus::response`, and over a real axum server with negotiation on, to a client that
//! sends no `Accept` and to one that asks for JSON; only `Vary: Accept` is added there.

#[allow(dead_code)] // the examples use the rest
#[path = "../examples/demo/mod.rs"]
mod demo;

use status_core::ApiStatus;

/// One response of the snapshot: its status, headers and body.
struct Snapshot {
    code: String,
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

fn snapshots() -> Vec<Snapshot> {
    let text = include_str!("snapshots/demo-responses.txt");
    let mut out: Vec<Snapshot> = Vec::new();
    let mut lines = text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .peekable();
    while let Some(line) = lines.next() {
        let code = line
            .strip_prefix("== ")
            .expect("a response starts with `== code`");
        let status = lines.next().unwrap().parse().unwrap();
        let mut headers = Vec::new();
        while let Some((name, value)) = lines.peek().and_then(|line| line.split_once(": ")) {
            if name.starts_with('{') {
                break;
            }
            headers.push((name.to_owned(), value.to_owned()));
            lines.next();
        }
        let body = lines.next().unwrap().to_owned();
        out.push(Snapshot {
            code: code.to_owned(),
            status,
            headers,
            body,
        });
    }
    out
}

#[test]
fn every_response_of_the_example_enum_is_what_it_was() {
    let snapshots = snapshots();
    assert_eq!(snapshots.len(), demo::ERROR_CODES.len());
    for snapshot in snapshots {
        let response = demo::sample(&snapshot.code).unwrap().response();
        assert_eq!(
            response.status().as_u16(),
            snapshot.status,
            "{}",
            snapshot.code
        );
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        assert_eq!(headers, snapshot.headers, "{}", snapshot.code);
        assert_eq!(
            std::str::from_utf8(response.body()).unwrap(),
            snapshot.body,
            "{}",
            snapshot.code
        );
    }
}

#[cfg(feature = "axum")]
#[path = "common/serve_axum.rs"]
mod serve_axum;

#[cfg(feature = "axum")]
#[test]
fn with_negotiation_on_a_json_client_gets_the_same_bytes() {
    use axum::extract::Path;
    use axum::middleware::map_response;
    use status_core::negotiate::Negotiation;

    async fn error(Path(code): Path<String>) -> Result<String, demo::ApiError> {
        Err(demo::sample(&code).unwrap())
    }

    let app = axum::Router::new()
        .route("/errors/{code}", axum::routing::get(error))
        .layer(map_response(status_core::axum::problem_details))
        .layer(Negotiation::new());
    let base = serve_axum::serve(app);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut checked = 0;
    for snapshot in snapshots() {
        for accept in [None, Some("application/json"), Some("*/*")] {
            let mut request = agent.get(format!("{base}/errors/{}", snapshot.code));
            if let Some(accept) = accept {
                request = request.header("accept", accept);
            }
            let mut response = request.call().unwrap();
            let what = format!("{} with Accept {accept:?}", snapshot.code);
            assert_eq!(response.status().as_u16(), snapshot.status, "{what}");
            for (name, value) in &snapshot.headers {
                let seen = response.headers().get(name.as_str()).unwrap();
                assert_eq!(seen.to_str().unwrap(), value, "{what}: {name}");
            }
            assert_eq!(response.headers()["vary"], "accept", "{what}");
            let body = response.body_mut().read_to_string().unwrap();
            assert_eq!(body, snapshot.body, "{what}");
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * demo::ERROR_CODES.len());
}
