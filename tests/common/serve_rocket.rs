//! Serves a rocket app on 127.0.0.1, on a port the system picks, for the tests' real client.

use rocket::fairing::AdHoc;
use rocket::{Build, Rocket};

/// Serves `app` on 127.0.0.1, on a port the system picks, on a thread of its own, and returns
/// its base URL. rocket writes the bound port into its configuration before liftoff.
pub fn serve(app: Rocket<Build>) -> String {
    let (sender, receiver) = std::sync::mpsc::channel();
    let app = app.attach(AdHoc::on_liftoff("port", move |rocket| {
        let _ = sender.send(rocket.config().port);
        Box::pin(async {})
    }));
    std::thread::spawn(move || {
        if let Err(error) = rocket::execute(app.launch()) {
            panic!("rocket failed: {error}");
        }
    });
    let port = receiver
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("rocket lifts off");
    format!("http://127.0.0.1:{port}")
}
