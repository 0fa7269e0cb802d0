//! Serves an actix-web app on 127.0.0.1, on a port the system picks, for the tests' real client.

use actix_web::middleware::{from_fn, Condition};
use actix_web::{web, App, HttpServer};

/// Serves the routes `configure` adds, behind status-core's error handlers (and its
/// `problem_instance` middleware when `instance` is on), with its 404 for unknown routes, on a
/// thread of its own; returns the base URL.
pub fn serve(instance: bool, configure: fn(&mut web::ServiceConfig)) -> String {
    serve_with(true, instance, configure)
}

/// Serves the routes `configure` adds without status-core's error handlers: what the extractor
/// configurations answer on their own.
#[allow(dead_code)] // the actix server tests only
pub fn serve_bare(configure: fn(&mut web::ServiceConfig)) -> String {
    serve_with(false, false, configure)
}

fn serve_with(
    error_handlers: bool,
    instance: bool,
    configure: fn(&mut web::ServiceConfig),
) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || {
                App::new()
                    .wrap(Condition::new(
                        error_handlers,
                        status_core::actix::error_handlers(),
                    ))
                    .wrap(Condition::new(
                        instance,
                        from_fn(status_core::actix::problem_instance),
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
