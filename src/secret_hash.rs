//! `SecretHash` = Base64(HMAC-SHA256(client secret, Username + ClientId)).
//!
//! The HMAC itself is the platform's (WebCrypto's `crypto.subtle` in the
//! wasm build): this module builds its message and encodes its result.
use alloc::string::String;

/// The HMAC message: the username followed by the client id.
pub fn message(username: &str, client_id: &str) -> String {
    [username, client_id].concat()
}

/// Standard Base64 with padding, as Cognito expects the SecretHash.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
