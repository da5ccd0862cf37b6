//! The Cognito operations this crate calls, the members each takes, and what sets them apart.

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
    /// (`USER_AUTH`), SRP (`USER_SRP_AUTH`) or the password (`USER_PASSWORD_AUTH`).
    InitiateAuth,
    /// `RespondToAuthChallenge`: answers a challenge of the sign-in
    /// (`PASSWORD_VERIFIER`, an MFA code, a choice, …). In the builds that
    /// sign in (features `client`, `srp`), not in the npm sign-up module.
    #[cfg(any(feature = "client", feature = "srp"))]
    RespondToAuthChallenge,
    /// `AssociateSoftwareToken`: starts an authenticator app's setup (the
    /// `MFA_SETUP` session, or a signed-in user's access token) and returns its secret.
    #[cfg(any(feature = "client", feature = "srp"))]
    AssociateSoftwareToken,
    /// `VerifySoftwareToken`: checks the app's first code, which finishes its setup.
    #[cfg(any(feature = "client", feature = "srp"))]
    VerifySoftwareToken,
    /// `StartWebAuthnRegistration`: a signed-in user's passkey registration
    /// begins; returns the options for `navigator.credentials.create`.
    #[cfg(any(feature = "client", feature = "srp"))]
    StartWebAuthnRegistration,
    /// `CompleteWebAuthnRegistration`: the passkey the browser created, registered.
    #[cfg(any(feature = "client", feature = "srp"))]
    CompleteWebAuthnRegistration,
}

impl Operation {
    /// The operations by their index, as the wasm shell numbers them.
    pub const ALL: &[Operation] = &[
        Operation::SignUp,
        Operation::ConfirmSignUp,
        Operation::ResendConfirmationCode,
        Operation::InitiateAuth,
        #[cfg(any(feature = "client", feature = "srp"))]
        Operation::RespondToAuthChallenge,
        #[cfg(any(feature = "client", feature = "srp"))]
        Operation::AssociateSoftwareToken,
        #[cfg(any(feature = "client", feature = "srp"))]
        Operation::VerifySoftwareToken,
        #[cfg(any(feature = "client", feature = "srp"))]
        Operation::StartWebAuthnRegistration,
        #[cfg(any(feature = "client", feature = "srp"))]
        Operation::CompleteWebAuthnRegistration,
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
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::RespondToAuthChallenge => "RespondToAuthChallenge",
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::AssociateSoftwareToken => "AssociateSoftwareToken",
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::VerifySoftwareToken => "VerifySoftwareToken",
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::StartWebAuthnRegistration => "StartWebAuthnRegistration",
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::CompleteWebAuthnRegistration => "CompleteWebAuthnRegistration",
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
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::RespondToAuthChallenge => {
                "AWSCognitoIdentityProviderService.RespondToAuthChallenge"
            }
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::AssociateSoftwareToken => {
                "AWSCognitoIdentityProviderService.AssociateSoftwareToken"
            }
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::VerifySoftwareToken => {
                "AWSCognitoIdentityProviderService.VerifySoftwareToken"
            }
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::StartWebAuthnRegistration => {
                "AWSCognitoIdentityProviderService.StartWebAuthnRegistration"
            }
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::CompleteWebAuthnRegistration => {
                "AWSCognitoIdentityProviderService.CompleteWebAuthnRegistration"
            }
        }
    }

    /// The members the operation takes, each required or optional: its
    /// input shape in the service model, said once. The checks refuse any
    /// other member before sending, and the Rust builders have setters for
    /// these alone.
    pub fn members(self) -> &'static [(Member, Takes)] {
        match self {
            Operation::SignUp => SIGN_UP,
            Operation::ConfirmSignUp => CONFIRM_SIGN_UP,
            Operation::ResendConfirmationCode => RESEND_CONFIRMATION_CODE,
            Operation::InitiateAuth => INITIATE_AUTH,
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::RespondToAuthChallenge => RESPOND_TO_AUTH_CHALLENGE,
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::AssociateSoftwareToken => ASSOCIATE_SOFTWARE_TOKEN,
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::VerifySoftwareToken => VERIFY_SOFTWARE_TOKEN,
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::StartWebAuthnRegistration => START_WEB_AUTHN_REGISTRATION,
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::CompleteWebAuthnRegistration => COMPLETE_WEB_AUTHN_REGISTRATION,
        }
    }

    /// How the operation takes `member`, or `None` where it has no such member
    /// (read off [`Operation::members`] when compiling).
    pub const fn takes(self, member: Member) -> Option<Takes> {
        let (required, optional) = match self {
            Operation::SignUp => const { masks(SIGN_UP) },
            Operation::ConfirmSignUp => const { masks(CONFIRM_SIGN_UP) },
            Operation::ResendConfirmationCode => const { masks(RESEND_CONFIRMATION_CODE) },
            Operation::InitiateAuth => const { masks(INITIATE_AUTH) },
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::RespondToAuthChallenge => const { masks(RESPOND_TO_AUTH_CHALLENGE) },
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::AssociateSoftwareToken => const { masks(ASSOCIATE_SOFTWARE_TOKEN) },
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::VerifySoftwareToken => const { masks(VERIFY_SOFTWARE_TOKEN) },
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::StartWebAuthnRegistration => const { masks(START_WEB_AUTHN_REGISTRATION) },
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::CompleteWebAuthnRegistration => {
                const { masks(COMPLETE_WEB_AUTHN_REGISTRATION) }
            }
        };
        let bit = 1 << member as u32;
        if required & bit != 0 {
            Some(Takes::Required)
        } else if optional & bit != 0 {
            Some(Takes::Optional)
        } else {
            None
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
            #[cfg(any(feature = "client", feature = "srp"))]
            Operation::StartWebAuthnRegistration => {
                &[("CredentialCreationOptions", JsonKind::Object)]
            }
            _ => &[],
        }
    }
}

/// A member of a request, by its name in the Cognito API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Member {
    /// `ClientId`.
    ClientId,
    /// `SecretHash`.
    SecretHash,
    /// `Username`.
    Username,
    /// `AuthFlow`.
    AuthFlow,
    /// `AuthParameters`.
    AuthParameters,
    /// `AnalyticsMetadata`.
    AnalyticsMetadata,
    /// `UserContextData`.
    UserContextData,
    /// `ClientMetadata`.
    ClientMetadata,
    /// `Password`.
    Password,
    /// `UserAttributes`.
    UserAttributes,
    /// `ValidationData`.
    ValidationData,
    /// `ConfirmationCode`.
    ConfirmationCode,
    /// `ForceAliasCreation`.
    ForceAliasCreation,
    /// `Session`.
    Session,
    /// `ChallengeName`.
    #[cfg(any(feature = "client", feature = "srp"))]
    ChallengeName,
    /// `ChallengeResponses`.
    #[cfg(any(feature = "client", feature = "srp"))]
    ChallengeResponses,
    /// `AccessToken`.
    #[cfg(any(feature = "client", feature = "srp"))]
    AccessToken,
    /// `UserCode`.
    #[cfg(any(feature = "client", feature = "srp"))]
    UserCode,
    /// `FriendlyDeviceName`.
    #[cfg(any(feature = "client", feature = "srp"))]
    FriendlyDeviceName,
    /// `Credential`.
    #[cfg(any(feature = "client", feature = "srp"))]
    Credential,
}

impl Member {
    /// Its name in the Cognito API.
    pub fn name(self) -> &'static str {
        const NAMES: &[&str] = &[
            "ClientId",
            "SecretHash",
            "Username",
            "AuthFlow",
            "AuthParameters",
            "AnalyticsMetadata",
            "UserContextData",
            "ClientMetadata",
            "Password",
            "UserAttributes",
            "ValidationData",
            "ConfirmationCode",
            "ForceAliasCreation",
            "Session",
            #[cfg(any(feature = "client", feature = "srp"))]
            "ChallengeName",
            #[cfg(any(feature = "client", feature = "srp"))]
            "ChallengeResponses",
            #[cfg(any(feature = "client", feature = "srp"))]
            "AccessToken",
            #[cfg(any(feature = "client", feature = "srp"))]
            "UserCode",
            #[cfg(any(feature = "client", feature = "srp"))]
            "FriendlyDeviceName",
            #[cfg(any(feature = "client", feature = "srp"))]
            "Credential",
        ];
        NAMES[self as usize]
    }
}

/// How an operation takes a member it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// The request must carry it.
    Required,
    /// The request may carry it.
    Optional,
}

use Member::*;
use Takes::*;

/// SignUp's members.
const SIGN_UP: &[(Member, Takes)] = &[
    (ClientId, Required),
    (SecretHash, Optional),
    (Username, Required),
    (AnalyticsMetadata, Optional),
    (UserContextData, Optional),
    (ClientMetadata, Optional),
    (Password, Optional),
    (UserAttributes, Optional),
    (ValidationData, Optional),
];
/// ConfirmSignUp's members.
const CONFIRM_SIGN_UP: &[(Member, Takes)] = &[
    (ClientId, Required),
    (SecretHash, Optional),
    (Username, Required),
    (AnalyticsMetadata, Optional),
    (UserContextData, Optional),
    (ClientMetadata, Optional),
    (ConfirmationCode, Required),
    (ForceAliasCreation, Optional),
    (Session, Optional),
];
/// ResendConfirmationCode's members.
const RESEND_CONFIRMATION_CODE: &[(Member, Takes)] = &[
    (ClientId, Required),
    (SecretHash, Optional),
    (Username, Required),
    (AnalyticsMetadata, Optional),
    (UserContextData, Optional),
    (ClientMetadata, Optional),
];
/// InitiateAuth's members.
const INITIATE_AUTH: &[(Member, Takes)] = &[
    (ClientId, Required),
    (AuthFlow, Required),
    (AuthParameters, Optional),
    (AnalyticsMetadata, Optional),
    (UserContextData, Optional),
    (ClientMetadata, Optional),
    (Session, Optional),
];

/// RespondToAuthChallenge's members.
#[cfg(any(feature = "client", feature = "srp"))]
const RESPOND_TO_AUTH_CHALLENGE: &[(Member, Takes)] = &[
    (ClientId, Required),
    (ChallengeName, Required),
    (Session, Optional),
    (ChallengeResponses, Optional),
    (AnalyticsMetadata, Optional),
    (UserContextData, Optional),
    (ClientMetadata, Optional),
];

/// AssociateSoftwareToken's members (the model requires neither; Cognito one of the two).
#[cfg(any(feature = "client", feature = "srp"))]
const ASSOCIATE_SOFTWARE_TOKEN: &[(Member, Takes)] =
    &[(AccessToken, Optional), (Session, Optional)];
/// VerifySoftwareToken's members.
#[cfg(any(feature = "client", feature = "srp"))]
const VERIFY_SOFTWARE_TOKEN: &[(Member, Takes)] = &[
    (AccessToken, Optional),
    (Session, Optional),
    (UserCode, Required),
    (FriendlyDeviceName, Optional),
];

/// StartWebAuthnRegistration's members.
#[cfg(any(feature = "client", feature = "srp"))]
const START_WEB_AUTHN_REGISTRATION: &[(Member, Takes)] = &[(AccessToken, Required)];
/// CompleteWebAuthnRegistration's members.
#[cfg(any(feature = "client", feature = "srp"))]
const COMPLETE_WEB_AUTHN_REGISTRATION: &[(Member, Takes)] =
    &[(AccessToken, Required), (Credential, Required)];

/// A table's required and optional members, each a bit (`1 << member`).
const fn masks(members: &[(Member, Takes)]) -> (u32, u32) {
    let (mut required, mut optional) = (0, 0);
    let mut i = 0;
    while i < members.len() {
        let (member, takes) = members[i];
        match takes {
            Required => required |= 1 << member as u32,
            Optional => optional |= 1 << member as u32,
        }
        i += 1;
    }
    (required, optional)
}

/// The JSON type of a response member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// A JSON string.
    String,
    /// `true` or `false`.
    Boolean,
    /// A JSON object (a `Document` in the service model).
    #[cfg(any(feature = "client", feature = "srp"))]
    Object,
}
