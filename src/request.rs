//! The request of every operation, field for field as the Cognito API
//! names them, and its JSON body.
//!
//! One struct serves all the operations: the members they share (ClientId,
//! Username, SecretHash, ClientMetadata, …) are the same shapes, and each
//! operation's table of members ([`crate::operation::Operation::members`])
//! says which it takes. Absent
//! members are left out of the JSON, never sent as `null`.
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::json::{key, write_string, ObjectWriter};

/// A user attribute (`AttributeType`): a name such as `email` or
/// `custom:city`, and its value.
#[cfg_attr(feature = "client", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "client", serde(rename_all = "PascalCase"))]
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Attribute {
    /// `Name`: the attribute name.
    pub name: String,
    /// `Value`: the attribute value; left out when absent.
    pub value: Option<String>,
}

/// `AnalyticsMetadata` (`AnalyticsMetadataType`).
#[cfg_attr(feature = "client", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "client", serde(rename_all = "PascalCase"))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnalyticsMetadata {
    /// `AnalyticsEndpointId`: the Amazon Pinpoint endpoint id.
    pub analytics_endpoint_id: Option<String>,
}

/// `UserContextData` (`UserContextDataType`), for threat protection.
#[cfg_attr(feature = "client", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "client", serde(rename_all = "PascalCase"))]
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UserContextData {
    /// `IpAddress`: the user's source IP address.
    pub ip_address: Option<String>,
    /// `EncodedData`: the fingerprint collected by Cognito's script.
    pub encoded_data: Option<String>,
}

/// The request of every operation ([`crate::operation::Operation`]).
#[cfg_attr(feature = "client", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "client", serde(rename_all = "PascalCase"))]
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// `ClientId`: the app client id.
    pub client_id: Option<String>,
    /// `SecretHash`: Base64(HMAC-SHA256(client secret, Username + ClientId)).
    pub secret_hash: Option<String>,
    /// `Username`: the user's name (or email/phone in alias pools).
    pub username: Option<String>,
    /// `Password` (SignUp).
    pub password: Option<String>,
    /// `UserAttributes` (SignUp).
    pub user_attributes: Option<Vec<Attribute>>,
    /// `ValidationData` (SignUp): attributes for the pre-sign-up Lambda.
    pub validation_data: Option<Vec<Attribute>>,
    /// `ConfirmationCode` (ConfirmSignUp).
    pub confirmation_code: Option<String>,
    /// `ForceAliasCreation` (ConfirmSignUp).
    pub force_alias_creation: Option<bool>,
    /// `AnalyticsMetadata`.
    pub analytics_metadata: Option<AnalyticsMetadata>,
    /// `UserContextData`.
    pub user_context_data: Option<UserContextData>,
    /// `ClientMetadata`: key-value pairs for Lambda triggers, in input order.
    pub client_metadata: Option<Vec<(String, String)>>,
    /// `Session` (ConfirmSignUp: from SignUp; InitiateAuth: from ConfirmSignUp).
    pub session: Option<String>,
    /// `AuthFlow` (InitiateAuth): `USER_AUTH` or `USER_PASSWORD_AUTH`.
    pub auth_flow: Option<String>,
    /// `AuthParameters` (InitiateAuth): `USERNAME`, `PASSWORD`, `SECRET_HASH`, …, in input order.
    pub auth_parameters: Option<Vec<(String, String)>>,
    /// `ChallengeName` (RespondToAuthChallenge): the challenge answered.
    #[cfg(any(feature = "client", feature = "srp"))]
    pub challenge_name: Option<String>,
    /// `ChallengeResponses` (RespondToAuthChallenge): `USERNAME`, the answer, `SECRET_HASH`, …, in input order.
    #[cfg(any(feature = "client", feature = "srp"))]
    pub challenge_responses: Option<Vec<(String, String)>>,
    /// `AccessToken` (AssociateSoftwareToken, VerifySoftwareToken): a signed-in user's.
    #[cfg(any(feature = "client", feature = "srp"))]
    pub access_token: Option<String>,
    /// `UserCode` (VerifySoftwareToken): the authenticator app's six digits.
    #[cfg(any(feature = "client", feature = "srp"))]
    pub user_code: Option<String>,
    /// `FriendlyDeviceName` (VerifySoftwareToken): what the user calls the app.
    #[cfg(any(feature = "client", feature = "srp"))]
    pub friendly_device_name: Option<String>,
    /// `Credential` (CompleteWebAuthnRegistration): the passkey the browser
    /// created, as its `RegistrationResponseJSON`.
    #[cfg(any(feature = "client", feature = "srp"))]
    pub credential: Option<Document>,
}

/// A JSON document (the service model's `Document`), kept as its JSON text
/// and written into the body as it is. The doors make it from a value their
/// own JSON writer wrote (`JSON.stringify`, serde_json), so it is well formed.
#[cfg(any(feature = "client", feature = "srp"))]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document(pub String);

#[cfg(feature = "client")]
impl serde::Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = serde_json::value::RawValue::from_string(self.0.clone())
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(s)
    }
}

#[cfg(feature = "client")]
impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <alloc::boxed::Box<serde_json::value::RawValue>>::deserialize(d)?;
        Ok(Document(String::from(raw.get())))
    }
}

impl Request {
    /// The JSON body: exactly the Cognito request, members in the order
    /// above, absent ones left out.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256);
        let mut o = ObjectWriter::open(&mut out);
        o.string(key!("ClientId"), &self.client_id);
        o.string(key!("SecretHash"), &self.secret_hash);
        o.string(key!("Username"), &self.username);
        o.string(key!("Password"), &self.password);
        write_attributes(&mut o, key!("UserAttributes"), &self.user_attributes);
        write_attributes(&mut o, key!("ValidationData"), &self.validation_data);
        o.string(key!("ConfirmationCode"), &self.confirmation_code);
        if let Some(force) = self.force_alias_creation {
            o.member(key!("ForceAliasCreation"))
                .push_str(if force { "true" } else { "false" });
        }
        if let Some(meta) = &self.analytics_metadata {
            let mut m = ObjectWriter::open(o.member(key!("AnalyticsMetadata")));
            m.string(key!("AnalyticsEndpointId"), &meta.analytics_endpoint_id);
            m.close();
        }
        if let Some(data) = &self.user_context_data {
            let mut d = ObjectWriter::open(o.member(key!("UserContextData")));
            d.string(key!("IpAddress"), &data.ip_address);
            d.string(key!("EncodedData"), &data.encoded_data);
            d.close();
        }
        write_map(&mut o, key!("ClientMetadata"), &self.client_metadata);
        o.string(key!("Session"), &self.session);
        o.string(key!("AuthFlow"), &self.auth_flow);
        write_map(&mut o, key!("AuthParameters"), &self.auth_parameters);
        #[cfg(any(feature = "client", feature = "srp"))]
        {
            o.string(key!("ChallengeName"), &self.challenge_name);
            let responses = &self.challenge_responses;
            write_map(&mut o, key!("ChallengeResponses"), responses);
            o.string(key!("AccessToken"), &self.access_token);
            o.string(key!("UserCode"), &self.user_code);
            o.string(key!("FriendlyDeviceName"), &self.friendly_device_name);
            if let Some(Document(json)) = &self.credential {
                o.member(key!("Credential")).push_str(json);
            }
        }
        o.close();
        out
    }

    /// The user a SecretHash is computed for: `Username`, or the
    /// `USERNAME` among InitiateAuth's `AuthParameters` or
    /// RespondToAuthChallenge's `ChallengeResponses`.
    pub fn hashed_username(&self) -> Option<&str> {
        self.username
            .as_deref()
            .or_else(|| self.auth_parameter("USERNAME"))
    }

    /// The parameters that name the user and carry the SECRET_HASH:
    /// `AuthParameters` or `ChallengeResponses`, whichever is given.
    pub fn parameters(&self) -> Option<&Vec<(String, String)>> {
        let given = self.auth_parameters.as_ref();
        #[cfg(any(feature = "client", feature = "srp"))]
        let given = given.or(self.challenge_responses.as_ref());
        given
    }

    /// The value of `name` among [`Request::parameters`], if given.
    pub fn auth_parameter(&self, name: &str) -> Option<&str> {
        let pairs = self.parameters()?;
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn write_map(o: &mut ObjectWriter<'_>, key: &'static str, pairs: &Option<Vec<(String, String)>>) {
    if let Some(pairs) = pairs {
        let mut m = ObjectWriter::open(o.member(key));
        for (key, value) in pairs {
            write_string(m.named(key), value);
        }
        m.close();
    }
}

fn write_attributes(
    o: &mut ObjectWriter<'_>,
    key: &'static str,
    attributes: &Option<Vec<Attribute>>,
) {
    let Some(attributes) = attributes else {
        return;
    };
    let out = o.member(key);
    out.push('[');
    for (i, attribute) in attributes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut a = ObjectWriter::open(out);
        write_string(a.member(key!("Name")), &attribute.name);
        a.string(key!("Value"), &attribute.value);
        a.close();
    }
    out.push(']');
}

const HIDDEN: &str = "<redacted>";

/// Shows the field names only where the service model marks values
/// `sensitive` (ClientId, Username, Password, SecretHash, attribute values,
/// Session, UserContextData, AuthParameters, ChallengeResponses, AccessToken
/// and UserCode: the names of the parameters show, never their values).
impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hide = |v: &Option<String>| v.as_ref().map(|_| HIDDEN);
        let mut f = f.debug_struct("Request");
        f.field("ClientId", &hide(&self.client_id))
            .field("SecretHash", &hide(&self.secret_hash))
            .field("Username", &hide(&self.username))
            .field("Password", &hide(&self.password))
            .field("UserAttributes", &self.user_attributes)
            .field("ValidationData", &self.validation_data)
            .field("ConfirmationCode", &self.confirmation_code)
            .field("ForceAliasCreation", &self.force_alias_creation)
            .field("AnalyticsMetadata", &self.analytics_metadata)
            .field("UserContextData", &self.user_context_data)
            .field("ClientMetadata", &self.client_metadata)
            .field("Session", &hide(&self.session))
            .field("AuthFlow", &self.auth_flow)
            .field("AuthParameters", &names(&self.auth_parameters));
        #[cfg(any(feature = "client", feature = "srp"))]
        f.field("ChallengeName", &self.challenge_name)
            .field("ChallengeResponses", &names(&self.challenge_responses))
            .field("AccessToken", &hide(&self.access_token))
            .field("UserCode", &hide(&self.user_code))
            .field("FriendlyDeviceName", &self.friendly_device_name)
            .field(
                "Credential",
                &self.credential.as_ref().map(|_| "<document>"),
            );
        f.finish()
    }
}

/// A sensitive map's names, each with its value hidden.
fn names(pairs: &Option<Vec<(String, String)>>) -> Option<Vec<(&String, &str)>> {
    pairs
        .as_ref()
        .map(|pairs| pairs.iter().map(|(k, _)| (k, HIDDEN)).collect())
}

/// Shows the attribute name; the value (sensitive in the model) is hidden.
impl fmt::Debug for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attribute")
            .field("Name", &self.name)
            .field("Value", &self.value.as_ref().map(|_| HIDDEN))
            .finish()
    }
}

/// Hides both members: the whole shape is sensitive in the model.
impl fmt::Debug for UserContextData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserContextData(<redacted>)")
    }
}
