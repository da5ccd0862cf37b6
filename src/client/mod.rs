//! The Rust API: a `Client` shaped like aws-sdk-cognitoidentityprovider's,
//! for Rust web apps on wasm32 (Leptos, Yew, Dioxus) and for servers and
//! tools. It drives the core's call machine, as the npm package's
//! `js/call.js` does, performing its steps with the platform ([`transport`]:
//! gloo-net on wasm32, reqwest on tokio elsewhere).
use std::borrow::Cow;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::call::Call;
use crate::config::{self, MAX_TIMEOUT_MS};
use crate::error::{Error, Problem};
use crate::operation::{JsonKind, Member, Operation};
use crate::password_policy::PasswordPolicy;
use crate::request::Request;
use crate::response::JsonObject;
use transport::{perform, Http, MATCHER};
use types::{
    AnalyticsMetadataType, AssociateSoftwareTokenOutput, AttributeType, AuthFlowType,
    ChallengeNameType, CompleteWebAuthnRegistrationOutput, ConfirmSignUpOutput, InitiateAuthOutput,
    Output, ResendConfirmationCodeOutput, RespondToAuthChallengeOutput, SignUpOutput,
    StartWebAuthnRegistrationOutput, UserContextDataType, VerifySoftwareTokenOutput,
};

#[cfg(all(feature = "srp", not(target_arch = "wasm32")))]
mod sign_in;
mod transport;
pub mod types;

#[cfg(all(feature = "srp", not(target_arch = "wasm32")))]
pub use sign_in::SignIn;

/// An AWS region, e.g. `eu-west-1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region(Cow<'static, str>);

impl Region {
    /// The region named `name`.
    pub fn new(name: impl Into<Cow<'static, str>>) -> Region {
        Region(name.into())
    }
}

impl From<&str> for Region {
    fn from(name: &str) -> Region {
        Region(Cow::Owned(name.into()))
    }
}

impl From<String> for Region {
    fn from(name: String) -> Region {
        Region(Cow::Owned(name))
    }
}

/// Where and how calls go: what [`Config::builder`] built.
#[derive(Clone, Debug)]
pub struct Config(config::Config);

impl Config {
    /// A builder with the defaults: 3 attempts, no timeout.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder(config::Config::new())
    }
}

/// Builds a [`Config`]; a bad setting is refused by the first `send()`.
#[derive(Clone, Debug)]
pub struct ConfigBuilder(config::Config);

impl ConfigBuilder {
    /// The region, e.g. `"eu-west-1"` or `Region::new("eu-west-1")`.
    pub fn region(mut self, region: impl Into<Region>) -> Self {
        self.0.region = Some(region.into().0.into_owned());
        self
    }
    /// The user pool id, e.g. `eu-west-1_AbC123`: gives the region when none is set.
    pub fn user_pool_id(mut self, id: impl Into<String>) -> Self {
        self.0.user_pool_id = Some(id.into());
        self
    }
    /// An endpoint in place of the region's: `https://`, or `http://` to loopback only.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.0.endpoint = Some(url.into());
        self
    }
    /// Use the FIPS endpoint.
    pub fn use_fips(mut self, fips: bool) -> Self {
        self.0.use_fips_endpoint = fips;
        self
    }
    /// Use the dual-stack (IPv6) endpoint.
    pub fn use_dual_stack(mut self, dual_stack: bool) -> Self {
        self.0.use_dualstack_endpoint = dual_stack;
        self
    }
    /// The app client's secret: each call computes its SecretHash. Server-side only.
    pub fn client_secret(mut self, secret: impl Into<String>) -> Self {
        self.0.client_secret = Some(secret.into());
        self
    }
    /// The pool's password policy, checked before SignUp is sent.
    pub fn password_policy(mut self, policy: PasswordPolicy) -> Self {
        self.0.password_policy = Some(policy);
        self
    }
    /// The most attempts per call, 1 to 10 (1 disables retries).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.0.max_attempts = attempts;
        self
    }
    /// The longest one attempt may take.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        let ms = timeout.as_millis().min(u128::from(MAX_TIMEOUT_MS) + 1);
        self.0.timeout_ms = Some(ms as u32);
        self
    }
    /// The config.
    pub fn build(self) -> Config {
        Config(self.0)
    }
}

/// Calls the three operations of a sign-up, and the sign-in that may end it.
/// Cheap to clone; clones share their connections.
#[derive(Clone, Debug)]
pub struct Client {
    config: Arc<config::Config>,
    http: Http,
}

impl Client {
    /// A client with `config`.
    pub fn from_conf(config: Config) -> Client {
        Client {
            config: Arc::new(config.0),
            http: Http::new(),
        }
    }

    /// A SignUp call to build and `send()`.
    pub fn sign_up(&self) -> FluentBuilder<SignUp> {
        self.call()
    }

    /// A ConfirmSignUp call to build and `send()`.
    pub fn confirm_sign_up(&self) -> FluentBuilder<ConfirmSignUp> {
        self.call()
    }

    /// A ResendConfirmationCode call to build and `send()`.
    pub fn resend_confirmation_code(&self) -> FluentBuilder<ResendConfirmationCode> {
        self.call()
    }

    /// An InitiateAuth call to build and `send()`: signs the user in with
    /// `AuthFlowType::UserAuth` and the `Session` of ConfirmSignUp, or
    /// `AuthFlowType::UserPasswordAuth` and the password.
    pub fn initiate_auth(&self) -> FluentBuilder<InitiateAuth> {
        self.call()
    }

    /// A RespondToAuthChallenge call to build and `send()`: answers the
    /// challenge that InitiateAuth (or an earlier answer) returned.
    pub fn respond_to_auth_challenge(&self) -> FluentBuilder<RespondToAuthChallenge> {
        self.call()
    }

    /// An AssociateSoftwareToken call to build and `send()`: an
    /// authenticator app's secret, for the `MFA_SETUP` session or a
    /// signed-in user's access token.
    pub fn associate_software_token(&self) -> FluentBuilder<AssociateSoftwareToken> {
        self.call()
    }

    /// A VerifySoftwareToken call to build and `send()`: the app's first
    /// code, which finishes its setup.
    pub fn verify_software_token(&self) -> FluentBuilder<VerifySoftwareToken> {
        self.call()
    }

    /// A StartWebAuthnRegistration call to build and `send()`: a signed-in
    /// user's passkey registration begins, with the options for the browser.
    pub fn start_web_authn_registration(&self) -> FluentBuilder<StartWebAuthnRegistration> {
        self.call()
    }

    /// A CompleteWebAuthnRegistration call to build and `send()`: registers
    /// the passkey the browser created.
    pub fn complete_web_authn_registration(&self) -> FluentBuilder<CompleteWebAuthnRegistration> {
        self.call()
    }

    fn call<O>(&self) -> FluentBuilder<O> {
        FluentBuilder {
            config: self.config.clone(),
            http: self.http.clone(),
            request: Request::default(),
            op: PhantomData,
        }
    }
}

/// An operation of the Rust API and its output.
pub trait Op {
    /// The operation.
    const OPERATION: Operation;
    /// What a success returns.
    type Output: Output;
}

/// SignUp: registers a user.
#[derive(Debug)]
pub enum SignUp {}
/// ConfirmSignUp: confirms a user with the code Cognito sent.
#[derive(Debug)]
pub enum ConfirmSignUp {}
/// ResendConfirmationCode: sends the code again.
#[derive(Debug)]
pub enum ResendConfirmationCode {}
/// InitiateAuth: signs the user in.
#[derive(Debug)]
pub enum InitiateAuth {}

impl Op for SignUp {
    const OPERATION: Operation = Operation::SignUp;
    type Output = SignUpOutput;
}
impl Op for ConfirmSignUp {
    const OPERATION: Operation = Operation::ConfirmSignUp;
    type Output = ConfirmSignUpOutput;
}
impl Op for ResendConfirmationCode {
    const OPERATION: Operation = Operation::ResendConfirmationCode;
    type Output = ResendConfirmationCodeOutput;
}
impl Op for InitiateAuth {
    const OPERATION: Operation = Operation::InitiateAuth;
    type Output = InitiateAuthOutput;
}

/// RespondToAuthChallenge: answers a challenge of the sign-in.
#[derive(Debug)]
pub enum RespondToAuthChallenge {}

impl Op for RespondToAuthChallenge {
    const OPERATION: Operation = Operation::RespondToAuthChallenge;
    type Output = RespondToAuthChallengeOutput;
}

/// AssociateSoftwareToken: starts an authenticator app's setup.
#[derive(Debug)]
pub enum AssociateSoftwareToken {}

impl Op for AssociateSoftwareToken {
    const OPERATION: Operation = Operation::AssociateSoftwareToken;
    type Output = AssociateSoftwareTokenOutput;
}

/// VerifySoftwareToken: checks the app's first code.
#[derive(Debug)]
pub enum VerifySoftwareToken {}

impl Op for VerifySoftwareToken {
    const OPERATION: Operation = Operation::VerifySoftwareToken;
    type Output = VerifySoftwareTokenOutput;
}

/// StartWebAuthnRegistration: a passkey's registration begins.
#[derive(Debug)]
pub enum StartWebAuthnRegistration {}

impl Op for StartWebAuthnRegistration {
    const OPERATION: Operation = Operation::StartWebAuthnRegistration;
    type Output = StartWebAuthnRegistrationOutput;
}

/// CompleteWebAuthnRegistration: the passkey the browser created, registered.
#[derive(Debug)]
pub enum CompleteWebAuthnRegistration {}

impl Op for CompleteWebAuthnRegistration {
    const OPERATION: Operation = Operation::CompleteWebAuthnRegistration;
    type Output = CompleteWebAuthnRegistrationOutput;
}

/// An operation of an app client: it takes `ClientId`, `ClientMetadata`,
/// `AnalyticsMetadata` and `UserContextData`, as its table of members says;
/// the software-token calls name the user by a token or a session instead,
/// and have none of these setters.
pub trait ByClient: Op {}

macro_rules! by_client {
    ($($op:ident),*) => {$(
        impl ByClient for $op {}
        // The setters follow the table: each of these takes the four members.
        const _: () = assert!(
            $op::OPERATION.takes(Member::ClientId).is_some()
                && $op::OPERATION.takes(Member::ClientMetadata).is_some()
                && $op::OPERATION.takes(Member::AnalyticsMetadata).is_some()
                && $op::OPERATION.takes(Member::UserContextData).is_some()
        );
    )*};
}
by_client!(
    SignUp,
    ConfirmSignUp,
    ResendConfirmationCode,
    InitiateAuth,
    RespondToAuthChallenge
);
const _: () = assert!(AssociateSoftwareToken::OPERATION
    .takes(Member::ClientId)
    .is_none());

/// An operation that names its user by `Username` and takes a `SecretHash`
/// (SignUp, ConfirmSignUp, ResendConfirmationCode), as its table of members
/// says ([`Operation::members`]); InitiateAuth names its user among its
/// `AuthParameters` instead, and has neither setter.
pub trait ByUsername: Op {}

macro_rules! by_username {
    ($($op:ident),*) => {$(
        impl ByUsername for $op {}
        // The setters follow the table: each of these takes both members.
        const _: () = assert!(
            $op::OPERATION.takes(Member::Username).is_some()
                && $op::OPERATION.takes(Member::SecretHash).is_some()
        );
    )*};
}
by_username!(SignUp, ConfirmSignUp, ResendConfirmationCode);
const _: () = assert!(InitiateAuth::OPERATION.takes(Member::Username).is_none());

/// One call being built, with the AWS SDK's setter names; `send()` sends it.
#[derive(Debug)]
pub struct FluentBuilder<O> {
    config: Arc<config::Config>,
    http: Http,
    request: Request,
    op: PhantomData<O>,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $field:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.request.$field = Some(value.into());
            self
        }
    )*};
}

impl<O: ByClient> FluentBuilder<O> {
    setters! {
        /// `ClientId`: the app client id.
        client_id: client_id;
    }

    /// Adds one entry to `ClientMetadata`, for the pool's Lambda triggers.
    pub fn client_metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let pairs = self.request.client_metadata.get_or_insert_with(Vec::new);
        pairs.push((key.into(), value.into()));
        self
    }

    /// `AnalyticsMetadata`.
    pub fn analytics_metadata(mut self, value: AnalyticsMetadataType) -> Self {
        self.request.analytics_metadata = Some(value);
        self
    }

    /// `UserContextData`, for threat protection.
    pub fn user_context_data(mut self, value: UserContextDataType) -> Self {
        self.request.user_context_data = Some(value);
        self
    }
}

impl<O: Op> FluentBuilder<O> {
    /// The request as built so far.
    pub fn as_input(&self) -> &Request {
        &self.request
    }

    /// Sends the call: checks it (a refusal sends nothing), then sends it,
    /// retrying as the core decides. Dropping the future cancels the call;
    /// `timeout` bounds each attempt.
    pub async fn send(self) -> Result<O::Output, Error> {
        drive::<O>(self.http, self.request, (*self.config).clone()).await
    }
}

impl<O: ByUsername> FluentBuilder<O> {
    setters! {
        /// `Username`.
        username: username;
        /// `SecretHash`, when you compute it yourself (not with `client_secret`).
        secret_hash: secret_hash;
    }
}

impl FluentBuilder<SignUp> {
    setters! {
        /// `Password`.
        password: password;
    }

    /// Adds one of `UserAttributes`.
    pub fn user_attributes(mut self, attribute: AttributeType) -> Self {
        let list = self.request.user_attributes.get_or_insert_with(Vec::new);
        list.push(attribute);
        self
    }

    /// Adds one of `ValidationData`, for the pre-sign-up Lambda.
    pub fn validation_data(mut self, attribute: AttributeType) -> Self {
        let list = self.request.validation_data.get_or_insert_with(Vec::new);
        list.push(attribute);
        self
    }
}

impl FluentBuilder<ConfirmSignUp> {
    setters! {
        /// `ConfirmationCode`: the code Cognito sent.
        confirmation_code: confirmation_code;
        /// `Session`, from a passwordless SignUp.
        session: session;
    }

    /// `ForceAliasCreation`.
    pub fn force_alias_creation(mut self, force: bool) -> Self {
        self.request.force_alias_creation = Some(force);
        self
    }
}

impl FluentBuilder<InitiateAuth> {
    setters! {
        /// `Session`: what ConfirmSignUp returned, for `AuthFlowType::UserAuth`.
        session: session;
    }

    /// `AuthFlow`: `UserAuth` or `UserPasswordAuth` (the others are refused before sending).
    pub fn auth_flow(mut self, flow: AuthFlowType) -> Self {
        self.request.auth_flow = Some(flow.as_str().into());
        self
    }

    /// Adds one of `AuthParameters`: `USERNAME`, and `PASSWORD` for the password flow.
    pub fn auth_parameters(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let pairs = self.request.auth_parameters.get_or_insert_with(Vec::new);
        pairs.push((key.into(), value.into()));
        self
    }
}

impl FluentBuilder<RespondToAuthChallenge> {
    setters! {
        /// `Session`: what InitiateAuth (or the last answer) returned.
        session: session;
    }

    /// `ChallengeName`: the challenge answered (`PASSWORD_VERIFIER`, `SMS_MFA`, …).
    pub fn challenge_name(mut self, name: impl Into<ChallengeNameType>) -> Self {
        self.request.challenge_name = Some(name.into().as_str().into());
        self
    }

    /// Adds one of `ChallengeResponses`: `USERNAME`, and the answer (`SMS_MFA_CODE`, …).
    pub fn challenge_responses(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let pairs = self
            .request
            .challenge_responses
            .get_or_insert_with(Vec::new);
        pairs.push((key.into(), value.into()));
        self
    }
}

/// The software-token calls: the user by an access token or the session.
pub trait BySoftwareToken: Op {}
impl BySoftwareToken for AssociateSoftwareToken {}
impl BySoftwareToken for VerifySoftwareToken {}
// The setters follow the tables: both calls take an access token and a session.
const _: () = assert!(
    AssociateSoftwareToken::OPERATION
        .takes(Member::AccessToken)
        .is_some()
        && VerifySoftwareToken::OPERATION
            .takes(Member::AccessToken)
            .is_some()
        && VerifySoftwareToken::OPERATION
            .takes(Member::Session)
            .is_some()
);

impl<O: BySoftwareToken> FluentBuilder<O> {
    setters! {
        /// `AccessToken`: a signed-in user's.
        access_token: access_token;
        /// `Session`: the `MFA_SETUP` challenge's (or the last call's).
        session: session;
    }
}

/// The passkey calls: a signed-in user's, by their access token alone.
macro_rules! by_access_token {
    ($($op:ident),*) => {$(
        // The setter follows the table: the call requires the access token, and takes no session.
        const _: () = assert!(
            matches!($op::OPERATION.takes(Member::AccessToken), Some(crate::operation::Takes::Required))
                && $op::OPERATION.takes(Member::Session).is_none()
        );
        impl FluentBuilder<$op> {
            setters! {
                /// `AccessToken`: the signed-in user's.
                access_token: access_token;
            }
        }
    )*};
}
by_access_token!(StartWebAuthnRegistration, CompleteWebAuthnRegistration);

impl FluentBuilder<CompleteWebAuthnRegistration> {
    /// `Credential`: the `RegistrationResponseJSON` of the passkey the browser created.
    pub fn credential(mut self, credential: Value) -> Self {
        self.request.credential = Some(crate::request::Document(credential.to_string()));
        self
    }
}

impl FluentBuilder<VerifySoftwareToken> {
    setters! {
        /// `UserCode`: the six digits the app shows.
        user_code: user_code;
        /// `FriendlyDeviceName`: what the user calls the app.
        friendly_device_name: friendly_device_name;
    }
}

/// A JSON body, seen by the core's response reader.
impl JsonObject for Value {
    fn string(&self, key: &'static str) -> Option<String> {
        self.get(key)?.as_str().map(String::from)
    }
    fn has(&self, key: &'static str, kind: JsonKind) -> bool {
        matches!(
            (self.get(key), kind),
            (Some(Value::String(_)), JsonKind::String)
                | (Some(Value::Bool(_)), JsonKind::Boolean)
                | (Some(Value::Object(_)), JsonKind::Object)
        )
    }
}

/// Checks one call, then performs its steps until it is done.
async fn drive<O: Op>(
    http: Http,
    request: Request,
    config: config::Config,
) -> Result<O::Output, Error> {
    // The settings checked as the JS door checks them (config.rs), under the builder's names.
    let mut found = Vec::new();
    if let Some(says) = config
        .client_secret
        .as_deref()
        .and_then(config::client_secret)
    {
        found.push(Problem::new("client_secret", says));
    }
    if let Err(says) = config::max_attempts(f64::from(config.max_attempts)) {
        found.push(Problem::new("max_attempts", says));
    }
    if let Some(Err(says)) = config
        .timeout_ms
        .map(|ms| config::timeout_ms(f64::from(ms)))
    {
        found.push(Problem::new("timeout", says));
    }
    let call = Call::new(
        O::OPERATION,
        request,
        config,
        found,
        &MATCHER,
        transport::random,
    )?;
    perform::<O>(http, call).await
}
