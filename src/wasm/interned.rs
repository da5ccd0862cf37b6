//! JS values made once from the module's fixed strings (property names,
//! header values, lists of names, patterns), and the last endpoint URL.
//! Decoding a string out of wasm memory costs several property accesses, so
//! each is made on first use and kept for the module's lifetime.
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;

use js_sys::{Array, RegExp};
use wasm_bindgen::{JsCast, JsValue};

/// JS values keyed by the address and size of the `'static` item they were
/// made from: such an item never moves or changes, so its address names it.
struct Interned(UnsafeCell<Vec<(usize, usize, Box<JsValue>)>>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for Interned {}

static STRINGS: Interned = Interned(UnsafeCell::new(Vec::new()));
static KEY_LISTS: Interned = Interned(UnsafeCell::new(Vec::new()));
static PATTERNS: Interned = Interned(UnsafeCell::new(Vec::new()));

impl Interned {
    /// The value made by `make` from `item`, made on first use.
    fn get<T: ?Sized>(
        &'static self,
        item: &'static T,
        make: impl FnOnce() -> JsValue,
    ) -> &'static JsValue {
        let id = (
            item as *const T as *const u8 as usize,
            core::mem::size_of_val(item),
        );
        // SAFETY: one thread, and no reference into the list outlives these
        // statements (`make` runs between them and may use other caches).
        let found = unsafe { &*self.0.get() }
            .iter()
            .find(|(address, size, _)| (*address, *size) == id)
            .map(|(_, _, value)| &**value as *const JsValue);
        let value = match found {
            Some(value) => value,
            None => {
                let value = Box::new(make());
                let pointer = &*value as *const JsValue;
                unsafe { &mut *self.0.get() }.push((id.0, id.1, value));
                pointer
            }
        };
        // SAFETY: entries are boxed and never removed, so the value lives
        // as long as the module.
        unsafe { &*value }
    }
}

/// The JS string `s`.
pub fn string(s: &'static str) -> &'static JsValue {
    STRINGS.get(s, || JsValue::from_str(s))
}

/// The JS array of the strings `names`.
pub fn key_list(names: &'static [&'static str]) -> &'static JsValue {
    KEY_LISTS.get(names, || {
        names
            .iter()
            .map(|name| string(name))
            .collect::<Array>()
            .into()
    })
}

/// The last endpoint URL, as a Rust and a JS string: most pages call one.
struct LastUrl(UnsafeCell<Option<(String, JsValue)>>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for LastUrl {}

static LAST_URL: LastUrl = LastUrl(UnsafeCell::new(None));

/// The JS string `url`, kept until another URL is asked for.
pub fn url(url: String) -> JsValue {
    // SAFETY: one thread, and the reference ends with this function, which
    // calls no other code that could reach the cache.
    let last = unsafe { &mut *LAST_URL.0.get() };
    match last {
        Some((kept, value)) if *kept == url => value.clone(),
        _ => {
            let value = JsValue::from_str(&url);
            *last = Some((url, value.clone()));
            value
        }
    }
}

/// `pattern` as a `RegExp` that must match a whole string, with the `u` flag.
pub fn whole_match(pattern: &'static str) -> &'static RegExp {
    PATTERNS
        .get(pattern, || {
            RegExp::new(&["^(?:", pattern, ")$"].concat(), "u").into()
        })
        .unchecked_ref()
}
