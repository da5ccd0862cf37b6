//! JavaScript bindings and conversions shared by the shell.
use alloc::string::String;

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::interned::{key_list, string, whole_match};

use crate::checks::PatternMatcher;
use crate::error::{Error, Metadata};
use crate::operation::JsonKind;
use crate::response::JsonObject;

#[wasm_bindgen(module = "/src/wasm/values.js")]
extern "C" {
    /// `target[key]`, or `undefined` if it is `null` or reading it throws.
    #[wasm_bindgen(js_name = get)]
    fn get_dynamic(target: &JsValue, key: &JsValue) -> JsValue;
    /// Whether `value` is a non-null, non-array object.
    #[wasm_bindgen(js_name = isPlainObject)]
    pub fn is_plain_object(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = put)]
    fn put(target: &JsValue, key: &JsValue, value: &JsValue);
    #[wasm_bindgen(js_name = unknownKeys)]
    fn unknown_keys(target: &JsValue, allowed: &JsValue) -> Array;
    /// `prepare`'s plan: `{ url, headers, body, timeoutMs, signal, state }`.
    pub fn plan(
        url: &JsValue,
        headers: &JsValue,
        body: &str,
        timeout_ms: u32,
        signal: &JsValue,
        state: f64,
    ) -> JsValue;
    /// The verdict on a failed attempt: `{ error, wait, state }`.
    pub fn verdict(error: &JsValue, wait: Option<u32>, state: f64) -> JsValue;
    #[wasm_bindgen(js_name = succeed)]
    fn success_verdict(
        value: &JsValue,
        http_status_code: u16,
        request_id: &JsValue,
        attempts: u32,
        total_retry_delay: u32,
        state: f64,
    ) -> JsValue;
    #[wasm_bindgen(js_name = metadata)]
    fn metadata_object(
        http_status_code: Option<u16>,
        request_id: &JsValue,
        attempts: u32,
        total_retry_delay: u32,
    ) -> JsValue;
    #[wasm_bindgen(js_name = hasType)]
    fn has_type(target: &JsValue, key: &JsValue, type_name: &JsValue) -> bool;
}

/// `target[name]`, or `undefined` if it is `null` or reading it throws.
pub fn get(target: &JsValue, name: &'static str) -> JsValue {
    get_dynamic(target, string(name))
}

/// `target[name] = value` on an object this module created.
pub fn set(target: &JsValue, name: &'static str, value: &JsValue) {
    put(target, string(name), value);
}

/// The own enumerable keys of `target` that are not in `allowed`.
pub fn unknown(target: &JsValue, allowed: &'static [&'static str]) -> Array {
    unknown_keys(target, key_list(allowed))
}

/// The verdict on a successful attempt: `{ value, state }`, where `value`
/// is `body` given its `$metadata` (`status` and `request_id`, a JS string or
/// `undefined`, with `m`'s counts).
pub fn success(
    body: &JsValue,
    status: u16,
    request_id: &JsValue,
    m: &Metadata,
    state: f64,
) -> JsValue {
    success_verdict(
        body,
        status,
        request_id,
        m.attempts,
        m.total_retry_delay,
        state,
    )
}

/// `$metadata` as the AWS SDK shapes it, with `request_id` (a JS string
/// or `undefined`) in place of `m.request_id`.
fn metadata(m: &Metadata, request_id: &JsValue) -> JsValue {
    metadata_object(
        m.http_status_code,
        request_id,
        m.attempts,
        m.total_retry_delay,
    )
}

/// The JavaScript `Error` for `e`: `name`, `message`, `$fault`, `$metadata`,
/// and where they apply `field`, `problems`, `reasonCode`, `cause`.
pub fn error(e: Error) -> JsValue {
    let js: JsValue = js_sys::Error::new(&e.message).into();
    set(&js, "name", &JsValue::from_str(&e.name));
    set(&js, "$fault", &JsValue::from_str(e.fault.as_str()));
    let request_id = e.metadata.request_id.as_deref().map(JsValue::from_str);
    let metadata = metadata(&e.metadata, &request_id.unwrap_or_default());
    set(&js, "$metadata", &metadata);
    if let Some(field) = e.field() {
        set(&js, "field", &JsValue::from_str(field));
        let problems: js_sys::Array = e
            .problems
            .iter()
            .map(|p| {
                let o = Object::new();
                set(&o, "field", &JsValue::from_str(&p.field));
                set(&o, "message", &JsValue::from_str(&p.message));
                JsValue::from(o)
            })
            .collect();
        set(&js, "problems", &problems);
    }
    if let Some(code) = &e.reason_code {
        set(&js, "reasonCode", &JsValue::from_str(code));
    }
    set(
        &js,
        "earlierAttemptMayHaveSucceeded",
        &JsValue::from_bool(e.earlier_attempt_may_have_succeeded),
    );
    js
}

/// Matches patterns with the platform's `RegExp` and its `u` flag, so no
/// Unicode tables ship in the module.
pub struct RegExpMatcher;

impl PatternMatcher for RegExpMatcher {
    fn full_match(&self, pattern: &'static str, value: &str) -> bool {
        whole_match(pattern).test(value)
    }
}

/// A response body parsed by the platform, seen by the core.
pub struct JsBody<'a>(pub &'a JsValue);

impl JsonObject for JsBody<'_> {
    fn string(&self, key: &'static str) -> Option<String> {
        get(self.0, key).as_string()
    }
    fn has(&self, key: &'static str, kind: JsonKind) -> bool {
        let type_name = match kind {
            JsonKind::String => "string",
            JsonKind::Boolean => "boolean",
        };
        has_type(self.0, string(key), string(type_name))
    }
}
