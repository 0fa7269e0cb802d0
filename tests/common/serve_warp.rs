//! Serves on 127.0.0.1, on a port the system picks, for the tests' real client: what the warp
//! tests hand a bound listener to.

/// Runs `server` on a listener bound to 127.0.0.1, on a port the system picks, on a thread of
/// its own, and returns its base URL: the listener is bound first, and its address is the one
/// returned.
pub fn on_loopback<S, F>(server: S) -> String
where
    S: FnOnce(tokio::net::TcpListener) -> F + Send + 'static,
    F: std::future::Future<Output = ()>,
{
    let (bound, address) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            bound.send(listener.local_addr().unwrap()).unwrap();
            server(listener).await;
        });
    });
    format!("http://{}", address.recv().unwrap())
}
