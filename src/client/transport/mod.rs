//! The Rust API's driver: it performs the call machine's steps with the
//! platform, and decides nothing. On wasm32 ([`web`]): gloo-net (the global
//! `fetch`, so pages, workers and Node alike), gloo-timers and WebCrypto.
//! Elsewhere ([`native`]): reqwest with rustls on tokio, tokio's timer, and
//! RustCrypto's HMAC-SHA256.
use serde_json::Value;

use super::types::Output;
use super::Op;
use crate::call::{Call, Event, Failure, Step};
use crate::error::{Error, ErrorKind, Fault, UNKNOWN_ERROR};
use crate::response::HttpResponse;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{random, secret_hash, wait, Http, MATCHER};
#[cfg(target_arch = "wasm32")]
pub use web::{random, secret_hash, wait, Http, MATCHER};

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
    Timeout,
}

/// Performs the steps of `call` with `http` and the platform until it is done.
pub async fn perform<O: Op>(http: Http, mut call: Call) -> Result<O::Output, Error> {
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
            } => match http.exchange(&request, timeout_ms).await {
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
