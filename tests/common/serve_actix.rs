//! Serves an actix-web app on 127.0.0.1, on a port the system picks, for the tests' real client.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, Condition, Next};
use actix_web::{web, App, HttpServer};
use status_core::{Served, Statuses};

/// What a middleware of the service's own writes in the `x-served` header from the record of
/// what was served.
pub type Describe = fn(&Served) -> String;

/// What is put around the routes: status-core's error handlers, `problem_instance`, content
/// negotiation, a middleware of the service's own that shows the record of what was served,
/// and the statuses actix-web's own errors are answered with.
#[derive(Clone, Copy)]
pub struct Options {
    pub error_handlers: bool,
    pub instance: bool,
    pub negotiate: bool,
    pub record: Option<Describe>,
    pub statuses: Statuses,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            error_handlers: true,
            instance: false,
            negotiate: false,
            record: None,
            statuses: Statuses::Uniform,
        }
    }
}

/// Serves the routes `configure` adds, behind status-core's error handlers (and its
/// `problem_instance` middleware when `instance` is on), with its 404 for unknown routes, on a
/// thread of its own; returns the base URL.
#[allow(dead_code)] // not every test that serves actix-web needs it
pub fn serve(instance: bool, configure: fn(&mut web::ServiceConfig)) -> String {
    serve_with(
        Options {
            instance,
            ..Options::default()
        },
        configure,
    )
}

/// Serves the routes `configure` adds without status-core's error handlers: what the extractor
/// configurations answer on their own.
#[allow(dead_code)] // the actix server tests only
pub fn serve_bare(configure: fn(&mut web::ServiceConfig)) -> String {
    serve_with(
        Options {
            error_handlers: false,
            ..Options::default()
        },
        configure,
    )
}

/// A middleware of the service's own: it reads the record of what was served, as a team's
/// logging or metrics would, and shows it in a header for the test to see.
async fn show_record(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
    describe: Describe,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut response = next.call(request).await?;
    if let Some(served) = status_core::actix::served(response.response()) {
        response.headers_mut().insert(
            actix_web::http::header::HeaderName::from_static("x-served"),
            describe(&served).parse().unwrap(),
        );
    }
    Ok(response)
}

/// Serves the routes `configure` adds with `options`.
pub fn serve_with(options: Options, configure: fn(&mut web::ServiceConfig)) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || {
                App::new()
                    .app_data(options.statuses)
                    .wrap(Condition::new(
                        options.error_handlers,
                        status_core::actix::error_handlers(),
                    ))
                    .wrap(Condition::new(
                        options.instance,
                        from_fn(status_core::actix::problem_instance),
                    ))
                    .wrap(Condition::new(
                        options.record.is_some(),
                        from_fn(move |request, next| {
                            let describe = options.record.unwrap_or(|_| String::new());
                            show_record(request, next, describe)
                        }),
                    ))
                    .wrap(Condition::new(
                        options.negotiate,
                        from_fn(status_core::actix::negotiate),
                    ))
                    .configure(configure)
                    .default_service(web::to(status_core::actix::not_found))
            })
            .workers(1)
            .listen(listener)
            .unwrap()
            .run()
            .await
            .unwrap();
        });
    });
    base
}
