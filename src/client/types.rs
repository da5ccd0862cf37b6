//! The request members and outputs of the Rust API, with the names and
//! getters of aws-sdk-cognitoidentityprovider's `types` and outputs.
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

/// The output of SignUp.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// The output of ConfirmSignUp.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
