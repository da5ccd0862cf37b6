//! A JSON object writer for the request body: strings, booleans, arrays of
//! objects and maps, with absent members left out.
use alloc::string::String;

use crate::text::push_hex4;

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

    /// Starts member `name` and returns the buffer to write its value into.
    pub(crate) fn member(&mut self, name: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_string(self.out, name);
        self.out.push(':');
        self.out
    }

    /// Adds `name: "value"` when `value` is present.
    pub(crate) fn string(&mut self, name: &str, value: &Option<String>) {
        if let Some(value) = value {
            write_string(self.member(name), value);
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
