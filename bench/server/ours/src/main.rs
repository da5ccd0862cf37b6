//! Signs one user up at `$ENDPOINT` with cognito-signup and prints the UserSub.
use cognito_signup::types::AttributeType;
use cognito_signup::{Client, Config};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), cognito_signup::Error> {
    let endpoint = std::env::var("ENDPOINT").expect("ENDPOINT");
    let client = Client::from_conf(
        Config::builder()
            .region("us-east-1")
            .endpoint_url(endpoint)
            .build(),
    );
    let email = AttributeType::builder()
        .name("email")
        .value("alice@example.com")
        .build()?;
    let call = client
        .sign_up()
        .client_id("1example23456789")
        .username("alice")
        .password("Corr3ct-Horse!");
    let out = call.user_attributes(email).send().await?;
    println!("{}", out.user_sub());
    Ok(())
}
