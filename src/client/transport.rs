//! The platform steps of the Rust API: a request with gloo-net (the global
//! `fetch`, so pages, workers and Node alike), a wait with gloo-timers, and
//! the SecretHash with WebCrypto. On other targets there is no transport.
use serde_json::Value;

/// What a sent request came back with.
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// `x-amzn-requestid`, when readable.
    pub request_id: Option<String>,
    /// `x-amzn-errortype`, read for failures only.
    pub error_type: Option<String>,
    /// The body, when it parsed as JSON.
    pub body: Option<Value>,
}

/// Why a sent request came back with nothing.
pub enum NoAnswer {
    /// The network failed, in the platform's words.
    Network(String),
    /// The attempt outlived its timeout.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Timeout,
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use std::cell::Cell;
    use std::rc::Rc;

    use gloo_net::http::Request;
    use wasm_bindgen::prelude::*;
    use web_sys::AbortController;
    use web_sys::RequestCredentials;

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

    /// POSTs `request`, aborted after `timeout_ms` if given.
    pub async fn exchange(
        request: &HttpRequest,
        timeout_ms: Option<u32>,
    ) -> Result<Answer, NoAnswer> {
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
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::{Answer, NoAnswer};
    use crate::http::HttpRequest;

    /// No transport: the driver stops before it, as [`super::CAN_SEND`] says.
    pub async fn exchange(_: &HttpRequest, _: Option<u32>) -> Result<Answer, NoAnswer> {
        Err(NoAnswer::Network(String::from(super::SENDS)))
    }

    /// Never reached: nothing is sent, so nothing is retried.
    pub async fn wait(_: u32) {}

    /// No WebCrypto here: the call is refused as when WebCrypto fails.
    pub async fn secret_hash(_: &str, _: &str) -> Option<String> {
        None
    }
}

/// Whether this target can send requests.
pub const CAN_SEND: bool = cfg!(target_arch = "wasm32");

/// What `send()` says on a target with no transport.
pub const SENDS: &str = "cognito-signup sends requests only on wasm32 (a page, a worker or Node); \
    on this target send() checks the input and sends nothing";

pub use platform::{exchange, secret_hash, wait};
