//! SecretHash with the platform's WebCrypto (`crypto.subtle`, through
//! `js/platform.js`), so no hash code ships in the module.
use alloc::string::String;
use alloc::vec;

use js_sys::futures::JsFuture;
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::error::{Error, Problem};
use crate::secret_hash::{base64, message};

#[wasm_bindgen(module = "/js/platform.js")]
extern "C" {
    /// HMAC-SHA256 of `message` under `secret`, as a `Uint8Array`.
    #[wasm_bindgen(js_name = hmacSha256)]
    fn hmac_sha256(secret: &str, message: &str) -> Promise;
}

/// Base64(HMAC-SHA256(`secret`, `username` + `client_id`)).
pub async fn secret_hash(secret: &str, username: &str, client_id: &str) -> Result<String, Error> {
    match JsFuture::from(hmac_sha256(secret, &message(username, client_id))).await {
        Ok(signature) => Ok(base64(&Uint8Array::new(&signature).to_vec())),
        Err(_) => Err(Error::refused(vec![Problem::new(
            "config.clientSecret",
            "needs WebCrypto (crypto.subtle), which failed",
        )])),
    }
}
