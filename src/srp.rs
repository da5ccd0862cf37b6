//! SRP as Cognito runs it (`USER_SRP_AUTH`): the client's side of the
//! exchange, pure and sans-IO, as amazon-cognito-identity-js computes it.
//!
//! [`Srp::new`] draws the secret exponent `a` and gives `SRP_A`; the
//! `PASSWORD_VERIFIER` challenge's `SALT`, `SRP_B`, `SECRET_BLOCK` and
//! `USER_ID_FOR_SRP` then give [`Srp::claim`]: `PASSWORD_CLAIM_SIGNATURE`,
//! HMAC-SHA256 over the pool's name, the user id, the secret block and the
//! timestamp, keyed by the HKDF of the shared secret. The group is RFC 5054's
//! 3072-bit one with `g = 2`; the arithmetic is crypto-bigint's Montgomery
//! form. Every check of the protocol is made: `A mod N ≠ 0` (else `a` is
//! drawn again), `B mod N ≠ 0`, `u ≠ 0`. The password and `a` never leave
//! this module: `Debug` shows neither.
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use base64::alphabet::STANDARD;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD as BASE64};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use crypto_bigint::modular::{FixedMontyForm, FixedMontyParams};
use crypto_bigint::{NonZero, Odd, U3072};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::text::push_decimal;

/// RFC 5054's 3072-bit group, the one Cognito uses: its modulus in hexadecimal.
pub const GROUP_HEX: &str = concat!(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD",
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F",
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510",
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C",
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);
/// The modulus.
const N: U3072 = U3072::from_be_hex(GROUP_HEX);
/// The generator.
const G: U3072 = U3072::from_u8(2);
/// How many random bytes make `a`: 256 bits, twice the 128-bit strength of
/// the 3072-bit group, as RFC 3526 (section 8) and NIST SP 800-56A ask of a
/// secret exponent in it. amazon-cognito-identity-js draws 1,024 bits, which
/// makes the two secret exponentiations four times longer and no stronger
/// (Cognito cannot tell: it sees only `A`); see docs/design.md.
const SECRET_BYTES: usize = 32;
/// The bits of `a`. The exponentiations take no more of their exponents
/// (public bounds: `a` is 256 bits, a hash 256 and `a + u x` 513), a
/// fraction of the group's 3,072 squarings.
const A_BITS: u32 = SECRET_BYTES as u32 * 8;

/// Why the server's challenge cannot be answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SrpError {
    /// `SRP_B` is not hexadecimal, or is longer than the group.
    BadB,
    /// `B mod N` is zero: the server's value would give away the password.
    ZeroB,
    /// `SALT` is not hexadecimal.
    BadSalt,
    /// `SECRET_BLOCK` is not Base64.
    BadSecretBlock,
    /// `u = H(A | B)` is zero.
    ZeroU,
}

impl SrpError {
    /// What went wrong, in a sentence (no secret in it).
    pub fn message(self) -> &'static str {
        match self {
            SrpError::BadB => "SRP_B is not a hexadecimal number below the group's modulus",
            SrpError::ZeroB => "SRP_B is a multiple of the group's modulus",
            SrpError::BadSalt => "SALT is not hexadecimal",
            SrpError::BadSecretBlock => "SECRET_BLOCK is not Base64",
            SrpError::ZeroU => "u = H(A | B) is zero",
        }
    }
}

/// One client's side of one SRP exchange: the secret exponent and `A`.
pub struct Srp {
    a: U3072,
    big_a: U3072,
}

/// Shows `A`, never `a`.
impl fmt::Debug for Srp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Srp")
            .field("a", &"<redacted>")
            .field("srp_a", &self.srp_a())
            .finish()
    }
}

impl Srp {
    /// Draws `a` from `random` (the platform's CSPRNG: `crypto.getRandomValues`,
    /// `getrandom`), again while `A = g^a mod N` is zero.
    pub fn new(mut random: impl FnMut(&mut [u8])) -> Srp {
        loop {
            let mut bytes = [0u8; 384];
            random(&mut bytes[384 - SECRET_BYTES..]);
            let a = U3072::from_be_slice(&bytes);
            let big_a = modulo().of(&G).pow_bounded_exp(&a, A_BITS).retrieve();
            if !bool::from(big_a.is_zero()) {
                return Srp { a, big_a };
            }
        }
    }

    /// `SRP_A`: `A` in hexadecimal, as Cognito reads it.
    pub fn srp_a(&self) -> String {
        hex(&trimmed(&self.big_a))
    }

    /// `PASSWORD_CLAIM_SIGNATURE` (Base64) for the `PASSWORD_VERIFIER`
    /// challenge: `pool_id`'s name (after `_`), the challenge's
    /// `USER_ID_FOR_SRP`, `SALT`, `SRP_B` and `SECRET_BLOCK`, the password,
    /// and `timestamp` ([`timestamp`], sent as `TIMESTAMP`).
    #[allow(clippy::too_many_arguments)]
    pub fn claim(
        &self,
        pool_id: &str,
        user_id: &str,
        password: &str,
        salt: &str,
        srp_b: &str,
        secret_block: &str,
        timestamp: &str,
    ) -> Result<String, SrpError> {
        let pool_name = pool_id.rsplit('_').next().unwrap_or(pool_id);
        let b = from_hex(srp_b).ok_or(SrpError::BadB)?;
        let m = modulo();
        let nonzero = NonZero::new(N).expect("N is not zero");
        if bool::from(b.rem_vartime(&nonzero).is_zero()) {
            return Err(SrpError::ZeroB);
        }
        let salt = unhex(salt).ok_or(SrpError::BadSalt)?;
        let block = decode_block(secret_block)?;
        let u = U3072::from_be_slice(&widen(&sha256(&[&pad(&self.big_a), &pad(&b)])));
        if bool::from(u.is_zero()) {
            return Err(SrpError::ZeroU);
        }
        let k = U3072::from_be_slice(&widen(&sha256(&[&pad(&N), &pad(&G)])));
        let identity = sha256(&[
            pool_name.as_bytes(),
            user_id.as_bytes(),
            b":",
            password.as_bytes(),
        ]);
        let x = U3072::from_be_slice(&widen(&sha256(&[&pad_bytes(&salt), &identity])));
        // S = (B - k g^x)^(a + u x) mod N.
        let base = m
            .of(&b)
            .sub(&m.of(&k).mul(&m.of(&G).pow_bounded_exp(&x, 256)));
        // a + u x: u and x are 256-bit hashes, so at most one bit wider than the wider of a and u x.
        let exponent = self.a.wrapping_add(&u.wrapping_mul(&x));
        let s = base
            .pow_bounded_exp(&exponent, A_BITS.max(512) + 1)
            .retrieve();
        let key = hkdf(&pad(&s), &pad(&u));
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key).expect("HMAC takes any key");
        for part in [
            pool_name.as_bytes(),
            user_id.as_bytes(),
            &block,
            timestamp.as_bytes(),
        ] {
            mac.update(part);
        }
        Ok(BASE64.encode(mac.finalize().into_bytes()))
    }
}

/// `SECRET_BLOCK`'s bytes: Base64 in either alphabet (`+/` or `-_`), padded
/// or not, as Node's `Buffer` (and so amazon-cognito-identity-js) reads it.
/// Cognito's blocks are standard Base64, read the same way either way.
fn decode_block(block: &str) -> Result<Vec<u8>, SrpError> {
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let standard: String = block
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    LENIENT
        .decode(standard)
        .map_err(|_| SrpError::BadSecretBlock)
}

/// The group's Montgomery parameters.
struct Modulo(FixedMontyParams<{ U3072::LIMBS }>);

fn modulo() -> Modulo {
    Modulo(FixedMontyParams::new_vartime(
        Odd::new(N).expect("N is odd"),
    ))
}

impl Modulo {
    /// `x mod N` in Montgomery form.
    fn of(&self, x: &U3072) -> FixedMontyForm<{ U3072::LIMBS }> {
        let nonzero = NonZero::new(N).expect("N is not zero");
        FixedMontyForm::new(&x.rem_vartime(&nonzero), &self.0)
    }
}

/// SHA-256 of the parts, one after the other.
fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
    }
    hash.finalize().into()
}

/// HKDF-SHA256 of `ikm` salted with `salt`, info "Caldera Derived Key": 16 bytes.
fn hkdf(ikm: &[u8], salt: &[u8]) -> [u8; 16] {
    let mut extract = <Hmac<Sha256> as Mac>::new_from_slice(salt).expect("HMAC takes any key");
    extract.update(ikm);
    let prk = extract.finalize().into_bytes();
    let mut expand = <Hmac<Sha256> as Mac>::new_from_slice(&prk).expect("HMAC takes any key");
    expand.update(b"Caldera Derived Key\x01");
    let okm = expand.finalize().into_bytes();
    let mut key = [0u8; 16];
    key.copy_from_slice(&okm[..16]);
    key
}

/// `x`'s big-endian bytes without leading zero bytes (at least one byte).
fn trimmed(x: &U3072) -> Vec<u8> {
    let bytes = x.to_be_bytes();
    let bytes: &[u8] = bytes.as_ref();
    let first = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len() - 1);
    bytes[first..].to_vec()
}

/// A number as SRP hashes it: its bytes, with a zero byte before one whose
/// high bit is set (Java's `BigInteger.toByteArray`, identity-js's `padHex`).
fn pad(x: &U3072) -> Vec<u8> {
    pad_bytes(&trimmed(x))
}

/// `pad` of a number given as big-endian bytes.
fn pad_bytes(bytes: &[u8]) -> Vec<u8> {
    let first = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    let bytes = bytes.get(first..).filter(|b| !b.is_empty()).unwrap_or(&[0]);
    let mut out = Vec::with_capacity(bytes.len() + 1);
    if bytes[0] & 0x80 != 0 {
        out.push(0);
    }
    out.extend_from_slice(bytes);
    out
}

/// A 32-byte hash as a 384-byte big-endian number.
fn widen(hash: &[u8; 32]) -> [u8; 384] {
    let mut wide = [0u8; 384];
    wide[384 - 32..].copy_from_slice(hash);
    wide
}

/// The bytes of a hexadecimal string (an odd length has a leading zero nibble).
fn unhex(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .bytes()
        .map(|c| (c as char).to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    if digits.is_empty() {
        return None;
    }
    let odd = digits.len() % 2;
    let mut bytes = Vec::with_capacity(digits.len() / 2 + 1);
    if odd == 1 {
        bytes.push(digits[0]);
    }
    for pair in digits[odd..].chunks(2) {
        bytes.push(pair[0] << 4 | pair[1]);
    }
    Some(bytes)
}

/// A hexadecimal number that fits the group's width.
fn from_hex(text: &str) -> Option<U3072> {
    let bytes = unhex(text)?;
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let bytes = &bytes[first..];
    if bytes.len() > 384 {
        return None;
    }
    let mut wide = [0u8; 384];
    wide[384 - bytes.len()..].copy_from_slice(bytes);
    Some(U3072::from_be_slice(&wide))
}

/// Lowercase hexadecimal of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// `TIMESTAMP` for `unix_seconds` as Cognito reads it: `Mon Dec 7 12:41:05
/// UTC 2026`, in English and UTC, the day of the month not zero-padded.
pub fn timestamp(unix_seconds: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = unix_seconds / 86_400;
    let seconds = unix_seconds % 86_400;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), from 0000-03-01.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    let mut out = String::new();
    out.push_str(DAYS[(days % 7) as usize]);
    out.push(' ');
    out.push_str(MONTHS[(month - 1) as usize]);
    out.push(' ');
    push_decimal(&mut out, day as u32);
    for (separator, n) in [
        (' ', seconds / 3600),
        (':', seconds / 60 % 60),
        (':', seconds % 60),
    ] {
        out.push(separator);
        if n < 10 {
            out.push('0');
        }
        push_decimal(&mut out, n as u32);
    }
    out.push_str(" UTC ");
    push_decimal(&mut out, year as u32);
    out
}
