//! SecretHash with the platform's WebCrypto (`crypto.subtle`), so no hash
//! code ships in the module.
use alloc::string::String;
use alloc::vec;

use js_sys::futures::JsFuture;
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;

use super::js::{get, set};
use crate::error::{Error, Problem};
use crate::secret_hash::{base64, message};

#[wasm_bindgen]
extern "C" {
    /// `globalThis`, in pages, workers and Node alike.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;
    /// `SubtleCrypto`.
    type Subtle;
    #[wasm_bindgen(method, catch, js_name = importKey)]
    fn import_key(
        this: &Subtle,
        format: &str,
        key: &[u8],
        algorithm: &Object,
        extractable: bool,
        usages: &Array,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn sign(
        this: &Subtle,
        algorithm: &str,
        key: &JsValue,
        data: &[u8],
    ) -> Result<js_sys::Promise, JsValue>;
}

/// Base64(HMAC-SHA256(`secret`, `username` + `client_id`)).
pub async fn secret_hash(secret: &str, username: &str, client_id: &str) -> Result<String, Error> {
    match hmac_sha256(secret, &message(username, client_id)).await {
        Ok(signature) => Ok(base64(&Uint8Array::new(&signature).to_vec())),
        Err(_) => Err(Error::refused(vec![Problem::new(
            "config.clientSecret",
            "needs WebCrypto (crypto.subtle), which failed",
        )])),
    }
}

/// The HMAC-SHA256 signature of `message` with `secret`, as an ArrayBuffer.
async fn hmac_sha256(secret: &str, message: &str) -> Result<JsValue, JsValue> {
    let subtle: Subtle = GLOBAL_THIS
        .with(|global| get(&get(global, "crypto"), "subtle"))
        .unchecked_into();
    let algorithm = Object::new();
    set(&algorithm, "name", &"HMAC".into());
    set(&algorithm, "hash", &"SHA-256".into());
    let usages = Array::of1(&"sign".into());
    let key = subtle.import_key("raw", secret.as_bytes(), &algorithm, false, &usages)?;
    let key = JsFuture::from(key).await?;
    JsFuture::from(subtle.sign("HMAC", &key, message.as_bytes())?).await
}
