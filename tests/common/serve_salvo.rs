//! Serves a salvo service on 127.0.0.1, on a port the system picks, for the tests' real client.

/// Serves `service` on a thread of its own and returns its base URL: salvo binds the port,
/// and the address it bound is the one returned.
pub fn serve(service: salvo::Service) -> String {
    use salvo::conn::{Listener, TcpListener};

    let (bound, address) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let acceptor = TcpListener::new("127.0.0.1:0").try_bind().await.unwrap();
            bound.send(acceptor.local_addr().unwrap()).unwrap();
            salvo::Server::new(acceptor).serve(service).await;
        });
    });
    format!("http://{}", address.recv().unwrap())
}
