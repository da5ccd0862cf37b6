//! The request members and outputs of the Rust API, with the names and
//! getters of aws-sdk-cognitoidentityprovider's `types` and outputs.
use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Metadata, Problem};
pub use crate::request::{
    AnalyticsMetadata as AnalyticsMetadataType, Attribute as AttributeType,
    UserContextData as UserContextDataType,
};

/// Builds an [`AttributeType`].
#[derive(Clone, Debug, Default)]
pub struct AttributeTypeBuilder {
    name: Option<String>,
    value: Option<String>,
}

impl AttributeType {
    /// A builder: `name` is required, `value` optional.
    pub fn builder() -> AttributeTypeBuilder {
        AttributeTypeBuilder::default()
    }

    /// `Name`: the attribute name, e.g. `email` or `custom:city`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `Value`: the attribute value.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
}

impl AttributeTypeBuilder {
    /// `Name`: the attribute name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// `Value`: the attribute value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// The attribute, or a refusal when the name is missing.
    pub fn build(self) -> Result<AttributeType, Error> {
        let Some(name) = self.name else {
            return Err(Error::refused(vec![Problem::new(
                "AttributeType.Name",
                "is required",
            )]));
        };
        Ok(AttributeType {
            name,
            value: self.value,
        })
    }
}

impl AnalyticsMetadataType {
    /// A value with `AnalyticsEndpointId`, the Amazon Pinpoint endpoint id.
    pub fn with_endpoint_id(id: impl Into<String>) -> Self {
        AnalyticsMetadataType {
            analytics_endpoint_id: Some(id.into()),
        }
    }
}

impl UserContextDataType {
    /// A value with `IpAddress` and `EncodedData` (from Cognito's script).
    pub fn new(ip_address: Option<String>, encoded_data: Option<String>) -> Self {
        UserContextDataType {
            ip_address,
            encoded_data,
        }
    }
}

/// `CodeDeliveryDetailsType`: where Cognito sent the confirmation code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CodeDeliveryDetailsType {
    destination: Option<String>,
    delivery_medium: Option<String>,
    attribute_name: Option<String>,
}

impl CodeDeliveryDetailsType {
    /// The masked destination, e.g. `a***@e***`.
    pub fn destination(&self) -> Option<&str> {
        self.destination.as_deref()
    }
    /// `EMAIL` or `SMS`.
    pub fn delivery_medium(&self) -> Option<&str> {
        self.delivery_medium.as_deref()
    }
    /// The attribute the code went to, e.g. `email`.
    pub fn attribute_name(&self) -> Option<&str> {
        self.attribute_name.as_deref()
    }
}

/// What every output carries besides Cognito's answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OutputMetadata {
    attempts: u32,
    request_id: Option<String>,
}

/// An operation's output, read from the answer's JSON.
pub trait Output: serde::de::DeserializeOwned {
    /// Sets what the call learnt besides the answer.
    fn set_metadata(&mut self, metadata: Metadata);
}

macro_rules! metadata_getters {
    ($output:ty) => {
        impl $output {
            /// How many requests the call sent.
            pub fn attempts(&self) -> u32 {
                self.metadata.attempts
            }
            /// `x-amzn-requestid` of the answer, when it was readable.
            pub fn request_id(&self) -> Option<&str> {
                self.metadata.request_id.as_deref()
            }
        }

        impl Output for $output {
            fn set_metadata(&mut self, m: Metadata) {
                self.metadata = OutputMetadata {
                    attempts: m.attempts,
                    request_id: m.request_id,
                };
            }
        }
    };
}

/// Written in `Debug` output in place of a session or a token.
const HIDDEN: &str = "<redacted>";

/// A secret (a session, a token) as `Debug` shows it: whether it is there.
fn hidden(value: &Option<String>) -> Option<&'static str> {
    value.as_ref().map(|_| HIDDEN)
}

/// The output of SignUp.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignUpOutput {
    user_confirmed: bool,
    user_sub: String,
    #[serde(default)]
    code_delivery_details: Option<CodeDeliveryDetailsType>,
    #[serde(default)]
    session: Option<String>,
    #[serde(default, rename = "$metadata")]
    metadata: OutputMetadata,
}

impl SignUpOutput {
    /// Whether the user is confirmed already (by a Lambda trigger).
    pub fn user_confirmed(&self) -> bool {
        self.user_confirmed
    }
    /// The new user's id.
    pub fn user_sub(&self) -> &str {
        &self.user_sub
    }
    /// Where the confirmation code went.
    pub fn code_delivery_details(&self) -> Option<&CodeDeliveryDetailsType> {
        self.code_delivery_details.as_ref()
    }
    /// A session for passwordless sign-in after confirmation.
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }
}
metadata_getters!(SignUpOutput);

/// Hides the session.
impl fmt::Debug for SignUpOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignUpOutput")
            .field("user_confirmed", &self.user_confirmed)
            .field("user_sub", &self.user_sub)
            .field("code_delivery_details", &self.code_delivery_details)
            .field("session", &hidden(&self.session))
            .field("metadata", &self.metadata)
            .finish()
    }
}

/// The output of ConfirmSignUp.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmSignUpOutput {
    #[serde(default)]
    session: Option<String>,
    #[serde(default, rename = "$metadata")]
    metadata: OutputMetadata,
}

impl ConfirmSignUpOutput {
    /// A session for passwordless sign-in.
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }
}
metadata_getters!(ConfirmSignUpOutput);

/// Hides the session.
impl fmt::Debug for ConfirmSignUpOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfirmSignUpOutput")
            .field("session", &hidden(&self.session))
            .field("metadata", &self.metadata)
            .finish()
    }
}

/// The output of ResendConfirmationCode.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResendConfirmationCodeOutput {
    #[serde(default)]
    code_delivery_details: Option<CodeDeliveryDetailsType>,
    #[serde(default, rename = "$metadata")]
    metadata: OutputMetadata,
}

impl ResendConfirmationCodeOutput {
    /// Where the code went.
    pub fn code_delivery_details(&self) -> Option<&CodeDeliveryDetailsType> {
        self.code_delivery_details.as_ref()
    }
}
metadata_getters!(ResendConfirmationCodeOutput);

/// `AuthFlowType`: how InitiateAuth signs the user in. This crate sends
/// `UserAuth` and `UserPasswordAuth`; the others need SRP or an admin's
/// credentials, and are refused before sending.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthFlowType {
    /// `USER_AUTH`: choice-based sign-in; with the `Session` of ConfirmSignUp, the code just typed is the first factor.
    UserAuth,
    /// `USER_PASSWORD_AUTH`: the username and the password, over TLS to Cognito.
    UserPasswordAuth,
    /// `USER_SRP_AUTH` (not supported: it needs SRP).
    UserSrpAuth,
    /// `REFRESH_TOKEN_AUTH` (not supported).
    RefreshTokenAuth,
    /// `REFRESH_TOKEN` (not supported).
    RefreshToken,
    /// `CUSTOM_AUTH` (not supported).
    CustomAuth,
    /// `ADMIN_NO_SRP_AUTH` (not supported: an admin operation's flow).
    AdminNoSrpAuth,
    /// `ADMIN_USER_PASSWORD_AUTH` (not supported: an admin operation's flow).
    AdminUserPasswordAuth,
}

impl AuthFlowType {
    /// Its name in the Cognito API, e.g. `USER_PASSWORD_AUTH`.
    pub fn as_str(&self) -> &'static str {
        match self {
            AuthFlowType::UserAuth => "USER_AUTH",
            AuthFlowType::UserPasswordAuth => "USER_PASSWORD_AUTH",
            AuthFlowType::UserSrpAuth => "USER_SRP_AUTH",
            AuthFlowType::RefreshTokenAuth => "REFRESH_TOKEN_AUTH",
            AuthFlowType::RefreshToken => "REFRESH_TOKEN",
            AuthFlowType::CustomAuth => "CUSTOM_AUTH",
            AuthFlowType::AdminNoSrpAuth => "ADMIN_NO_SRP_AUTH",
            AuthFlowType::AdminUserPasswordAuth => "ADMIN_USER_PASSWORD_AUTH",
        }
    }
}

/// `ChallengeNameType`: what the pool asks for before it signs the user in
/// (`SMS_MFA`, `SOFTWARE_TOKEN_MFA`, `SELECT_CHALLENGE`, …).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChallengeNameType(String);

impl ChallengeNameType {
    /// Its name in the Cognito API, e.g. `SMS_MFA`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A challenge by its name in the Cognito API (`ChallengeNameType::from("SMS_MFA")`).
impl From<&str> for ChallengeNameType {
    fn from(name: &str) -> Self {
        ChallengeNameType(name.into())
    }
}

/// RespondToAuthChallenge's output: the same members as InitiateAuth's (the
/// next challenge, or the tokens).
pub type RespondToAuthChallengeOutput = InitiateAuthOutput;

/// AssociateSoftwareToken's output: the authenticator app's secret (Base32),
/// and the session that carries `MFA_SETUP` on. `Debug` shows neither.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AssociateSoftwareTokenOutput {
    secret_code: Option<String>,
    session: Option<String>,
    #[serde(rename = "$metadata")]
    metadata: OutputMetadata,
}

impl AssociateSoftwareTokenOutput {
    /// The secret the app derives its codes from (Base32): for the QR code's `otpauth://` URI.
    pub fn secret_code(&self) -> Option<&str> {
        self.secret_code.as_deref()
    }
    /// The session for VerifySoftwareToken, during `MFA_SETUP`.
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }
}

metadata_getters!(AssociateSoftwareTokenOutput);

/// Hides the secret and the session.
impl fmt::Debug for AssociateSoftwareTokenOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssociateSoftwareTokenOutput")
            .field("secret_code", &hidden(&self.secret_code))
            .field("session", &hidden(&self.session))
            .field("metadata", &self.metadata)
            .finish()
    }
}

/// VerifySoftwareToken's output: `SUCCESS` or `ERROR`, and the session that
/// answers `MFA_SETUP` in RespondToAuthChallenge. `Debug` hides the session.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VerifySoftwareTokenOutput {
    status: Option<String>,
    session: Option<String>,
    #[serde(rename = "$metadata")]
    metadata: OutputMetadata,
}

impl VerifySoftwareTokenOutput {
    /// `SUCCESS` or `ERROR`.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }
    /// The session for RespondToAuthChallenge (`MFA_SETUP`).
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }
}

metadata_getters!(VerifySoftwareTokenOutput);

/// Hides the session.
impl fmt::Debug for VerifySoftwareTokenOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifySoftwareTokenOutput")
            .field("status", &self.status)
            .field("session", &hidden(&self.session))
            .field("metadata", &self.metadata)
            .finish()
    }
}

/// StartWebAuthnRegistration's output: the options for the browser's
/// `navigator.credentials.create`, a JSON document (binary members in
/// base64url), as the AWS SDK's `Document`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct StartWebAuthnRegistrationOutput {
    credential_creation_options: Option<serde_json::Value>,
    #[serde(rename = "$metadata")]
    metadata: OutputMetadata,
}

impl StartWebAuthnRegistrationOutput {
    /// A `PublicKeyCredentialCreationOptionsJSON`, for the page that creates the passkey.
    pub fn credential_creation_options(&self) -> Option<&serde_json::Value> {
        self.credential_creation_options.as_ref()
    }
}

metadata_getters!(StartWebAuthnRegistrationOutput);

/// CompleteWebAuthnRegistration's output: the passkey is registered; only metadata.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompleteWebAuthnRegistrationOutput {
    #[serde(rename = "$metadata")]
    metadata: OutputMetadata,
}

metadata_getters!(CompleteWebAuthnRegistrationOutput);

/// `AuthenticationResultType`: the tokens of a signed-in user. `Debug`
/// shows which are there, never what they are.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AuthenticationResultType {
    access_token: Option<String>,
    expires_in: i32,
    token_type: Option<String>,
    refresh_token: Option<String>,
    id_token: Option<String>,
}

impl AuthenticationResultType {
    /// The access token, for Cognito's user APIs and your own.
    pub fn access_token(&self) -> Option<&str> {
        self.access_token.as_deref()
    }
    /// Seconds the access and ID tokens are valid for.
    pub fn expires_in(&self) -> i32 {
        self.expires_in
    }
    /// `Bearer`.
    pub fn token_type(&self) -> Option<&str> {
        self.token_type.as_deref()
    }
    /// The refresh token.
    pub fn refresh_token(&self) -> Option<&str> {
        self.refresh_token.as_deref()
    }
    /// The ID token: who the user is (its `sub` is the SignUp's `UserSub`).
    pub fn id_token(&self) -> Option<&str> {
        self.id_token.as_deref()
    }
}

/// Hides every token.
impl fmt::Debug for AuthenticationResultType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthenticationResultType")
            .field("access_token", &hidden(&self.access_token))
            .field("expires_in", &self.expires_in)
            .field("token_type", &self.token_type)
            .field("refresh_token", &hidden(&self.refresh_token))
            .field("id_token", &hidden(&self.id_token))
            .finish()
    }
}

/// The output of InitiateAuth: the tokens, or a challenge when the pool asks for more.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InitiateAuthOutput {
    challenge_name: Option<ChallengeNameType>,
    session: Option<String>,
    challenge_parameters: Option<HashMap<String, String>>,
    authentication_result: Option<AuthenticationResultType>,
    available_challenges: Option<Vec<ChallengeNameType>>,
    #[serde(rename = "$metadata")]
    metadata: OutputMetadata,
}

impl InitiateAuthOutput {
    /// The challenge the pool asks for, if it did not sign the user in yet.
    pub fn challenge_name(&self) -> Option<&ChallengeNameType> {
        self.challenge_name.as_ref()
    }
    /// The session that carries a challenge on to RespondToAuthChallenge.
    pub fn session(&self) -> Option<&str> {
        self.session.as_deref()
    }
    /// The challenge's parameters.
    pub fn challenge_parameters(&self) -> Option<&HashMap<String, String>> {
        self.challenge_parameters.as_ref()
    }
    /// The tokens, once the user is signed in.
    pub fn authentication_result(&self) -> Option<&AuthenticationResultType> {
        self.authentication_result.as_ref()
    }
    /// `USER_AUTH`: the first factors the user may choose from.
    pub fn available_challenges(&self) -> &[ChallengeNameType] {
        self.available_challenges.as_deref().unwrap_or_default()
    }
}

metadata_getters!(InitiateAuthOutput);

/// Hides the session and the tokens.
impl fmt::Debug for InitiateAuthOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InitiateAuthOutput")
            .field("challenge_name", &self.challenge_name)
            .field("session", &hidden(&self.session))
            .field("challenge_parameters", &self.challenge_parameters)
            .field("authentication_result", &self.authentication_result)
            .field("available_challenges", &self.available_challenges)
            .field("metadata", &self.metadata)
            .finish()
    }
}
