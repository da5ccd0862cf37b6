//! Signs one user up at `$ENDPOINT` with aws-sdk-cognitoidentityprovider and prints the UserSub.
use aws_sdk_cognitoidentityprovider::config::{BehaviorVersion, Region};
use aws_sdk_cognitoidentityprovider::types::AttributeType;
use aws_sdk_cognitoidentityprovider::{Client, Config};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), aws_sdk_cognitoidentityprovider::Error> {
    let endpoint = std::env::var("ENDPOINT").expect("ENDPOINT");
    let config = Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"));
    let client = Client::from_conf(config.endpoint_url(endpoint).build());
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
