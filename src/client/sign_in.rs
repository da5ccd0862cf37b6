//! `client.sign_in()` (feature `srp`, off wasm32 for now): one call that
//! signs a user in, as amazon-cognito-identity-js's `authenticateUser` and
//! Amplify's `signIn` do. The core decides (`cognito_signup::sign_in`): the
//! flow (`USER_AUTH` with the `Session` of ConfirmSignUp where there is one,
//! else SRP, the password never sent, and the password flow only when asked
//! for), what is refused, and SRP's answer to `PASSWORD_VERIFIER`; this door
//! draws the random bytes, reads the clock and sends. What it returns is
//! InitiateAuth's or RespondToAuthChallenge's answer: the tokens, or the next
//! challenge (an MFA code, a choice, …) for the caller to answer.
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use super::types::{AuthFlowType, InitiateAuthOutput};
use super::{drive, Client, InitiateAuth, RespondToAuthChallenge};
use crate::error::Error;
use crate::request::Request;
use crate::sign_in;

/// A sign-in being built; `send()` runs it.
pub struct SignIn {
    client: Client,
    input: Request,
}

/// Hides the user, the password and the session.
impl fmt::Debug for SignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hide = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("SignIn")
            .field("client_id", &hide(&self.input.client_id))
            .field("username", &hide(&self.input.username))
            .field("password", &hide(&self.input.password))
            .field("session", &hide(&self.input.session))
            .field("auth_flow", &self.input.auth_flow)
            .finish()
    }
}

impl Client {
    /// A sign-in to build and `send()`: `USER_AUTH` with a session, else
    /// SRP, else (when asked) the password flow.
    pub fn sign_in(&self) -> SignIn {
        SignIn {
            client: self.clone(),
            input: Request::default(),
        }
    }
}

impl SignIn {
    /// `ClientId`: the app client id.
    pub fn client_id(mut self, id: impl Into<String>) -> Self {
        self.input.client_id = Some(id.into());
        self
    }
    /// The user's name (or email or phone number, where those sign in).
    pub fn username(mut self, username: impl Into<String>) -> Self {
        self.input.username = Some(username.into());
        self
    }
    /// The password: proven by SRP, sent only in the password flow.
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.input.password = Some(password.into());
        self
    }
    /// The `Session` of ConfirmSignUp: signs in with `USER_AUTH`, no password needed.
    pub fn session(mut self, session: impl Into<String>) -> Self {
        self.input.session = Some(session.into());
        self
    }
    /// Adds one entry to `ClientMetadata`, for the pool's Lambda triggers.
    pub fn client_metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        let pairs = self.input.client_metadata.get_or_insert_with(Vec::new);
        pairs.push((key.into(), value.into()));
        self
    }
    /// The flow, where the choice above is not wanted: `UserAuth`, `UserSrpAuth` or `UserPasswordAuth`.
    pub fn auth_flow(mut self, flow: AuthFlowType) -> Self {
        self.input.auth_flow = Some(flow.as_str().into());
        self
    }
    /// `AuthParameters.PREFERRED_CHALLENGE`: the first factor to sign in with
    /// (`WEB_AUTHN`, `EMAIL_OTP`, `SMS_OTP`), for choice-based sign-in (`USER_AUTH`).
    pub fn preferred_challenge(mut self, challenge: impl Into<String>) -> Self {
        let pairs = self.input.auth_parameters.get_or_insert_with(Vec::new);
        pairs.push((String::from("PREFERRED_CHALLENGE"), challenge.into()));
        self
    }

    /// Signs in: refuses what cannot work before sending anything, then
    /// sends InitiateAuth and, for SRP, answers `PASSWORD_VERIFIER`.
    pub async fn send(self) -> Result<InitiateAuthOutput, Error> {
        let config = &self.client.config;
        let pool_id = config.user_pool_id.as_deref();
        let fill =
            |bytes: &mut [u8]| getrandom::fill(bytes).expect("the platform's random numbers");
        let (sign_in, request) = sign_in::SignIn::start(&self.input, pool_id, fill)?;
        let http = self.client.http.clone();
        let first = drive::<InitiateAuth>(http.clone(), request, (**config).clone()).await?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let parameters = first.challenge_parameters();
        let challenge = first.challenge_name().map(|c| c.as_str());
        let parameter = |name: &str| parameters.and_then(|p| p.get(name).cloned());
        match sign_in.answer(challenge, parameter, first.session(), now) {
            None => Ok(first),
            Some(answer) => {
                drive::<RespondToAuthChallenge>(http, answer?, (**config).clone()).await
            }
        }
    }
}
