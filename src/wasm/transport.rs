//! Sending a request with `fetch`: attempts, timeouts, aborts and waits.
use alloc::string::String;

use js_sys::futures::JsFuture;
use js_sys::{Array, Object, Promise};
use wasm_bindgen::prelude::*;
use web_sys::{AbortSignal, Response};

use super::js::{self, get, set, JsBody};
use super::read::Options;
use crate::error::{Error, Fault, ABORT_ERROR, NETWORK_ERROR, TIMEOUT_ERROR};
use crate::http::HttpRequest;
use crate::operation::Operation;
use crate::response::{self, HttpResponse};
use crate::retry::Attempts;

#[wasm_bindgen]
extern "C" {
    /// `AbortSignal.timeout(ms)`: aborts by itself after `ms`.
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = timeout)]
    fn abort_after(ms: u32) -> AbortSignal;
    /// `AbortSignal.any(signals)`: aborts when any of them does (Safari ≥ 17.4).
    #[wasm_bindgen(js_namespace = AbortSignal, js_name = any, catch)]
    fn abort_on_any(signals: &Array) -> Result<AbortSignal, JsValue>;
}

/// Sends `http` until it succeeds, fails for good or runs out of attempts.
pub async fn send(http: &HttpRequest, op: Operation, options: &Options) -> Result<JsValue, Error> {
    let user_signal = options.abort_signal.as_ref();
    let mut attempts = Attempts::new(op, options.config.max_attempts);
    loop {
        if user_signal.is_some_and(AbortSignal::aborted) {
            return Err(attempts.fail(aborted()));
        }
        attempts.start();
        let error = match attempt(http, op, options).await {
            Ok((body, status, request_id)) => {
                let mut metadata = attempts.metadata().clone();
                metadata.http_status_code = Some(status);
                metadata.request_id = request_id;
                set(&body, "$metadata", &js::metadata(&metadata));
                return Ok(body);
            }
            Err(error) => error,
        };
        match attempts.retry_delay(&error, js_sys::Math::random()) {
            Some(ms) => sleep(ms, user_signal).await.map_err(|e| attempts.fail(e))?,
            None => return Err(attempts.fail(error)),
        }
    }
}

type Success = (JsValue, u16, Option<String>);

/// One request: `fetch`, bounded by `timeoutMs` and the caller's signal.
async fn attempt(http: &HttpRequest, op: Operation, options: &Options) -> Result<Success, Error> {
    let user_signal = options.abort_signal.as_ref();
    let timeout = options.config.timeout_ms.map(abort_after);
    let signal = match (user_signal, &timeout) {
        (Some(user), Some(timeout)) => abort_on_any(&Array::of2(user, timeout)).ok(),
        (Some(user), None) => Some(user.clone()),
        (None, timeout) => timeout.clone(),
    };
    exchange(http, op, signal.as_ref())
        .await
        .map_err(|failure| match failure {
            Failure::Answer(error) => error,
            Failure::Transport(_) if user_signal.is_some_and(AbortSignal::aborted) => aborted(),
            Failure::Transport(_) if timeout.as_ref().is_some_and(AbortSignal::aborted) => {
                Error::new(
                    TIMEOUT_ERROR,
                    "The attempt took longer than config.timeoutMs",
                    Fault::Server,
                )
            }
            Failure::Transport(cause) => {
                let detail = get(&cause, "message").as_string().unwrap_or_default();
                let message = ["fetch failed: ", &detail].concat();
                Error::new(NETWORK_ERROR, message, Fault::Server)
            }
        })
}

/// Why an exchange failed: an answer that is an error, or no usable answer.
enum Failure {
    Answer(Error),
    Transport(JsValue),
}

async fn exchange(
    http: &HttpRequest,
    op: Operation,
    signal: Option<&AbortSignal>,
) -> Result<Success, Failure> {
    let headers = Object::new();
    for (name, value) in http.headers() {
        set(&headers, name, &JsValue::from_str(value));
    }
    let init = Object::new();
    set(&init, "method", &"POST".into());
    set(&init, "headers", &headers);
    set(&init, "body", &JsValue::from_str(&http.body));
    set(&init, "credentials", &"omit".into());
    if let Some(signal) = signal {
        set(&init, "signal", signal);
    }
    let pending = js::fetch(&http.url, &init).map_err(Failure::Transport)?;
    let response: Response = JsFuture::from(pending)
        .await
        .map_err(Failure::Transport)?
        .unchecked_into();
    let status = response.status();
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let request_id = header("x-amzn-requestid");
    let error_type = header("x-amzn-errortype");
    let parsing = response.json().map_err(Failure::Transport)?;
    let body = match JsFuture::from(parsing).await {
        Ok(body) => Some(body).filter(js::is_plain_object),
        // A body that is not JSON; any other failure is the transport's.
        Err(e) if get(&e, "name").as_string().as_deref() == Some("SyntaxError") => None,
        Err(e) => return Err(Failure::Transport(e)),
    };
    let seen = body.as_ref().map(JsBody);
    let answer = HttpResponse {
        status,
        error_type_header: error_type.as_deref(),
        body: seen.as_ref(),
    };
    match response::read(op, answer) {
        Ok(_) => Ok((body.unwrap_or_default(), status, request_id)),
        Err(mut error) => {
            error.metadata.request_id = request_id;
            Err(Failure::Answer(error))
        }
    }
}

fn aborted() -> Error {
    Error::new(
        ABORT_ERROR,
        "The call was aborted by config.abortSignal",
        Fault::Client,
    )
}

/// Waits `ms` milliseconds, or fails with `AbortError` as soon as `signal` fires.
async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let mut reject_on_abort = None;
    let wait = Promise::new(&mut |resolve, reject| {
        js::set_timeout(&resolve, ms);
        if let Some(signal) = signal {
            let _ = signal.add_event_listener_with_callback("abort", &reject);
            reject_on_abort = Some(reject);
        }
    });
    let result = JsFuture::from(wait).await;
    if let (Some(signal), Some(reject)) = (signal, reject_on_abort) {
        let _ = signal.remove_event_listener_with_callback("abort", &reject);
    }
    result.map(drop).map_err(|_| aborted())
}
