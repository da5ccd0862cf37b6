//! Signing in as one call, for every door (feature `srp`): which flow runs,
//! what is refused before anything is sent, InitiateAuth's request, and the
//! RespondToAuthChallenge that answers `PASSWORD_VERIFIER` by SRP. Pure: the
//! driver brings the random bytes and the clock, and sends each request
//! through a [`Call`](crate::call::Call) as it sends any other.
//!
//! The flow, unless `AuthFlow` names one: `USER_AUTH` with the `Session` of
//! ConfirmSignUp where there is one, or with `AuthParameters.PREFERRED_CHALLENGE`
//! (a passkey, `WEB_AUTHN`; a code, `EMAIL_OTP`), else `USER_SRP_AUTH` (the password
//! never leaves the device); `USER_PASSWORD_AUTH` only when asked for.
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{Error, ErrorKind, Fault, Problem, UNKNOWN_ERROR};
use crate::request::Request;
use crate::srp::{timestamp, Srp};

/// A sign-in under way: what answers `PASSWORD_VERIFIER` once InitiateAuth
/// has been answered. Holds the password in memory; never shown.
pub struct SignIn {
    client_id: Option<String>,
    client_metadata: Option<Vec<(String, String)>>,
    /// For SRP: its secret, the pool's id and the password.
    srp: Option<(Srp, String, String)>,
}

/// Shows only which flow runs: never the password or SRP's secret.
impl fmt::Debug for SignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flow = if self.srp.is_some() {
            "USER_SRP_AUTH"
        } else {
            "other"
        };
        f.debug_struct("SignIn").field("flow", &flow).finish()
    }
}

/// The flows `signIn` runs.
const FLOWS: [&str; 3] = ["USER_AUTH", "USER_SRP_AUTH", "USER_PASSWORD_AUTH"];

impl SignIn {
    /// Checks a sign-in's input (`ClientId`, `Username`, `Password`,
    /// `Session`, `ClientMetadata` and `AuthFlow` of `input`) for the pool
    /// `pool_id`, refusing every problem at once before anything is sent.
    /// Returns the sign-in and the InitiateAuth request to send; `random`
    /// fills SRP's secret exponent (the platform's CSPRNG), and is called only
    /// for SRP.
    pub fn start(
        input: &Request,
        pool_id: Option<&str>,
        random: impl FnMut(&mut [u8]),
    ) -> Result<(SignIn, Request), Error> {
        // AuthParameters may say which first factor the person prefers (choice-based sign-in):
        // it is USER_AUTH's, as the session is. Any other parameter is signIn's to set.
        let mut problems = Vec::new();
        let mut preferred = None;
        for (key, value) in input.auth_parameters.iter().flatten() {
            if key == "PREFERRED_CHALLENGE" {
                preferred = Some(value.clone());
            } else {
                let field = [String::from("AuthParameters."), key.clone()].concat();
                problems.push(Problem::new(field, "is not a member of signIn's input"));
            }
        }
        let flow = match (&input.auth_flow, &input.session, &preferred) {
            (Some(flow), _, _) => flow.as_str(),
            (None, Some(_), _) | (None, None, Some(_)) => FLOWS[0],
            (None, None, None) => FLOWS[1],
        };
        // What only other calls take: InitiateAuth's own map is built here, the rest is not sign-in's.
        let others = [
            ("SecretHash", input.secret_hash.is_some()),
            ("UserAttributes", input.user_attributes.is_some()),
            ("ValidationData", input.validation_data.is_some()),
            ("ConfirmationCode", input.confirmation_code.is_some()),
            ("ForceAliasCreation", input.force_alias_creation.is_some()),
            ("ChallengeName", input.challenge_name.is_some()),
            ("ChallengeResponses", input.challenge_responses.is_some()),
            ("AccessToken", input.access_token.is_some()),
            ("UserCode", input.user_code.is_some()),
            ("FriendlyDeviceName", input.friendly_device_name.is_some()),
        ];
        for (field, _) in others.iter().filter(|(_, given)| *given) {
            problems.push(Problem::new(*field, "is not a member of signIn's input"));
        }
        if input.username.as_deref().unwrap_or_default().is_empty() {
            problems.push(Problem::new("Username", "is required"));
        }
        if preferred.is_some() && flow != FLOWS[0] {
            problems.push(Problem::new(
                "AuthParameters.PREFERRED_CHALLENGE",
                "is for USER_AUTH (choice-based sign-in) only",
            ));
        }
        if !FLOWS.contains(&flow) {
            problems.push(Problem::new(
                "AuthFlow",
                "must be USER_AUTH, USER_SRP_AUTH or USER_PASSWORD_AUTH",
            ));
        } else if flow != FLOWS[0] && input.password.is_none() {
            problems.push(Problem::new(
                "Password",
                "is required for SRP and the password flow",
            ));
        }
        if flow == FLOWS[1] && pool_id.is_none() {
            problems.push(Problem::new(
                "config.userPoolId",
                "is required for SRP: the pool's name is part of the password's proof",
            ));
        }
        if !problems.is_empty() {
            return Err(Error::refused(problems));
        }
        let username = input.username.clone().unwrap_or_default();
        let mut parameters = Vec::from([(String::from("USERNAME"), username)]);
        if let Some(preferred) = preferred {
            parameters.push((String::from("PREFERRED_CHALLENGE"), preferred));
        }
        let mut srp = None;
        if flow == FLOWS[1] {
            let s = Srp::new(random);
            parameters.push((String::from("SRP_A"), s.srp_a()));
            let pool = String::from(pool_id.unwrap_or_default());
            srp = Some((s, pool, input.password.clone().unwrap_or_default()));
        } else if flow == FLOWS[2] {
            let password = input.password.clone().unwrap_or_default();
            parameters.push((String::from("PASSWORD"), password));
        }
        let request = Request {
            client_id: input.client_id.clone(),
            auth_flow: Some(String::from(flow)),
            auth_parameters: Some(parameters),
            client_metadata: input.client_metadata.clone(),
            session: input.session.clone().filter(|_| flow == FLOWS[0]),
            user_context_data: input.user_context_data.clone(),
            analytics_metadata: input.analytics_metadata.clone(),
            ..Request::default()
        };
        let sign_in = SignIn {
            client_id: input.client_id.clone(),
            client_metadata: input.client_metadata.clone(),
            srp,
        };
        Ok((sign_in, request))
    }

    /// The RespondToAuthChallenge request that answers InitiateAuth's answer
    /// (`challenge`, its `ChallengeParameters` by `parameter`, its
    /// `Session`) at `unix_seconds`, or `None` where sign-in has nothing to
    /// answer: the tokens, or a challenge that is the caller's (an MFA code,
    /// a choice). An answer Cognito could not have given is an error.
    pub fn answer(
        &self,
        challenge: Option<&str>,
        parameter: impl Fn(&str) -> Option<String>,
        session: Option<&str>,
        unix_seconds: u64,
    ) -> Option<Result<Request, Error>> {
        let (srp, pool, password) = self.srp.as_ref()?;
        if challenge != Some("PASSWORD_VERIFIER") {
            return None;
        }
        let get = |name: &'static str| {
            parameter(name).ok_or_else(|| {
                let message = [
                    "PASSWORD_VERIFIER lacks ",
                    name,
                    ": the endpoint may not be Cognito",
                ];
                unknown(message.concat())
            })
        };
        let answer = || {
            let user_id = get("USER_ID_FOR_SRP")?;
            let block = get("SECRET_BLOCK")?;
            let timestamp = timestamp(unix_seconds);
            let (salt, b) = (get("SALT")?, get("SRP_B")?);
            let claim = srp
                .claim(pool, &user_id, password, &salt, &b, &block, &timestamp)
                .map_err(|e| unknown(String::from(e.message())))?;
            let responses = [
                ("USERNAME", user_id),
                ("PASSWORD_CLAIM_SECRET_BLOCK", block),
                ("TIMESTAMP", timestamp),
                ("PASSWORD_CLAIM_SIGNATURE", claim),
            ];
            Ok(Request {
                client_id: self.client_id.clone(),
                challenge_name: Some(String::from("PASSWORD_VERIFIER")),
                challenge_responses: Some(
                    responses
                        .into_iter()
                        .map(|(k, v)| (String::from(k), v))
                        .collect(),
                ),
                session: session.map(String::from),
                client_metadata: self.client_metadata.clone(),
                ..Request::default()
            })
        };
        Some(answer())
    }
}

/// An answer that no Cognito gives (a missing or broken SRP parameter).
fn unknown(message: String) -> Error {
    Error::new(ErrorKind::Unknown, UNKNOWN_ERROR, message, Fault::Server)
}
