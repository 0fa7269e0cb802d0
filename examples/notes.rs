//! A notes service that answers browsers as well as API clients: HTML pages for people, a JSON
//! API for programs, basic authentication for writes. Every error is a value of one enum, and
//! goes out in the form the client asks for: a page to a browser, `application/problem+json`
//! to an API client, text to `curl -H 'Accept: text/plain'`; each is logged once, a 4xx at
//! info level and a 5xx at error level.
//!
//! `cargo run --example notes --features actix-web,tracing` serves on 127.0.0.1:3000 (or
//! `$PORT`) until Ctrl-C; `-- --once` serves on a free port, asks it what a browser, an API
//! client and a text client would, checks what each gets and what was logged, and exits.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use actix_web::http::header;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use status_core::ApiStatus;

/// The service's errors. Their codes are the variant names in kebab case without the `Error`
/// the team writes after them (`note-not-found`), and their type URIs resolve to the pages
/// `/problems/` serves.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(
    type_base = "/problems/",
    catalog_title = "Notes errors",
    rename_all = "kebab-case",
    strip_suffix = "Error"
)]
enum NotesError {
    #[error("no note {id}")]
    #[status(404, message = "there is no note {id}")]
    NoteNotFoundError { id: usize },
    /// Writing needs credentials.
    #[error("no credentials")]
    #[status(401)]
    SignInError {
        /// From the configuration: the realm is the deployment's.
        #[status(www_authenticate)]
        challenge: String,
    },
    #[error("a note of {length} characters")]
    #[status(422, message = "a note holds at most {limit} characters")]
    TooLongError {
        length: usize,
        #[status(extension)]
        limit: usize,
    },
    /// The notebook's own error decides the status; the client reads what was being done.
    #[error("saving the note: {0}")]
    #[status(message = "the note could not be saved")]
    Storage(#[status(forward)] StorageError),
}

/// What the notebook's storage fails with.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(type_base = "/problems/", rename_all = "kebab-case")]
enum StorageError {
    #[error("the notebook is read-only")]
    #[status(403)]
    ReadOnly,
    #[error("the disk at {path} does not answer")]
    #[status(503, retry_after = 30)]
    Unavailable { path: String },
}

/// The longest note.
const LIMIT: usize = 280;

/// The notebook, and what the deployment configured.
struct Notebook {
    notes: RwLock<Vec<String>>,
    challenge: String,
    password: String,
}

#[derive(serde::Deserialize)]
struct NewNote {
    text: String,
}

/// `GET /`: every note, as a page.
async fn index(notebook: web::Data<Notebook>) -> HttpResponse {
    let notes = notebook
        .notes
        .read()
        .unwrap_or_else(PoisonError::into_inner);
    let mut items = String::new();
    for (id, note) in notes.iter().enumerate() {
        let text = status_core::html::escape(note);
        let _ = write!(items, "<li><a href=\"/notes/{id}\">{text}</a></li>");
    }
    page(&format!("<h1>Notes</h1><ul>{items}</ul>"))
}

/// `GET /notes/{id}`: one note, as a page.
async fn note(
    notebook: web::Data<Notebook>,
    id: web::Path<usize>,
) -> Result<HttpResponse, NotesError> {
    let id = id.into_inner();
    let notes = notebook
        .notes
        .read()
        .unwrap_or_else(PoisonError::into_inner);
    let text = notes.get(id).ok_or(NotesError::NoteNotFoundError { id })?;
    let text = status_core::html::escape(text);
    Ok(page(&format!("<h1>Note {id}</h1><p>{text}</p>")))
}

/// `POST /api/notes`: adds a note, for whoever has the password.
async fn add(
    notebook: web::Data<Notebook>,
    request: HttpRequest,
    new: web::Json<NewNote>,
) -> Result<HttpResponse, NotesError> {
    let authorized = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value == notebook.password);
    if !authorized {
        return Err(NotesError::SignInError {
            challenge: notebook.challenge.clone(),
        });
    }
    let text = new.into_inner().text;
    let length = text.chars().count();
    if length > LIMIT {
        return Err(NotesError::TooLongError {
            length,
            limit: LIMIT,
        });
    }
    match text.as_str() {
        "read-only" => return Err(NotesError::Storage(StorageError::ReadOnly)),
        "unavailable" => {
            let path = "/var/lib/notes".to_owned();
            return Err(NotesError::Storage(StorageError::Unavailable { path }));
        }
        _ => {}
    }
    let mut notes = notebook
        .notes
        .write()
        .unwrap_or_else(PoisonError::into_inner);
    notes.push(text);
    let id = notes.len() - 1;
    Ok(HttpResponse::Created().json(serde_json::json!({ "id": id })))
}

/// A page of the service's own.
fn page(content: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Notes</title>\
         </head><body><main>{content}</main></body></html>\n"
        ))
}

fn main() -> std::io::Result<()> {
    let once = std::env::args().any(|arg| arg == "--once");
    let logs = Logs::default();
    tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(logs.clone())
        .init();
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{port}"))?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("notes serving on {base}; try:");
    println!("  open {base}/notes/99 in a browser");
    println!("  curl -i -H 'Accept: application/json' {base}/notes/99");
    println!("  curl -i -H 'Accept: text/plain' {base}/notes/99");
    println!(
        "  curl -i -H 'content-type: application/json' -d '{{\"text\": \"hi\"}}' {base}/api/notes"
    );
    let notebook = web::Data::new(Notebook {
        notes: RwLock::new(vec!["buy milk".to_owned(), "call <Ada> & Bob".to_owned()]),
        challenge: "Basic realm=\"notes\"".to_owned(),
        password: "Basic bm90ZXM6bm90ZXM=".to_owned(),
    });
    let server = HttpServer::new(move || {
        App::new()
            .app_data(notebook.clone())
            // actix-web's own errors (an unknown page, a body that is not JSON) as problems.
            .wrap(status_core::actix::error_handlers())
            .configure(status_core::actix::rejections)
            // Wrapped last, so outermost: every problem in the form the client asks for.
            .wrap(from_fn(status_core::actix::negotiate))
            .route("/", web::get().to(index))
            .route("/notes/{id}", web::get().to(note))
            .route("/api/notes", web::post().to(add))
            // The error catalog, where each problem type URI points.
            .service(status_core::actix::problem_types::<NotesError>())
            .default_service(web::to(status_core::actix::not_found))
    })
    .workers(1)
    .listen(listener)?
    .run();
    if !once {
        return actix_web::rt::System::new().block_on(server);
    }
    let handle = server.handle();
    let client = std::thread::spawn(move || try_it(&base));
    let checked = actix_web::rt::System::new().block_on(async move {
        let serving = actix_web::rt::spawn(server);
        let checked = actix_web::rt::task::spawn_blocking(move || client.join()).await;
        handle.stop(true).await;
        let _ = serving.await;
        checked
    });
    let Ok(Ok(errors)) = checked else {
        panic!("the client failed");
    };
    logs.assert_each_error_logged(&errors);
    println!("\nevery client got what it asked for, and each error was logged once");
    Ok(())
}

/// What a response was: its status, content type, `Vary`, `WWW-Authenticate`, `Retry-After`
/// and body.
struct Seen {
    status: u16,
    content_type: String,
    vary: String,
    challenge: Option<String>,
    retry_after: Option<String>,
    body: String,
}

fn send(method: &str, url: &str, accept: &str, body: Option<(&str, &str)>) -> Seen {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let response = match (method, body) {
        ("POST", Some((authorization, json))) => agent
            .post(url)
            .header("accept", accept)
            .header("authorization", authorization)
            .header("content-type", "application/json")
            .send(json),
        _ => agent.get(url).header("accept", accept).call(),
    };
    let mut response = response.unwrap_or_else(|error| panic!("{method} {url}: {error}"));
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, vary) = (header("content-type"), header("vary"));
    let (challenge, retry_after) = (header("www-authenticate"), header("retry-after"));
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    println!(
        "\n{method} {url} (Accept: {accept})\n{status} {}",
        content_type.as_deref().unwrap_or("-")
    );
    println!("{}", body.lines().take(3).collect::<Vec<_>>().join("\n"));
    Seen {
        status,
        content_type: content_type.unwrap_or_default(),
        vary: vary.unwrap_or_default(),
        challenge,
        retry_after,
        body,
    }
}

/// A browser's `Accept` for a navigation.
const BROWSER: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// Asks the service what its clients would, checks each answer, and returns the error
/// responses it made, by status, for the check of the log.
fn try_it(base: &str) -> BTreeMap<u16, usize> {
    let mut errors = BTreeMap::new();
    let mut count = |seen: &Seen| *errors.entry(seen.status).or_insert(0) += 1;

    // A browser's navigation to a note that is not there gets a page for people.
    let seen = send("GET", &format!("{base}/notes/99"), BROWSER, None);
    assert_eq!(
        (seen.status, seen.content_type.as_str()),
        (404, "text/html; charset=utf-8")
    );
    assert!(seen.body.contains("there is no note 99"), "{}", seen.body);
    assert!(
        seen.body.contains("<a href=\"/problems/note-not-found\">"),
        "{}",
        seen.body
    );
    assert!(seen.vary.contains("accept"));
    count(&seen);

    // An API client gets Problem Details.
    let seen = send("GET", &format!("{base}/notes/99"), "application/json", None);
    assert_eq!(
        (seen.status, seen.content_type.as_str()),
        (404, "application/problem+json")
    );
    let problem: serde_json::Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(problem["code"], "note-not-found");
    assert_eq!(problem["detail"], "there is no note 99");
    count(&seen);

    // `curl -H 'Accept: text/plain'` gets the detail as text.
    let seen = send("GET", &format!("{base}/notes/99"), "text/plain", None);
    assert_eq!(
        (seen.status, seen.body.as_str()),
        (404, "there is no note 99\n")
    );
    count(&seen);

    // A page that does not exist is the framework's own error: a page to a browser too.
    let seen = send("GET", &format!("{base}/no/such/page"), BROWSER, None);
    assert_eq!(
        (seen.status, seen.content_type.as_str()),
        (404, "text/html; charset=utf-8")
    );
    assert!(seen.body.contains("route_not_found"), "{}", seen.body);
    count(&seen);

    // Writing without credentials: the challenge of the configured realm, in every form.
    let anonymous = Some(("", "{\"text\": \"hello\"}"));
    for accept in [BROWSER, "application/json", "text/plain"] {
        let seen = send("POST", &format!("{base}/api/notes"), accept, anonymous);
        assert_eq!(seen.status, 401);
        assert_eq!(seen.challenge.as_deref(), Some("Basic realm=\"notes\""));
        count(&seen);
    }

    let signed_in = |text: &str| format!("{{\"text\": \"{text}\"}}");
    let password = "Basic bm90ZXM6bm90ZXM=";
    let long = "x".repeat(LIMIT + 1);
    let seen = send(
        "POST",
        &format!("{base}/api/notes"),
        "application/json",
        Some((password, &signed_in(&long))),
    );
    assert_eq!(seen.status, 422);
    let problem: serde_json::Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(
        (&problem["code"], &problem["limit"]),
        (&"too-long".into(), &LIMIT.into())
    );
    count(&seen);

    // The storage's error decides the status; the detail says what was being done.
    let seen = send(
        "POST",
        &format!("{base}/api/notes"),
        "application/json",
        Some((password, &signed_in("read-only"))),
    );
    assert_eq!(seen.status, 403);
    let problem: serde_json::Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(
        (&problem["code"], &problem["detail"]),
        (&"read-only".into(), &"the note could not be saved".into())
    );
    count(&seen);

    // A 5xx keeps what is behind it to the log, in every form.
    for accept in [BROWSER, "application/json", "text/plain"] {
        let seen = send(
            "POST",
            &format!("{base}/api/notes"),
            accept,
            Some((password, &signed_in("unavailable"))),
        );
        assert_eq!(
            (seen.status, seen.retry_after.as_deref()),
            (503, Some("30"))
        );
        assert!(!seen.body.contains("/var/lib"), "{}", seen.body);
        count(&seen);
    }

    let seen = send(
        "POST",
        &format!("{base}/api/notes"),
        "application/json",
        Some((password, &signed_in("call Ada"))),
    );
    assert_eq!(seen.status, 201);
    let seen = send("GET", &format!("{base}/notes/2"), BROWSER, None);
    assert_eq!(seen.status, 200);
    assert!(seen.body.contains("call Ada"));
    errors
}

/// Where the log goes: the terminal, and a copy to check.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        std::io::stdout().write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stdout().flush()
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

impl Logs {
    /// Each error response was logged once: a 4xx at INFO, a 5xx at ERROR, with the source
    /// chain of a 5xx (the path behind the 503) in the log and nowhere else.
    fn assert_each_error_logged(&self, errors: &BTreeMap<u16, usize>) {
        let text = String::from_utf8_lossy(&self.0.lock().unwrap_or_else(PoisonError::into_inner))
            .into_owned();
        for (&status, &count) in errors {
            let (level, target) = if status >= 500 {
                ("ERROR", "status_core::server_error")
            } else {
                ("INFO", "status_core::client_error")
            };
            let logged = text
                .lines()
                .filter(|line| line.contains(level) && line.contains(target))
                .filter(|line| line.contains(&format!("status={status}")))
                .count();
            assert_eq!(
                logged, count,
                "{status} logged {logged} times at {level}:\n{text}"
            );
        }
        assert!(
            text.contains("/var/lib/notes"),
            "the 5xx's source is in the log"
        );
    }
}
