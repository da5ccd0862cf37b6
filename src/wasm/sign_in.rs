//! `signIn` in the sign-in module (feature `srp`): the core's sign-in
//! (`src/sign_in.rs`) started and answered, each of its calls driven by
//! `js/call.js` as any other. The sign-ins waiting for InitiateAuth's answer
//! are kept here, by that call's number, with their config and signal.
use alloc::vec::Vec;
use core::cell::Cell;

use wasm_bindgen::prelude::*;

use super::calls::{self, SingleThreaded};
use super::{read, write};
use crate::call::Call;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::regexp::RegExpMatcher;
use crate::sign_in::SignIn;

#[wasm_bindgen(module = "/src/wasm/random.js")]
extern "C" {
    /// Fills `bytes` from the platform's CSPRNG (`crypto.getRandomValues`).
    fn fill(bytes: &mut [u8]);
}

/// A sign-in waiting for its InitiateAuth's answer.
type Waiting = (u32, SignIn, Config, JsValue);

/// The sign-ins waiting, by their InitiateAuth call's number.
static WAITING: SingleThreaded<Cell<Vec<Waiting>>> = SingleThreaded(Cell::new(Vec::new()));

/// Starts `signIn`: throws the refusal listing every problem, or returns
/// InitiateAuth's `{ call, signal, step }`, whose `call` names the sign-in
/// for [`sign_in_answer`].
#[wasm_bindgen(js_name = signInStart, skip_typescript)]
pub fn sign_in_start(input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let (request, options, mut found) = read::sign_in(&input, &config);
    let pool = options.config.user_pool_id.clone();
    let (sign_in, initiate) = match SignIn::start(&request, pool.as_deref(), fill) {
        Ok(started) if found.is_empty() => started,
        started => {
            // A value of the wrong type was read as absent: its problem is said once.
            let more = started
                .err()
                .map(|e| e.problems().to_vec())
                .unwrap_or_default();
            let new = more
                .into_iter()
                .filter(|p| !found.iter().any(|f| f.field == p.field));
            found.extend(new.collect::<Vec<_>>());
            return Err(write::error(Error::refused(found)));
        }
    };
    let signal = options.abort_signal.map(JsValue::from).unwrap_or_default();
    let config = options.config;
    let call = Call::new(
        Operation::InitiateAuth,
        initiate,
        config.clone(),
        Vec::new(),
        &RegExpMatcher,
        js_sys::Math::random,
    );
    let (number, step) = calls::start(call.map_err(write::error)?);
    let mut waiting = WAITING.0.take();
    waiting.push((number, sign_in, config, signal.clone()));
    WAITING.0.set(waiting);
    Ok(write::started(
        number,
        &signal,
        &write::step(step, &JsValue::UNDEFINED),
    ))
}

/// What follows InitiateAuth's answer `output` (`undefined` where it
/// failed) for the sign-in of call `number`, at `unix_seconds`: `undefined`
/// where there is nothing to answer (the tokens, or a challenge for the
/// caller), else RespondToAuthChallenge's `{ call, signal, step }`
/// answering `PASSWORD_VERIFIER`. The sign-in is forgotten either way.
#[wasm_bindgen(js_name = signInAnswer, skip_typescript)]
pub fn sign_in_answer(number: u32, output: JsValue, unix_seconds: f64) -> Result<JsValue, JsValue> {
    let mut waiting = WAITING.0.take();
    let at = waiting.iter().position(|w| w.0 == number);
    let found = at.map(|at| waiting.swap_remove(at));
    WAITING.0.set(waiting);
    let Some((_, sign_in, config, signal)) = found.filter(|_| !output.is_undefined()) else {
        return Ok(JsValue::UNDEFINED);
    };
    let parameters = read::get(&output, "ChallengeParameters");
    let challenge = read::get(&output, "ChallengeName").as_string();
    let session = read::get(&output, "Session").as_string();
    let parameter = |name: &str| read::get(&parameters, name).as_string();
    let answer = sign_in.answer(
        challenge.as_deref(),
        parameter,
        session.as_deref(),
        unix_seconds as u64,
    );
    let Some(request) = answer else {
        return Ok(JsValue::UNDEFINED);
    };
    let op = Operation::RespondToAuthChallenge;
    let call = Call::new(
        op,
        request.map_err(write::error)?,
        config,
        Vec::new(),
        &RegExpMatcher,
        js_sys::Math::random,
    );
    let (number, step) = calls::start(call.map_err(write::error)?);
    Ok(write::started(
        number,
        &signal,
        &write::step(step, &JsValue::UNDEFINED),
    ))
}
