//! Small text helpers that avoid `core::fmt` (which would cost kilobytes in
//! the wasm build).
use alloc::string::String;

/// Appends the decimal digits of `n` to `out`.
pub(crate) fn push_decimal(out: &mut String, n: u32) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Appends `n` (below 0x10000) as four lowercase hex digits.
pub(crate) fn push_hex4(out: &mut String, n: u32) {
    for shift in [12, 8, 4, 0] {
        let digit = (n >> shift) & 0xF;
        out.push(char::from_digit(digit, 16).unwrap_or('0'));
    }
}

/// The number of Unicode scalar values in `s` (its UTF-8 lead bytes), the
/// unit of Smithy's `@length`.
pub(crate) fn char_count(s: &str) -> u32 {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count() as u32
}

/// The part of `s` before the first ASCII byte `stop` accepts (all of `s`
/// if none does). Byte-wise, to keep `str` pattern searchers out of the
/// wasm build; ASCII bytes never occur inside a multi-byte character.
pub(crate) fn before(s: &str, stop: impl Fn(u8) -> bool) -> &str {
    let end = s.bytes().position(stop).unwrap_or(s.len());
    s.get(..end).unwrap_or(s)
}

/// `s` split at its last `delimiter` (an ASCII byte), which is dropped.
pub(crate) fn split_last(s: &str, delimiter: u8) -> Option<(&str, &str)> {
    let at = s.bytes().rposition(|b| b == delimiter)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_count_counts_scalar_values() {
        for s in ["", "a", "é", "名前", "😀x", "a\u{0}b"] {
            assert_eq!(char_count(s) as usize, s.chars().count(), "{s}");
        }
    }

    #[test]
    fn byte_wise_splits() {
        assert_eq!(before("a:b:c", |b| b == b':'), "a");
        assert_eq!(before("abc", |b| b == b':'), "abc");
        assert_eq!(before("é/x", |b| b == b'/'), "é");
        assert_eq!(
            split_last("us-east-1_abc_D", b'_'),
            Some(("us-east-1_abc", "D"))
        );
        assert_eq!(split_last("none", b'_'), None);
    }

    #[test]
    fn decimal_digits() {
        for n in [0, 7, 10, 99, 128, 4_294_967_295] {
            let mut s = String::new();
            push_decimal(&mut s, n);
            assert_eq!(s, format!("{n}"));
        }
    }
}
