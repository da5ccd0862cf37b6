//! The wasm shell: the JavaScript exports, and the platform parts the core
//! leaves out (`fetch`, timers, `AbortSignal`, WebCrypto, `RegExp`, JSON).
mod executor;
mod js;
mod read;
mod secret;
mod transport;

use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

use crate::checks;
use crate::error::{Error, Problem};
use crate::http::HttpRequest;
use crate::operation::Operation;
use crate::password_policy::unmet_rules;
use crate::request::Request;
use read::Options;

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

/// Registers a user: Cognito's `SignUp`.
#[wasm_bindgen(js_name = signUp, skip_typescript)]
pub fn sign_up(input: JsValue, config: JsValue) -> Promise {
    start(Operation::SignUp, input, config)
}

/// Confirms a user with the code Cognito sent: `ConfirmSignUp`.
#[wasm_bindgen(js_name = confirmSignUp, skip_typescript)]
pub fn confirm_sign_up(input: JsValue, config: JsValue) -> Promise {
    start(Operation::ConfirmSignUp, input, config)
}

/// Sends the confirmation code again: `ResendConfirmationCode`.
#[wasm_bindgen(js_name = resendConfirmationCode, skip_typescript)]
pub fn resend_confirmation_code(input: JsValue, config: JsValue) -> Promise {
    start(Operation::ResendConfirmationCode, input, config)
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

fn start(op: Operation, input: JsValue, config: JsValue) -> Promise {
    executor::to_promise(async move { call(op, &input, &config).await.map_err(js::error) })
}

/// One call: read and check everything, then send with retries.
async fn call(op: Operation, input: &JsValue, config: &JsValue) -> Result<JsValue, Error> {
    let (mut request, options, url) = prepare(op, input, config)?;
    if let Some(secret) = options.config.client_secret.as_deref() {
        let username = request.username.as_deref().unwrap_or_default();
        let client_id = request.client_id.as_deref().unwrap_or_default();
        request.secret_hash = Some(secret::secret_hash(secret, username, client_id).await?);
    }
    transport::send(&HttpRequest::new(op, url, &request), op, &options).await
}

/// Reads and checks `input` and `config`: the request, the options and the
/// endpoint URL, or the refusal listing every problem.
fn prepare(
    op: Operation,
    input: &JsValue,
    config: &JsValue,
) -> Result<(Request, Options, String), Error> {
    let mut problems = Vec::new();
    let request = read::request(op, input, &mut problems);
    let options = read::options(config, &mut problems);
    let policy = options.config.password_policy.as_ref();
    // A value of the wrong type was read as absent: its field already has a
    // problem, which "is required" would only repeat.
    let mut found = checks::check(op, &request, policy, &js::RegExpMatcher);
    found.retain(|p| !problems.iter().any(|seen| seen.field == p.field));
    problems.append(&mut found);
    let url = options
        .config
        .resolve_url()
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
