//! Sending a request: attempts and the waits between them, over the
//! platform's `fetch` (see `js/platform.js`).
use alloc::string::String;

use js_sys::futures::JsFuture;
use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::js::{self, get, set, JsBody};
use super::read::Options;
use crate::error::{Error, Fault, ABORT_ERROR, NETWORK_ERROR, TIMEOUT_ERROR};
use crate::http::HttpRequest;
use crate::operation::Operation;
use crate::response::{self, HttpResponse};
use crate::retry::Attempts;

#[wasm_bindgen(module = "/js/platform.js")]
extern "C" {
    /// POSTs a request; resolves to the answer or to `{ failure, message }`.
    fn exchange(
        url: &str,
        headers: &Object,
        body: &str,
        timeout_ms: u32,
        signal: Option<&AbortSignal>,
    ) -> Promise;
    /// Resolves after `ms`, rejects when `signal` aborts.
    fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Promise;
}

/// Sends `http` until it succeeds, fails for good or runs out of attempts.
pub async fn send(http: &HttpRequest, op: Operation, options: &Options) -> Result<JsValue, Error> {
    let signal = options.abort_signal.as_ref();
    let headers = Object::new();
    for (name, value) in http.headers() {
        set(&headers, name, &JsValue::from_str(value));
    }
    let timeout = options.config.timeout_ms.unwrap_or(0);
    let mut attempts = Attempts::new(op, options.config.max_attempts);
    loop {
        if signal.is_some_and(AbortSignal::aborted) {
            return Err(attempts.fail(aborted()));
        }
        attempts.start();
        let answer = exchange(&http.url, &headers, &http.body, timeout, signal);
        let answer = JsFuture::from(answer).await.unwrap_or_default();
        let error = match read(op, &answer) {
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
            Some(ms) => {
                JsFuture::from(sleep(ms, signal))
                    .await
                    .map_err(|_| attempts.fail(aborted()))?;
            }
            None => return Err(attempts.fail(error)),
        }
    }
}

type Success = (JsValue, u16, Option<String>);

/// What one exchange's answer means: the operation's result or an error.
fn read(op: Operation, answer: &JsValue) -> Result<Success, Error> {
    if let Some(failure) = get(answer, "failure").as_string() {
        let detail = get(answer, "message").as_string().unwrap_or_default();
        return Err(match failure.as_str() {
            ABORT_ERROR => aborted(),
            TIMEOUT_ERROR => Error::new(
                TIMEOUT_ERROR,
                "The attempt took longer than config.timeoutMs",
                Fault::Server,
            ),
            _ => Error::new(
                NETWORK_ERROR,
                ["fetch failed: ", &detail].concat(),
                Fault::Server,
            ),
        });
    }
    let status = get(answer, "status").as_f64().unwrap_or_default() as u16;
    let request_id = get(answer, "requestId").as_string();
    let error_type = get(answer, "errorType").as_string();
    let body = Some(get(answer, "body")).filter(js::is_plain_object);
    let seen = body.as_ref().map(JsBody);
    let response = HttpResponse {
        status,
        error_type_header: error_type.as_deref(),
        body: seen.as_ref(),
    };
    match response::read(op, response) {
        Ok(_) => Ok((body.unwrap_or_default(), status, request_id)),
        Err(mut error) => {
            error.metadata.request_id = request_id;
            Err(error)
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
