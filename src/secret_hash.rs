//! `SecretHash` = Base64(HMAC-SHA256(client secret, Username + ClientId)).
//!
//! The HMAC and its Base64 are the platform's (WebCrypto's `crypto.subtle`
//! and `btoa` in `js/platform.js`): this module builds the HMAC's message.
use alloc::string::String;

/// The HMAC message: the username followed by the client id.
pub fn message(username: &str, client_id: &str) -> String {
    [username, client_id].concat()
}
