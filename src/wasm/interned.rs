//! JS values made once from the module's fixed strings (property names,
//! header values, lists of names, patterns, each operation's headers), and
//! the last endpoint URL.
//! Decoding a string out of wasm memory costs several property accesses, so
//! each is made on first use and kept for the module's lifetime.
use alloc::boxed::Box;
use alloc::string::String;
use core::cell::UnsafeCell;

use js_sys::{Array, Object, RegExp};
use wasm_bindgen::{JsCast, JsValue};

use super::js::set;

/// Slots per table: far more than the module has fixed strings, lists or
/// patterns, so that lookups rarely probe twice.
const SLOTS: usize = 256;

/// A JS value and the address and size of the `'static` item it was made
/// from: such an item never moves or changes, so its address names it.
struct Entry {
    address: usize,
    size: usize,
    value: JsValue,
}

/// An open-addressing hash table of entries, filled as items are first used.
struct Interned(UnsafeCell<[Option<Entry>; SLOTS]>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for Interned {}

static STRINGS: Interned = Interned(UnsafeCell::new([const { None }; SLOTS]));
static KEY_LISTS: Interned = Interned(UnsafeCell::new([const { None }; SLOTS]));
static PATTERNS: Interned = Interned(UnsafeCell::new([const { None }; SLOTS]));
static HEADERS: Interned = Interned(UnsafeCell::new([const { None }; SLOTS]));

impl Interned {
    /// The value made by `make` from `item`, made on first use.
    fn get<T: ?Sized>(
        &'static self,
        item: &'static T,
        make: impl FnOnce() -> JsValue,
    ) -> &'static JsValue {
        let address = item as *const T as *const u8 as usize;
        let size = core::mem::size_of_val(item);
        let start = (address ^ size).wrapping_mul(0x9E37_79B9) >> (usize::BITS - 8);
        for probe in 0..SLOTS {
            let slot = (start + probe) % SLOTS;
            // SAFETY: one thread, and no reference into the table is held
            // while `make` runs (it may use the other tables, never this one).
            match unsafe { &(*self.0.get())[slot] } {
                Some(entry) if entry.address == address && entry.size == size => {
                    return &entry.value
                }
                Some(_) => {}
                None => {
                    let value = make();
                    let table = unsafe { &mut *self.0.get() };
                    return &table[slot]
                        .insert(Entry {
                            address,
                            size,
                            value,
                        })
                        .value;
                }
            }
        }
        // Unreachable while the module has fewer fixed items than slots.
        Box::leak(Box::new(make()))
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

/// The headers object (`pairs`, frozen) of the requests that carry
/// `X-Amz-Target: target`: one per operation.
pub fn headers(target: &'static str, pairs: &[(&'static str, &'static str)]) -> &'static JsValue {
    HEADERS.get(target, || {
        let object = Object::new();
        for (name, value) in pairs {
            set(&object, name, string(value));
        }
        Object::freeze(&object).into()
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
