//! The four Cognito operations this crate calls, and what sets them apart.

/// One of the unauthenticated user-pool operations that make up a sign-up,
/// and the sign-in that may end it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// `SignUp`: registers a new user.
    SignUp,
    /// `ConfirmSignUp`: confirms a user with the code Cognito sent.
    ConfirmSignUp,
    /// `ResendConfirmationCode`: sends the confirmation code again.
    ResendConfirmationCode,
    /// `InitiateAuth`: signs the user in, with the sign-up's `Session`
    /// (`USER_AUTH`) or the password (`USER_PASSWORD_AUTH`).
    InitiateAuth,
}

impl Operation {
    /// The operations by their index, as the wasm shell numbers them.
    pub const ALL: [Operation; 4] = [
        Operation::SignUp,
        Operation::ConfirmSignUp,
        Operation::ResendConfirmationCode,
        Operation::InitiateAuth,
    ];

    /// The operation numbered `index` in [`Operation::ALL`], if there is one.
    pub fn from_index(index: u32) -> Option<Operation> {
        Operation::ALL.get(index as usize).copied()
    }

    /// Its number in [`Operation::ALL`].
    pub fn index(self) -> u32 {
        self as u32
    }

    /// The operation's name in the Cognito API.
    pub fn name(self) -> &'static str {
        match self {
            Operation::SignUp => "SignUp",
            Operation::ConfirmSignUp => "ConfirmSignUp",
            Operation::ResendConfirmationCode => "ResendConfirmationCode",
            Operation::InitiateAuth => "InitiateAuth",
        }
    }

    /// The `X-Amz-Target` header value that selects the operation.
    pub fn target(self) -> &'static str {
        match self {
            Operation::SignUp => "AWSCognitoIdentityProviderService.SignUp",
            Operation::ConfirmSignUp => "AWSCognitoIdentityProviderService.ConfirmSignUp",
            Operation::ResendConfirmationCode => {
                "AWSCognitoIdentityProviderService.ResendConfirmationCode"
            }
            Operation::InitiateAuth => "AWSCognitoIdentityProviderService.InitiateAuth",
        }
    }

    /// The members a successful response must carry, with their JSON kind
    /// (the `required` list of the response shape in the service model).
    pub fn required_output(self) -> &'static [(&'static str, JsonKind)] {
        match self {
            Operation::SignUp => &[
                ("UserConfirmed", JsonKind::Boolean),
                ("UserSub", JsonKind::String),
            ],
            Operation::ConfirmSignUp
            | Operation::ResendConfirmationCode
            | Operation::InitiateAuth => &[],
        }
    }
}

/// The JSON type of a response member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// A JSON string.
    String,
    /// `true` or `false`.
    Boolean,
}
