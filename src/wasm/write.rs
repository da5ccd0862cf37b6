//! The core's steps and errors as the JavaScript objects `js/call.js` reads.
use alloc::string::String;

use js_sys::Object;
use wasm_bindgen::prelude::*;

use crate::call::Step;
use crate::error::{Error, Metadata};

#[wasm_bindgen(module = "/src/wasm/write.js")]
extern "C" {
    /// `target[key] = value`, on an object the module created.
    fn put(target: &JsValue, key: &str, value: &JsValue);
    /// A call that started: `{ call, signal, step }`.
    pub fn started(call: u32, signal: &JsValue, step: &JsValue) -> JsValue;
    /// `{ hmac: [secret, message] }`.
    fn hmac(secret: &str, message: &str) -> JsValue;
    /// `{ url, headers, body, timeoutMs }`.
    fn send(url: &str, headers: &JsValue, body: &str, timeout_ms: u32) -> JsValue;
    /// `{ wait: ms }`.
    fn wait(ms: u32) -> JsValue;
    /// `{ value }`, with `value.$metadata = metadata`.
    fn succeed(value: &JsValue, metadata: &JsValue) -> JsValue;
    /// `{ error }`.
    fn fail(error: &JsValue) -> JsValue;
    /// `$metadata` as the AWS SDK shapes it.
    fn metadata(
        http_status_code: Option<u16>,
        request_id: Option<String>,
        attempts: u32,
        total_retry_delay: u32,
    ) -> JsValue;
}

/// `step` as a JS object; a success hands back `body`, the answer's.
pub fn step(step: Step, body: &JsValue) -> JsValue {
    match step {
        Step::SecretHash { secret, message } => hmac(&secret, &message),
        Step::Send {
            request,
            timeout_ms,
        } => {
            let headers = Object::new();
            for (name, value) in request.headers() {
                put(&headers, name, &JsValue::from_str(value));
            }
            send(
                &request.url,
                &headers,
                &request.body,
                timeout_ms.unwrap_or(0),
            )
        }
        Step::Wait { ms } => wait(ms),
        Step::Done(Ok(m)) => succeed(body, &metadata_of(m)),
        Step::Done(Err(e)) => fail(&error(e)),
    }
}

fn metadata_of(m: Metadata) -> JsValue {
    metadata(
        m.http_status_code,
        m.request_id,
        m.attempts,
        m.total_retry_delay,
    )
}

/// The JavaScript `Error` for `e`: `name`, `message`, `$fault`, `$metadata`,
/// and where they apply `field`, `problems`, `reasonCode`, and
/// `earlierAttemptMayHaveSucceeded`.
pub fn error(e: Error) -> JsValue {
    let js: JsValue = js_sys::Error::new(&e.message).into();
    put(&js, "name", &JsValue::from_str(&e.name));
    put(&js, "$fault", &JsValue::from_str(e.fault.as_str()));
    put(&js, "$metadata", &metadata_of(e.metadata.clone()));
    if let Some(field) = e.field() {
        put(&js, "field", &JsValue::from_str(field));
        let problems: js_sys::Array = e
            .problems
            .iter()
            .map(|p| {
                let o = Object::new();
                put(&o, "field", &JsValue::from_str(&p.field));
                put(&o, "message", &JsValue::from_str(&p.message));
                JsValue::from(o)
            })
            .collect();
        put(&js, "problems", &problems);
    }
    if let Some(code) = &e.reason_code {
        put(&js, "reasonCode", &JsValue::from_str(code));
    }
    put(
        &js,
        "earlierAttemptMayHaveSucceeded",
        &JsValue::from_bool(e.earlier_attempt_may_have_succeeded),
    );
    js
}
