//! A sign-up API for a confidential app client: `POST /sign-up` and
//! `POST /confirm`, JSON in and out. The client secret is read from the
//! environment and never leaves the server; each call's SecretHash is
//! computed here. Errors answer with Cognito's names.
//!
//! Environment: `COGNITO_CLIENT_ID`, `COGNITO_CLIENT_SECRET`, one of
//! `COGNITO_USER_POOL_ID` or `COGNITO_REGION`, and optionally
//! `COGNITO_ENDPOINT` (an emulator) and `ADDRESS` (default `127.0.0.1:3000`).
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use cognito_signup::types::{AttributeType, ConfirmSignUpOutput, SignUpOutput};
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

/// `POST /confirm`: `{ "username", "code" }`.
#[derive(Deserialize)]
struct ConfirmBody {
    username: String,
    code: String,
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

async fn confirm(
    State(app): State<Arc<App>>,
    Json(body): Json<ConfirmBody>,
) -> Result<Json<ConfirmSignUpOutput>, ApiError> {
    let call = app
        .cognito
        .confirm_sign_up()
        .client_id(&app.client_id)
        .username(body.username);
    Ok(Json(call.confirmation_code(body.code).send().await?))
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
