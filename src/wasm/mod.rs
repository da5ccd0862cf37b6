//! The wasm shell: it translates JavaScript values into the core's types and
//! the call machine's steps into JavaScript objects, and nothing else.
//!
//! The shell never awaits: `js/call.js` drives a call, performing each step
//! with the platform (`js/platform.js`: fetch, waits, WebCrypto) and handing
//! back what happened through one export per event. An await in Rust would
//! cost the module a state machine, an executor and closures (4.6 KB gzip).
mod calls;
mod read;
#[cfg(feature = "srp")]
mod sign_in;
mod write;

use alloc::string::String;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::call::{Call, Event, Failure, Step};
use crate::error::{Error, Problem};
use crate::operation::Operation;
use crate::password_policy::unmet_rules;
use crate::regexp::RegExpMatcher;
use crate::response::HttpResponse;
use read::JsBody;

#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without atomics runs one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// A panic in the shipped module is a bug: trap instead of formatting it.
#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Starts a call of operation `op` (0 SignUp, 1 ConfirmSignUp, 2
/// ResendConfirmationCode, 3 InitiateAuth): throws the refusal listing every problem, or
/// returns `{ call, signal, step }`: the call's number for the next events,
/// `config.abortSignal`, and the first step.
#[wasm_bindgen(skip_typescript)]
pub fn start(op: u32, input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let Some(op) = Operation::from_index(op) else {
        return Err(js_sys::Error::new("cognito-signup: no such operation").into());
    };
    let (request, options, found) = read::call(op, &input, &config);
    let signal = options.abort_signal.map(JsValue::from).unwrap_or_default();
    let random = js_sys::Math::random;
    let call = Call::new(op, request, options.config, found, &RegExpMatcher, random);
    let (number, step) = calls::start(call.map_err(write::error)?);
    Ok(write::started(
        number,
        &signal,
        &write::step(step, &JsValue::UNDEFINED),
    ))
}

/// The step after the SecretHash (Base64 of the HMAC-SHA256 asked for), or
/// after `undefined` when WebCrypto failed.
#[wasm_bindgen(skip_typescript)]
pub fn hashed(call: u32, secret_hash: Option<String>) -> JsValue {
    next(call, Event::SecretHash(secret_hash), &JsValue::UNDEFINED)
}

/// The step after an answer: its HTTP `status`, `x-amzn-requestid`,
/// `x-amzn-errortype` (read for failures only), and `body` parsed as JSON
/// (`undefined` when it is not).
#[wasm_bindgen(skip_typescript)]
pub fn answered(
    call: u32,
    status: u16,
    request_id: Option<String>,
    error_type: Option<String>,
    body: JsValue,
) -> JsValue {
    let seen = read::is_plain_object(&body).then_some(JsBody(&body));
    let answer = HttpResponse {
        status,
        request_id: request_id.as_deref(),
        error_type_header: error_type.as_deref(),
        body: seen.as_ref(),
    };
    next(call, Event::Answer(answer), &body)
}

/// The step after a request that got no answer because the network failed,
/// in the platform's `words`.
#[wasm_bindgen(skip_typescript)]
pub fn failed(call: u32, words: String) -> JsValue {
    next(
        call,
        Event::NoAnswer(Failure::Network(&words)),
        &JsValue::UNDEFINED,
    )
}

/// The step after a request that took longer than its timeout.
#[wasm_bindgen(js_name = timedOut, skip_typescript)]
pub fn timed_out(call: u32) -> JsValue {
    next(call, Event::NoAnswer(Failure::Timeout), &JsValue::UNDEFINED)
}

/// The step after the caller aborted: while the request was in flight when
/// `sent`, else before it was sent or during a wait.
#[wasm_bindgen(skip_typescript)]
pub fn aborted(call: u32, sent: bool) -> JsValue {
    let event = if sent {
        Event::NoAnswer(Failure::Aborted)
    } else {
        Event::Aborted
    };
    next(call, event, &JsValue::UNDEFINED)
}

/// The step after a wait.
#[wasm_bindgen(skip_typescript)]
pub fn waited(call: u32) -> JsValue {
    next(call, Event::WaitOver, &JsValue::UNDEFINED)
}

/// Every rule of a pool's password policy that `password` does not meet,
/// by its `PasswordPolicyType` name, for live UI.
#[wasm_bindgen(js_name = checkPassword, skip_typescript)]
pub fn check_password(password: JsValue, policy: JsValue) -> Result<Array, JsValue> {
    let (policy, mut problems) = read::password_policy(&policy, "policy");
    let password = password.as_string();
    if password.is_none() {
        problems.push(Problem::new("password", "must be a string"));
    }
    if !problems.is_empty() {
        return Err(write::error(Error::refused(problems)));
    }
    let unmet = unmet_rules(&password.unwrap_or_default(), &policy.unwrap_or_default());
    Ok(unmet
        .iter()
        .map(|rule| JsValue::from_str(rule.name()))
        .collect())
}

/// Call `number`'s step after `event`, as a JS object; a success hands back `body`.
fn next(number: u32, event: Event<'_, JsBody<'_>>, body: &JsValue) -> JsValue {
    let step: Step = calls::resume(number, |call| call.next(event));
    write::step(step, body)
}
