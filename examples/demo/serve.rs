//! The `main` the axum examples share: serve on 127.0.0.1:3000 (or `$PORT`) until Ctrl-C, or,
//! with `--once`, on a free port, fetch a few paths, print them and exit.

/// Serves `app`, saying what it is (`what`) and which requests to try (`curl_lines` of the
/// base URL); with `--once`, fetches `once_paths` instead of serving on.
pub async fn serve(
    app: axum::Router,
    what: &str,
    curl_lines: impl Fn(&str) -> Vec<String>,
    once_paths: &[&str],
) -> std::io::Result<()> {
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("{what} serving on {base}; try:");
    for line in curl_lines(&base) {
        println!("  {line}");
    }
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    if once {
        for path in once_paths {
            let url = format!("{base}{path}");
            let shown = tokio::task::spawn_blocking(move || super::fetch(&url))
                .await
                .map_err(std::io::Error::other)?;
            println!("\nGET {path}\n{shown}");
        }
        return Ok(());
    }
    server.await.map_err(std::io::Error::other)?
}

/// `curl -i` of each of `paths` at `base`.
pub fn curl_each(base: &str, paths: &[&str]) -> Vec<String> {
    paths
        .iter()
        .map(|path| format!("curl -i '{base}{path}'"))
        .collect()
}
