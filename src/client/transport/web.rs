//! The platform's steps on wasm32: a request with gloo-net (the global
//! `fetch`, so pages, workers and Node alike), a wait with gloo-timers, the
//! SecretHash with WebCrypto, the jitter from `Math.random` and patterns
//! with `RegExp`.
use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use gloo_net::http::Request;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, RequestCredentials};

use super::{Answer, NoAnswer};
use crate::http::HttpRequest;

#[wasm_bindgen(module = "/js/platform.js")]
extern "C" {
    #[wasm_bindgen(js_name = secretHash)]
    fn secret_hash_promise(secret: &str, message: &str) -> js_sys::Promise;
}

/// Aborts the request when dropped: dropping the call's future cancels it.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The jitter of retries: `Math.random`.
pub use js_sys::Math::random;

/// The patterns of the service model, matched by `RegExp(…, "u")`.
pub const MATCHER: crate::regexp::RegExpMatcher = crate::regexp::RegExpMatcher;

/// Sends requests with the global `fetch`, which holds no state here.
#[derive(Clone, Debug)]
pub struct Http;

impl Http {
    /// The one way to send.
    pub fn new() -> Http {
        Http
    }

    /// POSTs `request`, aborted after `timeout_ms` if given (the future
    /// borrows nothing of `self`, which holds nothing).
    pub fn exchange<'a>(
        &self,
        request: &'a HttpRequest,
        timeout_ms: Option<u32>,
    ) -> impl Future<Output = Result<Answer, NoAnswer>> + 'a {
        exchange(request, timeout_ms)
    }
}

/// POSTs `request`, aborted after `timeout_ms` if given.
async fn exchange(request: &HttpRequest, timeout_ms: Option<u32>) -> Result<Answer, NoAnswer> {
    let network = |e: &dyn core::fmt::Display| NoAnswer::Network(e.to_string());
    let controller =
        AbortController::new().map_err(|_| NoAnswer::Network("no AbortController".into()))?;
    let signal = controller.signal();
    let guard = AbortOnDrop(controller);
    let timed_out = Rc::new(Cell::new(false));
    let _timer = timeout_ms.map(|ms| {
        let (flag, controller) = (timed_out.clone(), guard.0.clone());
        gloo_timers::callback::Timeout::new(ms, move || {
            flag.set(true);
            controller.abort();
        })
    });
    let failed = |e: gloo_net::Error| {
        if timed_out.get() {
            NoAnswer::Timeout
        } else {
            network(&e)
        }
    };
    let mut builder = Request::post(&request.url)
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&signal));
    for (name, value) in request.headers() {
        builder = builder.header(name, value);
    }
    let response = builder
        .body(request.body.clone())
        .map_err(|e| network(&e))?
        .send()
        .await
        .map_err(failed)?;
    let headers = response.headers();
    let error_type = if response.ok() {
        None
    } else {
        headers.get("x-amzn-errortype")
    };
    let text = response.text().await.map_err(failed)?;
    Ok(Answer {
        status: response.status(),
        request_id: headers.get("x-amzn-requestid"),
        error_type,
        body: serde_json::from_str(&text).ok(),
    })
}

/// Resolves after `ms` milliseconds.
pub async fn wait(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Base64(HMAC-SHA256(`secret`, `message`)) by WebCrypto, or `None`
/// when the platform has none.
pub async fn secret_hash(secret: &str, message: &str) -> Option<String> {
    let promise = secret_hash_promise(secret, message);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}
