//! The wasm shell: synchronous steps exported to JavaScript, and the
//! platform parts the core leaves out (`RegExp`, JSON, JS values).
//!
//! The shell never awaits: `js/call.js` drives a call, awaiting the
//! platform (`js/platform.js`: fetch, waits, WebCrypto) between the steps
//! `prepare` and `settle` (or `fail`), which hold every decision. An await in Rust would
//! cost the module a state machine, an executor and closures (4.6 KB gzip).
mod interned;
mod js;
mod read;
mod steps;

pub use steps::{fail, settle};

use alloc::vec::Vec;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::error::{Error, Problem};
use crate::password_policy::unmet_rules;

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

/// Reads and checks a call of operation `op` (0 SignUp, 1 ConfirmSignUp,
/// 2 ResendConfirmationCode): throws the refusal listing every problem, or
/// returns the plan `{ url, headers, body, timeoutMs, signal, state }`, where
/// `state` (a number) is the attempts so far.
/// With `config.clientSecret` it first returns `{ hmac: [secret, message] }`;
/// call again with the SecretHash (Base64 of that HMAC-SHA256) as
/// `secret_hash`, or `null` if WebCrypto failed.
#[wasm_bindgen(skip_typescript)]
pub fn prepare(
    op: u32,
    input: JsValue,
    config: JsValue,
    secret_hash: JsValue,
) -> Result<JsValue, JsValue> {
    steps::prepare(op, &input, &config, &secret_hash).map_err(js::error)
}

/// Every rule of a pool's password policy that `password` does not meet,
/// by its `PasswordPolicyType` name, for live UI.
#[wasm_bindgen(js_name = checkPassword, skip_typescript)]
pub fn check_password(password: JsValue, policy: JsValue) -> Result<Array, JsValue> {
    let mut problems = Vec::new();
    let policy = read::password_policy(&policy, "policy", &mut problems).unwrap_or_default();
    let password = password.as_string();
    if password.is_none() {
        problems.push(Problem::new("password", "must be a string"));
    }
    if !problems.is_empty() {
        return Err(js::error(Error::refused(problems)));
    }
    let unmet = unmet_rules(&password.unwrap_or_default(), &policy);
    Ok(unmet
        .iter()
        .map(|rule| JsValue::from_str(rule.name()))
        .collect())
}
