//! A sign-up API for a confidential app client: `POST /sign-up` and
//! `POST /confirm`, JSON in and out; confirming also signs the user in, and
//! the ID token goes into an HttpOnly cookie, never into an answer's body.
//! The client secret is read from the environment and never leaves the
//! server; each call's SecretHash is computed here. Errors answer with
//! Cognito's names.
//!
//! Environment: `COGNITO_CLIENT_ID`, `COGNITO_CLIENT_SECRET`, one of
//! `COGNITO_USER_POOL_ID` or `COGNITO_REGION`, and optionally
//! `COGNITO_ENDPOINT` (an emulator) and `ADDRESS` (default `127.0.0.1:3000`).
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use cognito_signup::types::{AttributeType, AuthFlowType, SignUpOutput};
use cognito_signup::{Client, Config, ErrorKind};
use serde::Deserialize;
use serde_json::json;

/// What every handler shares: the Cognito client and the app client's id.
struct App {
    cognito: Client,
    client_id: String,
}

/// `POST /sign-up`: `{ "username", "password", "attributes": { "email": … } }`.
#[derive(Deserialize)]
struct SignUpBody {
    username: String,
    password: String,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
}

/// `POST /confirm`: `{ "username", "code" }`, with the sign-up's `session`
/// when it answered one, or else the `password` again, to sign in.
#[derive(Deserialize)]
struct ConfirmBody {
    username: String,
    code: String,
    #[serde(default)]
    session: Option<String>,
    #[serde(default)]
    password: Option<String>,
}

async fn sign_up(
    State(app): State<Arc<App>>,
    Json(body): Json<SignUpBody>,
) -> Result<Json<SignUpOutput>, ApiError> {
    let mut call = app
        .cognito
        .sign_up()
        .client_id(&app.client_id)
        .username(body.username)
        .password(body.password);
    for (name, value) in body.attributes {
        call = call.user_attributes(AttributeType::builder().name(name).value(value).build()?);
    }
    Ok(Json(call.send().await?))
}

/// Confirms, then signs the user in: with the session ConfirmSignUp answered
/// (USER_AUTH: the code just typed is the first factor), else with the
/// password. Answers `{ "confirmed": true, "signedIn" }` (and the sign-in's
/// error name or challenge when it did not happen); the ID token is set as
/// an HttpOnly cookie.
async fn confirm(
    State(app): State<Arc<App>>,
    Json(body): Json<ConfirmBody>,
) -> Result<Response, ApiError> {
    let mut call = app
        .cognito
        .confirm_sign_up()
        .client_id(&app.client_id)
        .username(&body.username)
        .confirmation_code(body.code);
    if let Some(session) = body.session {
        call = call.session(session);
    }
    let confirmed = call.send().await?;
    let sign_in = app
        .cognito
        .initiate_auth()
        .client_id(&app.client_id)
        .auth_parameters("USERNAME", &body.username);
    let sign_in = match (confirmed.session(), body.password) {
        (Some(session), _) => sign_in.auth_flow(AuthFlowType::UserAuth).session(session),
        (None, Some(password)) => sign_in
            .auth_flow(AuthFlowType::UserPasswordAuth)
            .auth_parameters("PASSWORD", password),
        (None, None) => {
            return Ok(Json(json!({ "confirmed": true, "signedIn": false })).into_response())
        }
    };
    // The account is made either way: a failed sign-in is said, not an error.
    let out = match sign_in.send().await {
        Ok(out) => out,
        Err(error) => {
            let answer = json!({ "confirmed": true, "signedIn": false, "signInError": error.name });
            return Ok(Json(answer).into_response());
        }
    };
    let Some(id_token) = out
        .authentication_result()
        .and_then(|tokens| tokens.id_token())
    else {
        let challenge = out.challenge_name().map(|c| c.as_str());
        return Ok(
            Json(json!({ "confirmed": true, "signedIn": false, "challenge": challenge }))
                .into_response(),
        );
    };
    let max_age = out
        .authentication_result()
        .map_or(3600, |tokens| tokens.expires_in());
    let cookie = format!(
        "id_token={id_token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age={max_age}"
    );
    let answer = Json(json!({ "confirmed": true, "signedIn": true }));
    Ok(([(header::SET_COOKIE, cookie)], answer).into_response())
}

/// A failed call, answered as `{ "name", "message", "problems" }`.
struct ApiError(cognito_signup::Error);

impl From<cognito_signup::Error> for ApiError {
    fn from(error: cognito_signup::Error) -> ApiError {
        ApiError(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let error = self.0;
        let status = match (error.kind(), error.code()) {
            (_, Some("TooManyRequestsException" | "LimitExceededException")) => {
                StatusCode::TOO_MANY_REQUESTS
            }
            (ErrorKind::Refused, _) => StatusCode::BAD_REQUEST,
            (ErrorKind::Service, _) if error.fault == cognito_signup::error::Fault::Client => {
                StatusCode::BAD_REQUEST
            }
            (ErrorKind::Timeout, _) => StatusCode::GATEWAY_TIMEOUT,
            _ => StatusCode::BAD_GATEWAY,
        };
        let problems: Vec<_> = error
            .problems()
            .iter()
            .map(|p| json!({ "field": p.field, "message": p.message }))
            .collect();
        let body = json!({ "name": error.name, "message": error.message(), "problems": problems });
        (status, Json(body)).into_response()
    }
}

/// A setting from the environment, or `None` when unset or empty.
fn setting(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

#[tokio::main]
async fn main() {
    let required = |name: &str| setting(name).unwrap_or_else(|| panic!("set {name}"));
    let mut config = Config::builder().client_secret(required("COGNITO_CLIENT_SECRET"));
    if let Some(pool) = setting("COGNITO_USER_POOL_ID") {
        config = config.user_pool_id(pool);
    }
    if let Some(region) = setting("COGNITO_REGION") {
        config = config.region(region);
    }
    if let Some(endpoint) = setting("COGNITO_ENDPOINT") {
        config = config.endpoint_url(endpoint);
    }
    let app = Arc::new(App {
        cognito: Client::from_conf(config.build()),
        client_id: required("COGNITO_CLIENT_ID"),
    });
    let routes = Router::new()
        .route("/sign-up", post(sign_up))
        .route("/confirm", post(confirm))
        .with_state(app);
    let address = setting("ADDRESS").unwrap_or_else(|| "127.0.0.1:3000".into());
    let listener = tokio::net::TcpListener::bind(&address)
        .await
        .expect("the address is free");
    println!("http://{}", listener.local_addr().expect("bound"));
    axum::serve(listener, routes)
        .with_graceful_shutdown(async {
            tokio::signal::ctrl_c().await.ok();
        })
        .await
        .expect("serves");
}
