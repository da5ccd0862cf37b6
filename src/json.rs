//! A JSON object writer for the request body: strings, booleans, arrays of
//! objects and maps, with absent members left out.
use alloc::string::String;

use crate::text::push_hex4;

/// `,"name":`, the key of a member whose name is known when compiling (and
/// needs no escaping), as [`ObjectWriter::member`] takes it: one piece to
/// copy instead of five.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}
pub(crate) use key;

/// Writes one JSON object; members are added in call order.
pub(crate) struct ObjectWriter<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> ObjectWriter<'o> {
    /// Opens an object at the end of `out`.
    pub(crate) fn open(out: &'o mut String) -> ObjectWriter<'o> {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    /// Starts the member whose [`key!`] is `key` and returns the buffer to
    /// write its value into.
    pub(crate) fn member(&mut self, key: &'static str) -> &mut String {
        let first = core::mem::replace(&mut self.empty, false);
        self.out
            .push_str(key.get(usize::from(first)..).unwrap_or(key));
        self.out
    }

    /// Starts a member whose name comes from the input, escaped.
    pub(crate) fn named(&mut self, name: &str) -> &mut String {
        if !core::mem::replace(&mut self.empty, false) {
            self.out.push(',');
        }
        write_string(self.out, name);
        self.out.push(':');
        self.out
    }

    /// Adds the member `key` (see [`key!`]) with `value` when present.
    pub(crate) fn string(&mut self, key: &'static str, value: &Option<String>) {
        if let Some(value) = value {
            write_string(self.member(key), value);
        }
    }

    /// Closes the object.
    pub(crate) fn close(self) {
        self.out.push('}');
    }
}

/// Writes `s` as a JSON string, copying the runs that need no escape whole.
pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "\\u",
            _ => continue,
        };
        // `i` is at an ASCII byte, so on a character boundary.
        out.push_str(s.get(run..i).unwrap_or_default());
        out.push_str(escape);
        if escape == "\\u" {
            push_hex4(out, b.into());
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}
