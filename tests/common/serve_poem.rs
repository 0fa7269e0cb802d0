//! Serves a poem app on 127.0.0.1, on a port the system picks, for the tests' real client.

use poem::listener::TcpAcceptor;
use poem::{Endpoint, IntoEndpoint, Server};

/// Serves `app` on a thread of its own and returns its base URL.
pub fn serve<E>(app: E) -> String
where
    E: IntoEndpoint + Send + 'static,
    E::Endpoint: 'static,
    <E::Endpoint as Endpoint>::Output: 'static,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let acceptor = TcpAcceptor::from_std(listener).unwrap();
            Server::new_with_acceptor(acceptor).run(app).await.unwrap();
        });
    });
    base
}
