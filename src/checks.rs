//! The service model's constraints on every request member (required,
//! length, pattern), checked before anything is sent.
//!
//! Lengths count Unicode scalar values, as Smithy's `@length` does. A pattern
//! must match the whole value. Patterns made of Unicode classes (`\p{L}`, …)
//! are matched by a [`PatternMatcher`] so that the wasm build can use the
//! platform's `RegExp` instead of shipping Unicode tables.
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Problem;
use crate::operation::{Member, Operation, Takes};
use crate::password_policy::{self, PasswordPolicy};
use crate::request::{Attribute, Request};
use crate::text::{char_count, push_decimal};

/// `UsernameType`'s pattern.
pub const USERNAME_PATTERN: &str = r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+";
/// `AttributeNameType`'s pattern.
pub const ATTRIBUTE_NAME_PATTERN: &str = r"[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+";

/// A set of bytes: a bit for each ASCII byte, and one answer for all bytes
/// above 0x7F (those of multi-byte characters). A table, not a function, so
/// that checking a byte costs no call.
#[derive(Clone, Copy)]
pub struct ByteClass {
    ascii: [u64; 2],
    non_ascii: bool,
}

impl ByteClass {
    /// The ASCII bytes of `bits` (bit `b` for byte `b`), and `non_ascii`.
    const fn new(bits: u128, non_ascii: bool) -> ByteClass {
        ByteClass {
            ascii: [bits as u64, (bits >> 64) as u64],
            non_ascii,
        }
    }

    /// Whether `b` is in the class.
    #[inline(always)]
    pub fn contains(self, b: u8) -> bool {
        match self.ascii.get(usize::from(b >> 6)) {
            Some(bits) => bits >> (b & 63) & 1 == 1,
            None => self.non_ascii,
        }
    }
}

/// The bits of the bytes `first..=last`.
const fn span(first: u8, last: u8) -> u128 {
    (u128::MAX >> (127 - last)) & (u128::MAX << first)
}

/// The bit of byte `b`.
const fn bit(b: u8) -> u128 {
    1 << b
}

/// `\w` as AWS's (Java) regular expressions read it: ASCII only.
const WORD: u128 = span(b'0', b'9') | span(b'A', b'Z') | span(b'a', b'z') | bit(b'_');
/// `\s` as Java reads it: `[ \t\n\x0B\f\r]`.
const JAVA_SPACE: u128 = bit(b' ') | span(b'\t', b'\r');
/// The printable ASCII characters but space.
const GRAPHIC: u128 = span(b'!', b'~');

/// [`USERNAME_PATTERN`]'s class on ASCII: every printable character but space.
pub const USERNAME_ASCII: ByteClass = ByteClass::new(GRAPHIC, false);
/// [`ATTRIBUTE_NAME_PATTERN`]'s class on ASCII: the printable characters,
/// space, tab, line feed and carriage return.
pub const ATTRIBUTE_NAME_ASCII: ByteClass = ByteClass::new(
    GRAPHIC | bit(b' ') | bit(b'\t') | bit(b'\n') | bit(b'\r'),
    false,
);

/// Matches a whole value against a regular expression with Unicode classes.
pub trait PatternMatcher {
    /// Whether `pattern` matches all of `value`.
    fn full_match(&self, pattern: &'static str, value: &str) -> bool;
}

/// How a member's characters are constrained.
#[derive(Clone, Copy)]
enum Pattern {
    /// No pattern.
    Any,
    /// A Unicode-class pattern of the form `[…]+`, the same class on ASCII
    /// characters (so ASCII values need no matcher), and how to say it in a
    /// message.
    Unicode(&'static str, ByteClass, &'static str),
    /// A class of bytes, and how to say it in a message.
    Chars(ByteClass, &'static str),
    /// `PasswordType`: see [`password_shape`].
    Password,
}

/// A member's constraints: `min..=max` characters and a pattern.
#[derive(Clone, Copy)]
struct Rule {
    min: u32,
    max: u32,
    pattern: Pattern,
}

const CLIENT_ID: Rule = Rule {
    min: 1,
    max: 128,
    pattern: Pattern::Chars(
        ByteClass::new(WORD | bit(b'+'), false),
        "may contain only ASCII letters, digits, _ and +",
    ),
};
const SECRET_HASH: Rule = Rule {
    min: 1,
    max: 128,
    pattern: Pattern::Chars(
        ByteClass::new(WORD | bit(b'+') | bit(b'=') | bit(b'/'), false),
        "may contain only ASCII letters, digits, _, +, = and /",
    ),
};
const USERNAME: Rule = Rule {
    min: 1,
    max: 128,
    pattern: Pattern::Unicode(
        USERNAME_PATTERN,
        USERNAME_ASCII,
        "must not contain spaces or control characters",
    ),
};
const PASSWORD: Rule = Rule {
    min: 1,
    max: 256,
    pattern: Pattern::Password,
};
const ATTRIBUTE_NAME: Rule = Rule {
    min: 1,
    max: 32,
    pattern: Pattern::Unicode(
        ATTRIBUTE_NAME_PATTERN,
        ATTRIBUTE_NAME_ASCII,
        "must not contain control characters",
    ),
};
const ATTRIBUTE_VALUE: Rule = Rule {
    min: 0,
    max: 2048,
    pattern: Pattern::Any,
};
const CONFIRMATION_CODE: Rule = Rule {
    min: 1,
    max: 2048,
    pattern: Pattern::Chars(
        ByteClass::new(span(0, 127) & !JAVA_SPACE, true),
        "must not contain whitespace",
    ),
};
const SESSION: Rule = Rule {
    min: 20,
    max: 2048,
    pattern: Pattern::Any,
};
/// The flows InitiateAuth takes in this build: SRP only with feature `srp`.
pub const FLOWS: &str = if cfg!(feature = "srp") {
    "must be USER_AUTH, USER_SRP_AUTH or USER_PASSWORD_AUTH"
} else {
    "must be USER_AUTH or USER_PASSWORD_AUTH"
};
/// RespondToAuthChallenge's `SessionType`.
#[cfg(any(feature = "client", feature = "srp"))]
const CHALLENGE_SESSION: Rule = Rule {
    min: 20,
    max: 4096,
    pattern: Pattern::Any,
};
/// `TokenModelType`: an access token.
#[cfg(any(feature = "client", feature = "srp"))]
const ACCESS_TOKEN: Rule = Rule {
    min: 1,
    max: 131_072,
    pattern: Pattern::Chars(
        ByteClass::new(WORD | bit(b'-') | bit(b'=') | bit(b'.'), false),
        "may contain only ASCII letters, digits, -, _, = and .",
    ),
};
/// `SoftwareTokenMFAUserCodeType`: six digits.
#[cfg(any(feature = "client", feature = "srp"))]
const USER_CODE: Rule = Rule {
    min: 6,
    max: 6,
    pattern: Pattern::Chars(ByteClass::new(span(b'0', b'9'), false), "must be digits"),
};
/// `ChallengeNameType`: the challenges Cognito names.
#[cfg(any(feature = "client", feature = "srp"))]
const CHALLENGE_NAMES: [&str; 16] = [
    "SMS_MFA",
    "EMAIL_OTP",
    "SOFTWARE_TOKEN_MFA",
    "SELECT_MFA_TYPE",
    "MFA_SETUP",
    "PASSWORD_VERIFIER",
    "CUSTOM_CHALLENGE",
    "SELECT_CHALLENGE",
    "DEVICE_SRP_AUTH",
    "DEVICE_PASSWORD_VERIFIER",
    "ADMIN_NO_SRP_AUTH",
    "NEW_PASSWORD_REQUIRED",
    "SMS_OTP",
    "PASSWORD",
    "WEB_AUTHN",
    "PASSWORD_SRP",
];
/// `StringType`: ClientMetadata keys and values, AnalyticsEndpointId,
/// IpAddress, EncodedData.
const STRING: Rule = Rule {
    min: 0,
    max: 131_072,
    pattern: Pattern::Any,
};

/// Every problem Cognito would find in `request` for `op` by the service
/// model's constraints, plus the breaches of `policy` when one is given.
///
/// The operation's table of members ([`Operation::members`]) says which it
/// takes, and which of those it requires. In this order: the identity and
/// context members are checked (a `SecretHash` or `Username` the operation
/// has no member for is refused where it stands), then every other member
/// the operation has no member for is refused, then the rest are checked.
pub fn check(
    op: Operation,
    request: &Request,
    policy: Option<&PasswordPolicy>,
    matcher: &impl PatternMatcher,
) -> Vec<Problem> {
    use Member::*;
    let mut c = Checker {
        op,
        matcher,
        problems: Vec::new(),
    };
    let r = request;
    #[cfg(any(feature = "client", feature = "srp"))]
    c.refuse_member(ClientId, r.client_id.is_some());
    c.text(ClientId, &r.client_id, CLIENT_ID);
    c.refuse_member(SecretHash, r.secret_hash.is_some());
    c.text(SecretHash, &r.secret_hash, SECRET_HASH);
    c.refuse_member(Username, r.username.is_some());
    c.text(Username, &r.username, USERNAME);
    if op.takes(AuthFlow).is_some() {
        c.auth(r);
    }
    #[cfg(any(feature = "client", feature = "srp"))]
    if op.takes(ChallengeName).is_some() {
        c.challenge(r);
    }
    #[cfg(any(feature = "client", feature = "srp"))]
    if op.takes(AccessToken).is_some() {
        c.software_token(r);
    }
    if let Some(meta) = &r.analytics_metadata {
        c.optional(
            "AnalyticsMetadata.AnalyticsEndpointId",
            &meta.analytics_endpoint_id,
            STRING,
        );
    }
    if let Some(data) = &r.user_context_data {
        c.optional("UserContextData.IpAddress", &data.ip_address, STRING);
        c.optional("UserContextData.EncodedData", &data.encoded_data, STRING);
    }
    c.map("ClientMetadata.", &r.client_metadata);
    c.refuse_member(Password, r.password.is_some());
    c.refuse_member(UserAttributes, r.user_attributes.is_some());
    c.refuse_member(ValidationData, r.validation_data.is_some());
    c.refuse_member(ConfirmationCode, r.confirmation_code.is_some());
    c.refuse_member(ForceAliasCreation, r.force_alias_creation.is_some());
    c.refuse_member(Session, r.session.is_some());
    c.refuse_member(AuthFlow, r.auth_flow.is_some());
    c.refuse_member(AuthParameters, r.auth_parameters.is_some());
    #[cfg(any(feature = "client", feature = "srp"))]
    {
        c.refuse_member(ChallengeName, r.challenge_name.is_some());
        c.refuse_member(ChallengeResponses, r.challenge_responses.is_some());
        c.refuse_member(AnalyticsMetadata, r.analytics_metadata.is_some());
        c.refuse_member(UserContextData, r.user_context_data.is_some());
        c.refuse_member(ClientMetadata, r.client_metadata.is_some());
        c.refuse_member(AccessToken, r.access_token.is_some());
        c.refuse_member(UserCode, r.user_code.is_some());
        c.refuse_member(FriendlyDeviceName, r.friendly_device_name.is_some());
        c.refuse_member(Credential, r.credential.is_some());
    }
    if op.takes(Password).is_some() {
        c.optional("Password", &r.password, PASSWORD);
        if let (Some(password), Some(policy)) = (&r.password, policy) {
            c.problems
                .extend(password_policy::problems(password, policy));
        }
    }
    for (member, list) in [
        (UserAttributes, &r.user_attributes),
        (ValidationData, &r.validation_data),
    ] {
        if op.takes(member).is_some() {
            c.attributes(member.name(), list);
        }
    }
    c.text(ConfirmationCode, &r.confirmation_code, CONFIRMATION_CODE);
    // The sign-in operations' sessions are longer (their model's SessionType).
    #[cfg(any(feature = "client", feature = "srp"))]
    let session = if op.takes(ChallengeName).is_some() || op.takes(AccessToken).is_some() {
        CHALLENGE_SESSION
    } else {
        SESSION
    };
    #[cfg(not(any(feature = "client", feature = "srp")))]
    let session = SESSION;
    c.text(Session, &r.session, session);
    c.problems
}

struct Checker<'m, M> {
    op: Operation,
    matcher: &'m M,
    problems: Vec<Problem>,
}

impl<M: PatternMatcher> Checker<'_, M> {
    fn refuse(&mut self, field: &str, message: impl Into<Cow<'static, str>>) {
        self.problems.push(Problem::new(field, message));
    }

    /// Refuses `member`, where the request carries it (`present`) and the
    /// operation has no such member.
    fn refuse_member(&mut self, member: Member, present: bool) {
        if present && self.op.takes(member).is_none() {
            let message = ["is not a member of ", self.op.name(), "Request"].concat();
            self.refuse(member.name(), message);
        }
    }

    /// Checks the text member `member` (`value`) by `rule`, where the
    /// operation takes it: "is required" where it requires it and it is absent.
    fn text(&mut self, member: Member, value: &Option<String>, rule: Rule) {
        match (self.op.takes(member), value) {
            (Some(_), Some(v)) => self.string(member.name(), v, rule),
            (Some(Takes::Required), None) => self.refuse(member.name(), "is required"),
            _ => {}
        }
    }

    /// A map of strings (`ClientMetadata`, `AuthParameters`): each key and
    /// value is a `StringType`; `prefix` names the map (`ClientMetadata.`).
    fn map(&mut self, prefix: &str, pairs: &Option<Vec<(String, String)>>) {
        for (key, value) in pairs.iter().flatten() {
            let field = [prefix, key].concat();
            self.string(&[&field, " (key)"].concat(), key, STRING);
            self.string(&field, value, STRING);
        }
    }

    /// InitiateAuth's flow and parameters: one of the flows this build runs
    /// ([`FLOWS`]), a `USERNAME`, and the password flow's `PASSWORD` or SRP's `SRP_A`.
    fn auth(&mut self, r: &Request) {
        let flow = r.auth_flow.as_deref();
        match flow {
            None => self.refuse("AuthFlow", "is required"),
            Some("USER_AUTH" | "USER_PASSWORD_AUTH") => {}
            // SRP where this build has it (feature `srp`).
            Some("USER_SRP_AUTH") if cfg!(feature = "srp") => {}
            // The others are an admin's, a refresh's or a custom Lambda's.
            Some(_) => self.refuse("AuthFlow", FLOWS),
        }
        self.map("AuthParameters.", &r.auth_parameters);
        match r.auth_parameter("USERNAME") {
            Some(username) => self.string("AuthParameters.USERNAME", username, USERNAME),
            None => self.refuse("AuthParameters.USERNAME", "is required"),
        }
        if flow == Some("USER_PASSWORD_AUTH") && r.auth_parameter("PASSWORD").is_none() {
            self.refuse("AuthParameters.PASSWORD", "is required");
        }
        #[cfg(feature = "srp")]
        if flow == Some("USER_SRP_AUTH") && r.auth_parameter("SRP_A").is_none() {
            self.refuse("AuthParameters.SRP_A", "is required");
        }
    }

    /// RespondToAuthChallenge's challenge and its responses: a challenge
    /// Cognito names, and a `USERNAME` among the responses.
    #[cfg(any(feature = "client", feature = "srp"))]
    fn challenge(&mut self, r: &Request) {
        match r.challenge_name.as_deref() {
            None => self.refuse("ChallengeName", "is required"),
            Some(name) if CHALLENGE_NAMES.contains(&name) => {}
            Some(_) => self.refuse(
                "ChallengeName",
                "must be a challenge Cognito names, such as PASSWORD_VERIFIER",
            ),
        }
        self.map("ChallengeResponses.", &r.challenge_responses);
        let responses = r.challenge_responses.iter().flatten();
        match responses.clone().find(|(k, _)| k == "USERNAME") {
            Some((_, username)) => self.string("ChallengeResponses.USERNAME", username, USERNAME),
            None => self.refuse("ChallengeResponses.USERNAME", "is required"),
        }
    }

    /// The calls of a signed-in user: the user by an access token, or for
    /// the software-token calls the `MFA_SETUP` session (Cognito needs one),
    /// the app's code, and a passkey's credential.
    #[cfg(any(feature = "client", feature = "srp"))]
    fn software_token(&mut self, r: &Request) {
        self.optional("AccessToken", &r.access_token, ACCESS_TOKEN);
        if r.access_token.is_none() && self.op.takes(Member::Session).is_none() {
            self.refuse("AccessToken", "is required");
        } else if r.access_token.is_none() && r.session.is_none() {
            self.refuse("AccessToken", "or Session is required");
        }
        if self.op.takes(Member::Credential).is_some() && r.credential.is_none() {
            self.refuse("Credential", "is required");
        }
        if self.op.takes(Member::UserCode).is_some() {
            match &r.user_code {
                Some(code) => self.string("UserCode", code, USER_CODE),
                None => self.refuse("UserCode", "is required"),
            }
            self.optional("FriendlyDeviceName", &r.friendly_device_name, STRING);
        }
    }

    fn optional(&mut self, field: &str, value: &Option<String>, rule: Rule) {
        if let Some(v) = value {
            self.string(field, v, rule);
        }
    }

    /// Checks each attribute; field names (`UserAttributes[2].Name`) are
    /// built only for the problems found.
    fn attributes(&mut self, list: &str, attributes: &Option<Vec<Attribute>>) {
        for (i, attribute) in attributes.iter().flatten().enumerate() {
            let found = self.problems.len();
            self.string("", &attribute.name, ATTRIBUTE_NAME);
            let of_name = self.problems.len();
            self.optional("", &attribute.value, ATTRIBUTE_VALUE);
            for (k, problem) in self.problems.iter_mut().enumerate().skip(found) {
                let mut field = String::from(list);
                field.push('[');
                push_decimal(&mut field, i as u32);
                field.push_str(if k < of_name { "].Name" } else { "].Value" });
                problem.field = field;
            }
        }
    }

    fn string(&mut self, field: &str, value: &str, rule: Rule) {
        let length = char_count(value);
        if length < rule.min {
            if rule.min == 1 {
                self.refuse(field, "must not be empty");
            } else {
                self.refuse(field, characters("must have at least ", rule.min));
            }
            return;
        }
        if length > rule.max {
            self.refuse(field, characters("must have at most ", rule.max));
        }
        match rule.pattern {
            Pattern::Any => {}
            Pattern::Unicode(pattern, ascii, says) => {
                let matches = if value.is_ascii() {
                    value.bytes().all(|b| ascii.contains(b))
                } else {
                    self.matcher.full_match(pattern, value)
                };
                if !matches {
                    self.refuse(field, says);
                }
            }
            Pattern::Chars(allowed, says) => {
                if !value.bytes().all(|b| allowed.contains(b)) {
                    self.refuse(field, says);
                }
            }
            Pattern::Password => {
                if let Some(says) = password_shape(value) {
                    self.refuse(field, says);
                }
            }
        }
    }
}

/// `PasswordType`'s pattern is `[\S]+`, but Cognito's documentation accepts
/// "a non-leading, non-trailing space character" (and counts it as a
/// symbol). So a password may hold inner spaces, but no other whitespace and
/// none at either end.
/// Byte-wise: whitespace is ASCII, and a multi-byte character's bytes are
/// all above 0x7F.
fn password_shape(password: &str) -> Option<&'static str> {
    const SPACE: ByteClass = ByteClass::new(JAVA_SPACE, false);
    let bytes = password.as_bytes();
    let space = |b: Option<&u8>| b.is_some_and(|&b| SPACE.contains(b));
    if space(bytes.first()) || space(bytes.last()) {
        Some("must not begin or end with whitespace")
    } else if bytes.iter().any(|&b| b != b' ' && SPACE.contains(b)) {
        Some("must not contain tabs or line breaks")
    } else {
        None
    }
}

fn characters(prefix: &str, n: u32) -> String {
    let mut message = String::from(prefix);
    push_decimal(&mut message, n);
    message.push_str(if n == 1 { " character" } else { " characters" });
    message
}
