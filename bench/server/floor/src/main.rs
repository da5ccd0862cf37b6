//! POSTs a hand-written SignUp body to `$ENDPOINT` with reqwest over rustls
//! (ring) and prints the answer: no checks, no retries, no SecretHash.
use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let endpoint = std::env::var("ENDPOINT")?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth();
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .build()?;
    let body = r#"{"ClientId":"1example23456789","Username":"alice","Password":"Corr3ct-Horse!","UserAttributes":[{"Name":"email","Value":"alice@example.com"}]}"#;
    let answer = client
        .post(endpoint)
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp")
        .body(body)
        .send()
        .await?
        .text()
        .await?;
    let sub = answer
        .split("\"UserSub\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next());
    println!("{}", sub.ok_or("no UserSub")?);
    Ok(())
}
