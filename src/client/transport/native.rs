//! The platform's steps off wasm32 (servers and tools): a request with
//! reqwest over rustls (the ring provider and the system's roots) on tokio,
//! a wait with tokio's timer, the SecretHash with RustCrypto's HMAC-SHA256,
//! the jitter from std's random hasher keys and patterns with `regex`.
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use regex::Regex;
use sha2::Sha256;

use super::{Answer, NoAnswer};
use crate::checks::PatternMatcher;
use crate::http::HttpRequest;

/// The jitter of retries, uniform in `[0, 1)`: std's hasher keys are random
/// per process and change with every `RandomState`.
pub fn random() -> f64 {
    let bits = RandomState::new().hash_one(0u8) >> 11;
    bits as f64 / (1u64 << 53) as f64
}

/// Matches the service model's Unicode patterns with `regex`, whose
/// `\p{…}` classes are those of `RegExp(…, "u")` in the browser.
pub struct RegexMatcher;

/// The one matcher, compiling each pattern once.
pub const MATCHER: RegexMatcher = RegexMatcher;

impl PatternMatcher for RegexMatcher {
    fn full_match(&self, pattern: &'static str, value: &str) -> bool {
        static COMPILED: OnceLock<Mutex<HashMap<&'static str, Regex>>> = OnceLock::new();
        let mut compiled = COMPILED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        compiled
            .entry(pattern)
            .or_insert_with(|| {
                Regex::new(&format!("^(?:{pattern})$")).expect("the service model's patterns")
            })
            .is_match(value)
    }
}

/// Sends requests with one reqwest client, built on first use and shared by
/// the clones of a [`crate::Client`] (they share its connections).
#[derive(Clone, Debug)]
pub struct Http(Arc<OnceLock<Result<reqwest::Client, String>>>);

impl Http {
    /// A client not yet built: the first request builds it.
    pub fn new() -> Http {
        Http(Arc::default())
    }

    /// POSTs `request`, abandoned after `timeout_ms` if given. Dropping the
    /// future drops the request, closing its connection.
    pub async fn exchange(
        &self,
        request: &HttpRequest,
        timeout_ms: Option<u32>,
    ) -> Result<Answer, NoAnswer> {
        let client = self
            .0
            .get_or_init(build)
            .as_ref()
            .map_err(|words| NoAnswer::Network(words.clone()))?;
        let mut builder = client.post(&request.url).body(request.body.clone());
        for (name, value) in request.headers() {
            builder = builder.header(name, value);
        }
        let exchange = async {
            let response = builder.send().await.map_err(network)?;
            let status = response.status();
            let header = |name: &str| {
                let value = response.headers().get(name)?.to_str().ok()?;
                Some(value.to_owned())
            };
            let request_id = header("x-amzn-requestid");
            let error_type = header("x-amzn-errortype").filter(|_| !status.is_success());
            let text = response.bytes().await.map_err(network)?;
            Ok(Answer {
                status: status.as_u16(),
                request_id,
                error_type,
                body: serde_json::from_slice(&text).ok(),
            })
        };
        match timeout_ms {
            Some(ms) => tokio::time::timeout(Duration::from_millis(ms.into()), exchange)
                .await
                .unwrap_or(Err(NoAnswer::Timeout)),
            None => exchange.await,
        }
    }
}

/// The reqwest client: HTTPS by rustls with the ring provider and the
/// platform's certificate roots; no cookies, no redirects.
fn build() -> Result<reqwest::Client, String> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|builder| builder.with_platform_verifier())
        .map_err(|e| format!("TLS could not be set up: {e}"))?
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("the HTTP client could not be built: {}", words(&e)))
}

/// A failed request, in reqwest's words and their causes.
fn network(error: reqwest::Error) -> NoAnswer {
    NoAnswer::Network(words(&error))
}

/// An error and its sources, joined by ": ".
fn words(error: &dyn std::error::Error) -> String {
    let mut words = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        words = format!("{words}: {cause}");
        source = cause.source();
    }
    words
}

/// Resolves after `ms` milliseconds, on tokio's timer.
pub async fn wait(ms: u32) {
    tokio::time::sleep(Duration::from_millis(ms.into())).await;
}

/// Base64(HMAC-SHA256(`secret`, `message`)); never `None` here.
pub async fn secret_hash(secret: &str, message: &str) -> Option<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(message.as_bytes());
    Some(base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()))
}
