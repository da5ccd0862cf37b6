//! The last valid config and its endpoint URL, kept so that a page passing
//! the same config on every call reads and resolves it once. `values.js`
//! compares a config with the kept one: the same own properties, in order,
//! with identical values, on a plain object, and no nested objects (whose
//! contents could change unseen) but an `AbortSignal`.
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::read::{self, Options};
use crate::error::Problem;

#[wasm_bindgen(module = "/src/wasm/values.js")]
extern "C" {
    #[wasm_bindgen(js_name = sameAsKept)]
    fn same_as_kept(config: &JsValue) -> bool;
    #[wasm_bindgen(js_name = keep)]
    fn keep(config: &JsValue) -> bool;
}

/// The options and URL of the config `values.js` keeps, if any.
struct Kept(RefCell<Option<(Options, String)>>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for Kept {}

static KEPT: Kept = Kept(RefCell::new(None));

/// `config` read into options (its problems go to `problems`) and resolved
/// to its endpoint URL, or why it has none.
pub fn options_and_url(
    config: &JsValue,
    problems: &mut Vec<Problem>,
) -> (Options, Result<String, Problem>) {
    if same_as_kept(config) {
        if let Some((options, url)) = KEPT.0.borrow().as_ref() {
            return (options.clone(), Ok(url.clone()));
        }
    }
    let before = problems.len();
    let options = read::options(config, problems);
    let url = options.config.resolve_url();
    if let (true, Ok(url)) = (problems.len() == before, &url) {
        let kept = keep(config).then(|| (options.clone(), url.clone()));
        *KEPT.0.borrow_mut() = kept;
    }
    (options, url)
}
