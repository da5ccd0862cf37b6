//! Helpers shared by the native tests: the platform parts the core leaves
//! out (a Unicode regex matcher and a JSON parser), and the spec files.
#![allow(dead_code)]

use cognito_signup::checks::PatternMatcher;
use cognito_signup::operation::JsonKind;
use cognito_signup::response::JsonObject;
use serde_json::Value;

/// Matches whole values with the `regex` crate, as the wasm build does with
/// `RegExp(…, "u")`; each pattern is compiled once.
pub struct RegexMatcher;

thread_local! {
    static COMPILED: std::cell::RefCell<std::collections::HashMap<&'static str, regex::Regex>> =
        Default::default();
}

impl PatternMatcher for RegexMatcher {
    fn full_match(&self, pattern: &'static str, value: &str) -> bool {
        COMPILED.with(|compiled| {
            compiled
                .borrow_mut()
                .entry(pattern)
                .or_insert_with(|| regex::Regex::new(&format!("^(?:{pattern})$")).unwrap())
                .is_match(value)
        })
    }
}

/// A parsed JSON body, as `JSON.parse` gives it.
pub struct Json(pub Value);

impl Json {
    /// The body if it is a JSON object, as the wasm shell decides.
    pub fn parse(text: &str) -> Option<Json> {
        serde_json::from_str::<Value>(text)
            .ok()
            .filter(Value::is_object)
            .map(Json)
    }
}

/// Read as the Rust API reads a body (the crate's `JsonObject` for `Value`).
impl JsonObject for Json {
    fn string(&self, key: &'static str) -> Option<String> {
        self.0.string(key)
    }
    fn has(&self, key: &'static str, kind: JsonKind) -> bool {
        self.0.has(key, kind)
    }
}

/// A spec file from `tests/fixtures/spec/`, parsed.
pub fn spec(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/spec/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
