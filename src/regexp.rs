//! Patterns matched by the platform's `RegExp` with its `u` flag, so that no
//! Unicode tables ship in the module. Both doors use it on wasm32.
use js_sys::RegExp;

use crate::checks::PatternMatcher;

/// Matches a whole value against a pattern with `RegExp(…, "u")`.
pub struct RegExpMatcher;

impl PatternMatcher for RegExpMatcher {
    fn full_match(&self, pattern: &'static str, value: &str) -> bool {
        RegExp::new(&["^(?:", pattern, ")$"].concat(), "u").test(value)
    }
}
