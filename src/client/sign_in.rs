//! `client.sign_in()` (feature `srp`, off wasm32 for now): one call that
//! signs a user in, as amazon-cognito-identity-js's `authenticateUser` and
//! Amplify's `signIn` do. It chooses the flow: `USER_AUTH` with the
//! `Session` of ConfirmSignUp where there is one, else SRP
//! (`USER_SRP_AUTH`, the password never sent), and the password flow only
//! when asked for; it answers `PASSWORD_VERIFIER` itself. What it returns
//! is InitiateAuth's or RespondToAuthChallenge's answer: the tokens, or the
//! next challenge (an MFA code, a choice, …) for the caller to answer.
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use super::types::{AuthFlowType, InitiateAuthOutput};
use super::Client;
use crate::error::{Error, ErrorKind, Fault, Problem, UNKNOWN_ERROR};
use crate::srp::{timestamp, Srp};

/// A sign-in being built; `send()` runs it.
pub struct SignIn {
    client: Client,
    client_id: Option<String>,
    username: Option<String>,
    password: Option<String>,
    session: Option<String>,
    client_metadata: Vec<(String, String)>,
    auth_flow: Option<AuthFlowType>,
}

/// Hides the password and the session.
impl fmt::Debug for SignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hide = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("SignIn")
            .field("client_id", &hide(&self.client_id))
            .field("username", &hide(&self.username))
            .field("password", &hide(&self.password))
            .field("session", &hide(&self.session))
            .field("auth_flow", &self.auth_flow)
            .finish()
    }
}

impl Client {
    /// A sign-in to build and `send()`: `USER_AUTH` with a session, else
    /// SRP, else (when asked) the password flow.
    pub fn sign_in(&self) -> SignIn {
        SignIn {
            client: self.clone(),
            client_id: None,
            username: None,
            password: None,
            session: None,
            client_metadata: Vec::new(),
            auth_flow: None,
        }
    }
}

impl SignIn {
    /// `ClientId`: the app client id.
    pub fn client_id(mut self, id: impl Into<String>) -> Self {
        self.client_id = Some(id.into());
        self
    }
    /// The user's name (or email or phone number, where those sign in).
    pub fn username(mut self, username: impl Into<String>) -> Self {
        self.username = Some(username.into());
        self
    }
    /// The password: proven by SRP, sent only in the password flow.
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.password = Some(password.into());
        self
    }
    /// The `Session` of ConfirmSignUp: signs in with `USER_AUTH`, no password needed.
    pub fn session(mut self, session: impl Into<String>) -> Self {
        self.session = Some(session.into());
        self
    }
    /// Adds one entry to `ClientMetadata`, for the pool's Lambda triggers.
    pub fn client_metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.client_metadata.push((key.into(), value.into()));
        self
    }
    /// The flow, where the choice above is not wanted: `UserAuth`, `UserSrpAuth` or `UserPasswordAuth`.
    pub fn auth_flow(mut self, flow: AuthFlowType) -> Self {
        self.auth_flow = Some(flow);
        self
    }

    /// Signs in: refuses what cannot work before sending anything, then
    /// sends InitiateAuth and, for SRP, answers `PASSWORD_VERIFIER`.
    pub async fn send(self) -> Result<InitiateAuthOutput, Error> {
        let flow = match (&self.auth_flow, &self.session) {
            (Some(flow), _) => flow.clone(),
            (None, Some(_)) => AuthFlowType::UserAuth,
            (None, None) => AuthFlowType::UserSrpAuth,
        };
        let pool_id = self.client.config.user_pool_id.clone();
        let mut problems = Vec::new();
        match flow {
            AuthFlowType::UserAuth => {}
            AuthFlowType::UserSrpAuth | AuthFlowType::UserPasswordAuth
                if self.password.is_none() =>
            {
                problems.push(Problem::new(
                    "password",
                    "is required for SRP and the password flow",
                ));
            }
            AuthFlowType::UserSrpAuth if pool_id.is_none() => {
                problems.push(Problem::new(
                    "user_pool_id",
                    "is required for SRP: the pool's name is part of the password's proof",
                ));
            }
            AuthFlowType::UserSrpAuth | AuthFlowType::UserPasswordAuth => {}
            _ => problems.push(Problem::new(
                "auth_flow",
                "must be UserAuth, UserSrpAuth or UserPasswordAuth",
            )),
        }
        if self.username.is_none() {
            problems.insert(0, Problem::new("username", "is required"));
        }
        if !problems.is_empty() {
            return Err(Error::refused(problems));
        }
        let username = self.username.clone().unwrap_or_default();
        let mut call = self
            .client
            .initiate_auth()
            .client_id(self.client_id.clone().unwrap_or_default())
            .auth_flow(flow.clone())
            .auth_parameters("USERNAME", &username);
        for (key, value) in &self.client_metadata {
            call = call.client_metadata(key, value);
        }
        let (call, srp) = match flow {
            AuthFlowType::UserAuth => {
                (call.session(self.session.clone().unwrap_or_default()), None)
            }
            AuthFlowType::UserPasswordAuth => {
                let password = self.password.clone().unwrap_or_default();
                (call.auth_parameters("PASSWORD", password), None)
            }
            // SRP's secret exponent is drawn only for SRP.
            _ => {
                let srp = Srp::new(|bytes| {
                    getrandom::fill(bytes).expect("the platform's random numbers")
                });
                (call.auth_parameters("SRP_A", srp.srp_a()), Some(srp))
            }
        };
        let first = call.send().await?;
        match srp {
            Some(srp)
                if first.challenge_name().map(|c| c.as_str()) == Some("PASSWORD_VERIFIER") =>
            {
                self.answer_verifier(&srp, first, &pool_id.unwrap_or_default())
                    .await
            }
            _ => Ok(first),
        }
    }

    /// Answers `PASSWORD_VERIFIER` with the claim SRP proves the password by.
    async fn answer_verifier(
        &self,
        srp: &Srp,
        challenge: InitiateAuthOutput,
        pool_id: &str,
    ) -> Result<InitiateAuthOutput, Error> {
        let parameters = challenge
            .challenge_parameters()
            .cloned()
            .unwrap_or_default();
        let get = |name: &'static str| {
            parameters.get(name).cloned().ok_or_else(|| {
                let message = [
                    "PASSWORD_VERIFIER lacks ",
                    name,
                    ": the endpoint may not be Cognito",
                ]
                .concat();
                Error::new(ErrorKind::Unknown, UNKNOWN_ERROR, message, Fault::Server)
            })
        };
        let user_id = get("USER_ID_FOR_SRP")?;
        let block = get("SECRET_BLOCK")?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let timestamp = timestamp(now);
        let password = self.password.as_deref().unwrap_or_default();
        let claim = srp
            .claim(
                pool_id,
                &user_id,
                password,
                &get("SALT")?,
                &get("SRP_B")?,
                &block,
                &timestamp,
            )
            .map_err(|e| {
                Error::new(
                    ErrorKind::Unknown,
                    UNKNOWN_ERROR,
                    e.message(),
                    Fault::Server,
                )
            })?;
        let mut call = self
            .client
            .respond_to_auth_challenge()
            .client_id(self.client_id.clone().unwrap_or_default())
            .challenge_name("PASSWORD_VERIFIER")
            .challenge_responses("USERNAME", user_id)
            .challenge_responses("PASSWORD_CLAIM_SECRET_BLOCK", block)
            .challenge_responses("TIMESTAMP", timestamp)
            .challenge_responses("PASSWORD_CLAIM_SIGNATURE", claim);
        if let Some(session) = challenge.session() {
            call = call.session(session);
        }
        for (key, value) in &self.client_metadata {
            call = call.client_metadata(key, value);
        }
        call.send().await
    }
}
