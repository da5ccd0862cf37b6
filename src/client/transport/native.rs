//! The platform's steps off wasm32 (servers and tools): a request with
//! reqwest over rustls (the ring provider and the system's roots) on tokio,
//! a wait with tokio's timer, the SecretHash with RustCrypto's HMAC-SHA256,
//! the jitter from std's random hasher keys and the service model's Unicode
//! patterns with ICU4X's general categories.
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use icu_properties::CodePointMapData;
use sha2::Sha256;

use super::{Answer, NoAnswer};
use crate::checks::{PatternMatcher, ATTRIBUTE_NAME_PATTERN, USERNAME_PATTERN};
use crate::http::HttpRequest;

/// The jitter of retries, uniform in `[0, 1)`: std's hasher keys are random
/// per process and change with every `RandomState`.
pub fn random() -> f64 {
    let bits = RandomState::new().hash_one(0u8) >> 11;
    bits as f64 / (1u64 << 53) as f64
}

/// Matches the service model's two Unicode patterns, `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`
/// and the same with `\t\n\r ` added, by general category: what
/// `RegExp(…, "u")` decides in the browser. ICU4X's data is already linked
/// for reqwest's URLs, where `regex` would add its engine and tables (about
/// 640 KB of binary).
pub struct CategoryMatcher;

/// The one matcher.
pub const MATCHER: CategoryMatcher = CategoryMatcher;

impl PatternMatcher for CategoryMatcher {
    fn full_match(&self, pattern: &'static str, value: &str) -> bool {
        let also: &[char] = match pattern {
            USERNAME_PATTERN => &[],
            ATTRIBUTE_NAME_PATTERN => &['\t', '\n', '\r', ' '],
            // A pattern this matcher was not taught refuses rather than passes.
            _ => return false,
        };
        !value.is_empty() && value.chars().all(|c| also.contains(&c) || visible(c))
    }
}

/// Whether `c` is a letter, mark, symbol, number or punctuation.
fn visible(c: char) -> bool {
    let category = CodePointMapData::<GeneralCategory>::new().get(c);
    [
        GeneralCategoryGroup::Letter,
        GeneralCategoryGroup::Mark,
        GeneralCategoryGroup::Symbol,
        GeneralCategoryGroup::Number,
        GeneralCategoryGroup::Punctuation,
    ]
    .iter()
    .any(|group| group.contains(category))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point, in both patterns, against the `regex` crate's
    /// `\p{…}` (the native tests' reference matcher, as `RegExp` is in the
    /// browser). ICU4X's Unicode is newer than regex's: they may differ only
    /// on code points regex has as unassigned, which ICU4X accepts.
    #[test]
    fn the_categories_match_regex_on_every_assigned_code_point() {
        let unassigned = regex::Regex::new(r"^\p{Cn}$").unwrap();
        for pattern in [USERNAME_PATTERN, ATTRIBUTE_NAME_PATTERN] {
            let regex = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
            let mut newer = 0;
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let text = c.encode_utf8(&mut [0; 4]).to_owned();
                let (ours, theirs) = (MATCHER.full_match(pattern, &text), regex.is_match(&text));
                if ours != theirs {
                    assert!(
                        ours && unassigned.is_match(&text),
                        "{pattern}: U+{:04X}",
                        c as u32
                    );
                    newer += 1;
                }
            }
            assert!(
                newer < 20_000,
                "{newer} code points newer than regex's Unicode"
            );
        }
        assert!(!MATCHER.full_match(USERNAME_PATTERN, ""));
        assert!(MATCHER.full_match(ATTRIBUTE_NAME_PATTERN, "custom:a b"));
        assert!(
            !MATCHER.full_match("[a-z]+", "abc"),
            "an unknown pattern refuses"
        );
    }
}
