//! The Rust API's driver on wasm32: it performs the call machine's steps
//! with the platform, a request with gloo-net (the global `fetch`, so pages,
//! workers and Node alike), a wait with gloo-timers, and the SecretHash with
//! WebCrypto.
use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, RequestCredentials};

use super::types::Output;
use super::Op;
use crate::call::{Call, Event, Failure, Step};
use crate::error::{Error, ErrorKind, Fault, UNKNOWN_ERROR};
use crate::http::HttpRequest;
use crate::response::HttpResponse;

/// What a sent request came back with.
struct Answer {
    /// The HTTP status.
    status: u16,
    /// `x-amzn-requestid`, when readable.
    request_id: Option<String>,
    /// `x-amzn-errortype`, read for failures only.
    error_type: Option<String>,
    /// The body, when it parsed as JSON.
    body: Option<Value>,
}

/// Why a sent request came back with nothing.
enum NoAnswer {
    /// The network failed, in the platform's words.
    Network(String),
    /// The attempt outlived its timeout.
    Timeout,
}

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
async fn wait(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Base64(HMAC-SHA256(`secret`, `message`)) by WebCrypto, or `None`
/// when the platform has none.
async fn secret_hash(secret: &str, message: &str) -> Option<String> {
    let promise = secret_hash_promise(secret, message);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_string()
}

/// Performs the steps of `call` with the platform until it is done.
pub async fn perform<O: Op>(mut call: Call) -> Result<O::Output, Error> {
    let mut body: Option<Value> = None;
    let mut step = call.start();
    loop {
        step = match step {
            Step::SecretHash { secret, message } => {
                let hash = secret_hash(&secret, &message).await;
                call.next::<Value>(Event::SecretHash(hash))
            }
            Step::Send {
                request,
                timeout_ms,
            } => match exchange(&request, timeout_ms).await {
                Ok(answer) => {
                    body = answer.body.filter(Value::is_object);
                    call.next(Event::Answer(HttpResponse {
                        status: answer.status,
                        request_id: answer.request_id.as_deref(),
                        error_type_header: answer.error_type.as_deref(),
                        body: body.as_ref(),
                    }))
                }
                Err(NoAnswer::Timeout) => call.next::<Value>(Event::NoAnswer(Failure::Timeout)),
                Err(NoAnswer::Network(words)) => {
                    call.next::<Value>(Event::NoAnswer(Failure::Network(&words)))
                }
            },
            Step::Wait { ms } => {
                wait(ms).await;
                call.next::<Value>(Event::WaitOver)
            }
            Step::Done(Err(error)) => return Err(error),
            Step::Done(Ok(metadata)) => {
                let mut output: O::Output = serde_json::from_value(body.take().unwrap_or_default())
                    .map_err(|_| {
                        let message =
                            "The response has the required members but not the output's shape";
                        Error::new(ErrorKind::Unknown, UNKNOWN_ERROR, message, Fault::Server)
                    })?;
                output.set_metadata(metadata);
                return Ok(output);
            }
        };
    }
}
