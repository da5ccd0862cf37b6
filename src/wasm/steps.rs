//! The steps of a call: `prepare` (read, check, build the request), and
//! `settle` or `fail` (read one attempt's answer, or its lack of one, and
//! decide what comes next). The last two are exported as they are.
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use js_sys::Object;
use wasm_bindgen::prelude::*;

use super::interned;
use super::js::{self, set, JsBody};
use super::read::{self, Options};
use crate::checks;
use crate::error::{Error, Fault, Problem, ABORT_ERROR, NETWORK_ERROR, TIMEOUT_ERROR};
use crate::http::HttpRequest;
use crate::operation::Operation;
use crate::request::Request;
use crate::response::{self, HttpResponse};
use crate::retry::Attempts;
use crate::secret_hash::message;

/// See `prepare` in the shell's exports.
pub fn prepare(
    op: u32,
    input: &JsValue,
    config: &JsValue,
    secret_hash: &JsValue,
) -> Result<JsValue, Error> {
    let op = Operation::from_index(op);
    let (mut request, options, url) = check(op, input, config)?;
    if let Some(secret) = &options.config.client_secret {
        let username = request.username.as_deref().unwrap_or_default();
        let client_id = request.client_id.as_deref().unwrap_or_default();
        if secret_hash.is_undefined() {
            let ask = Object::new();
            let pair = js_sys::Array::of2(
                &JsValue::from_str(secret),
                &JsValue::from_str(&message(username, client_id)),
            );
            set(&ask, "hmac", &pair);
            return Ok(ask.into());
        }
        let Some(secret_hash) = secret_hash.as_string() else {
            return Err(Error::refused(vec![Problem::new(
                "config.clientSecret",
                "needs WebCrypto (crypto.subtle), which failed",
            )]));
        };
        request.secret_hash = Some(secret_hash);
    }
    let http = HttpRequest::new(op, url, &request);
    let attempts = Attempts::new(op, options.config.max_attempts);
    let headers = interned::headers(http.target, &http.headers());
    Ok(js::plan(
        &interned::url(http.url),
        headers,
        &http.body,
        options.config.timeout_ms.unwrap_or(0),
        &options.abort_signal.map(JsValue::from).unwrap_or_default(),
        attempts.to_number(),
    ))
}

/// Reads and checks `input` and `config`: the request, the options and the
/// endpoint URL, or the refusal listing every problem.
fn check(
    op: Operation,
    input: &JsValue,
    config: &JsValue,
) -> Result<(Request, Options, String), Error> {
    let mut problems = Vec::new();
    let request = read::request(op, input, &mut problems);
    let options = read::options(config, &mut problems);
    let url = options.config.resolve_url();
    let policy = options.config.password_policy.as_ref();
    // A value of the wrong type was read as absent: its field already has a
    // problem, which "is required" would only repeat.
    let mut found = checks::check(op, &request, policy, &js::RegExpMatcher);
    found.retain(|p| !problems.iter().any(|seen| seen.field == p.field));
    problems.append(&mut found);
    let url = url
        .map_err(|problem| problems.push(problem))
        .unwrap_or_default();
    if options.config.client_secret.is_some() && request.secret_hash.is_some() {
        problems.push(Problem::new(
            "SecretHash",
            "cannot be given with config.clientSecret",
        ));
    }
    if problems.is_empty() {
        Ok((request, options, url))
    } else {
        Err(Error::refused(problems))
    }
}

/// Reads the answer of one attempt given `state`, the attempts so far: the
/// HTTP `status`, `requestId` (a string or `undefined`), `errorType` (the
/// `x-amzn-errortype` header, read for failures only) and the `body` parsed
/// as JSON (`undefined` when it is not). Returns `{ value }`, `{ error }`, or
/// `{ wait }` (the milliseconds to wait before the next attempt), each with
/// the new `state`.
#[wasm_bindgen(skip_typescript)]
pub fn settle(
    state: f64,
    status: u16,
    request_id: JsValue,
    error_type: JsValue,
    body: JsValue,
) -> JsValue {
    let mut attempts = Attempts::from_number(state);
    attempts.start();
    let error_type = error_type.as_string();
    let body = Some(body).filter(js::is_plain_object);
    let seen = body.as_ref().map(JsBody);
    let response = HttpResponse {
        status,
        error_type_header: error_type.as_deref(),
        body: seen.as_ref(),
    };
    match response::read(attempts.op, response) {
        Ok(_) => js::success(
            &body.unwrap_or_default(),
            status,
            &request_id,
            attempts.metadata(),
            attempts.to_number(),
        ),
        Err(mut error) => {
            error.metadata.request_id = request_id.as_string();
            conclude(attempts, error)
        }
    }
}

/// Reads an attempt that got no answer, as `settle` does: `failure` is
/// "AbortError", "TimeoutError" or "NetworkError", `message` the platform's
/// words, and `sent` false when the call was aborted before sending.
#[wasm_bindgen(skip_typescript)]
pub fn fail(state: f64, failure: JsValue, message: JsValue, sent: bool) -> JsValue {
    let mut attempts = Attempts::from_number(state);
    if sent {
        attempts.start();
    }
    let error = match failure.as_string().unwrap_or_default().as_str() {
        ABORT_ERROR => Error::new(
            ABORT_ERROR,
            "The call was aborted by config.abortSignal",
            Fault::Client,
        ),
        TIMEOUT_ERROR => Error::new(
            TIMEOUT_ERROR,
            "The attempt took longer than config.timeoutMs",
            Fault::Server,
        ),
        _ => Error::new(
            NETWORK_ERROR,
            ["fetch failed: ", &message.as_string().unwrap_or_default()].concat(),
            Fault::Server,
        ),
    };
    conclude(attempts, error)
}

/// The verdict on an attempt that failed with `error`: the wait before the
/// next attempt, or the call's final error.
fn conclude(mut attempts: Attempts, error: Error) -> JsValue {
    let (error, wait) = match attempts.retry_delay(&error, js_sys::Math::random()) {
        Some(ms) => (JsValue::UNDEFINED, Some(ms)),
        None => (js::error(attempts.fail(error)), None),
    };
    js::verdict(&error, wait, attempts.to_number())
}
