//! JS values made once from the module's fixed strings: property names,
//! lists of them, and patterns. Decoding a string out of wasm memory costs
//! more than the property access it names, so each is made on first use and
//! kept for the module's lifetime.
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::UnsafeCell;

use js_sys::{Array, RegExp};
use wasm_bindgen::{JsCast, JsValue};

/// JS values keyed by the address and size of the `'static` item they were
/// made from: such an item never moves or changes, so its address names it.
struct Interned(UnsafeCell<Vec<(usize, usize, Box<JsValue>)>>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for Interned {}

static KEYS: Interned = Interned(UnsafeCell::new(Vec::new()));
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

/// The JS string `name`, for property access.
pub fn key(name: &'static str) -> &'static JsValue {
    KEYS.get(name, || JsValue::from_str(name))
}

/// The JS array of the strings `names`.
pub fn key_list(names: &'static [&'static str]) -> &'static JsValue {
    KEY_LISTS.get(names, || {
        names.iter().map(|name| key(name)).collect::<Array>().into()
    })
}

/// `pattern` as a `RegExp` that must match a whole string, with the `u` flag.
pub fn whole_match(pattern: &'static str) -> &'static RegExp {
    PATTERNS
        .get(pattern, || {
            RegExp::new(&["^(?:", pattern, ")$"].concat(), "u").into()
        })
        .unchecked_ref()
}
