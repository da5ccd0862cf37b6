//! The sign-up page of `www/`, in Rust: Leptos over cognito-signup's Rust
//! API. It reads the same `config.json`, and has the same steps: sign up
//! (with a live password checklist, and refused fields shown next to the
//! field before anything is sent), confirm with the emailed code, resend it
//! with a cooldown, and done.
use cognito_signup::types::AttributeType;
use cognito_signup::{
    check_password, Client, Config, Error, ErrorKind, PasswordPolicy, PolicyRule,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

fn main() {
    leptos::mount::mount_to_body(App);
}

/// `config.json`, as `www/` reads it.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageConfig {
    user_pool_id: Option<String>,
    region: Option<String>,
    endpoint: Option<String>,
    client_id: String,
    password_policy: PasswordPolicy,
    attributes: Vec<Field>,
    #[serde(default = "thirty")]
    resend_cooldown_seconds: u32,
}

fn thirty() -> u32 {
    30
}

/// An attribute the form asks for.
#[derive(Clone, Debug, Deserialize)]
struct Field {
    name: String,
    label: String,
    #[serde(rename = "type", default)]
    input_type: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    autocomplete: Option<String>,
}

impl PageConfig {
    fn client(&self) -> Client {
        let mut config = Config::builder().password_policy(self.password_policy);
        if let Some(region) = &self.region {
            config = config.region(region.as_str());
        }
        if let Some(pool) = &self.user_pool_id {
            config = config.user_pool_id(pool);
        }
        if let Some(endpoint) = &self.endpoint {
            config = config.endpoint_url(endpoint);
        }
        Client::from_conf(config.build())
    }
}

async fn load_config() -> Result<PageConfig, String> {
    let response = gloo_net::http::Request::get("config.json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    response.json().await.map_err(|e| e.to_string())
}

/// Where the user is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    SignUp,
    Confirm {
        username: String,
        destination: String,
    },
    Done,
}

#[component]
fn App() -> impl IntoView {
    let config = LocalResource::new(load_config);
    view! {
        <main>
            {move || match config.get() {
                None => view! { <p id="loading" class="status">"Loading…"</p> }.into_any(),
                Some(Err(e)) => view! { <div id="banner" class="banner" role="alert">{format!("The page could not load its settings: {e}")}</div> }.into_any(),
                Some(Ok(config)) => view! { <Flow config /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Flow(config: PageConfig) -> impl IntoView {
    let step = RwSignal::new(Step::SignUp);
    let banner = RwSignal::new(None::<String>);
    let client = config.client();
    let cooldown = config.resend_cooldown_seconds;
    view! {
        <Show when=move || banner.get().is_some()>
            <div id="banner" class="banner" role="alert">{move || banner.get()}</div>
        </Show>
        {move || match step.get() {
            Step::SignUp => view! { <SignUpForm config=config.clone() client=client.clone() step banner /> }.into_any(),
            Step::Confirm { username, destination } => view! {
                <ConfirmForm config=config.clone() client=client.clone() step banner username destination cooldown />
            }.into_any(),
            Step::Done => view! {
                <section id="step-done" class="step">
                    <h1 id="done-title">"You're all set"</h1>
                    <p>"Your account is confirmed. You can now sign in."</p>
                </section>
            }.into_any(),
        }}
    }
}

/// What a password rule asks, in plain words.
fn rule_text(rule: PolicyRule, policy: &PasswordPolicy) -> String {
    match rule {
        PolicyRule::MinimumLength => {
            format!("At least {} characters", policy.minimum_length.unwrap_or(0))
        }
        PolicyRule::RequireUppercase => "An uppercase letter".into(),
        PolicyRule::RequireLowercase => "A lowercase letter".into(),
        PolicyRule::RequireNumbers => "A number".into(),
        PolicyRule::RequireSymbols => "A symbol".into(),
    }
}

/// The rules of `policy`, in the order Cognito lists them.
fn rules(policy: &PasswordPolicy) -> Vec<PolicyRule> {
    let wanted = [
        (policy.minimum_length.is_some(), PolicyRule::MinimumLength),
        (policy.require_uppercase, PolicyRule::RequireUppercase),
        (policy.require_lowercase, PolicyRule::RequireLowercase),
        (policy.require_numbers, PolicyRule::RequireNumbers),
        (policy.require_symbols, PolicyRule::RequireSymbols),
    ];
    wanted
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, rule)| rule)
        .collect()
}

/// The id of the input that a refused field names: `Username`, `Password`,
/// or `UserAttributes[i]…` (the `i`-th attribute sent, `sent[i]` in the form).
fn input_of(field: &str, sent: &[usize]) -> Option<String> {
    match field {
        "Username" => Some("username".into()),
        "Password" => Some("password".into()),
        _ => {
            let index = field
                .strip_prefix("UserAttributes[")?
                .split(']')
                .next()?
                .parse::<usize>()
                .ok()?;
            Some(format!("attribute-{}", sent.get(index)?))
        }
    }
}

/// A text input with its label and its error, by `id`.
#[component]
fn Input(
    id: String,
    label: String,
    value: RwSignal<String>,
    errors: RwSignal<Vec<(String, String)>>,
    #[prop(optional)] input_type: Option<String>,
    #[prop(optional)] autocomplete: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let key = id.clone();
    let error = Memo::new(move |_| {
        errors.with(|e| e.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone()))
    });
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=input_type.unwrap_or_else(|| "text".into())
                autocomplete=autocomplete
                aria-describedby=error_id.clone()
                aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <p class="error" id=error_id hidden=move || error.get().is_none()>{move || error.get()}</p>
        </div>
    }
}

#[component]
fn SignUpForm(
    config: PageConfig,
    client: Client,
    step: RwSignal<Step>,
    banner: RwSignal<Option<String>>,
) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let values: Vec<RwSignal<String>> = config
        .attributes
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let busy = RwSignal::new(false);
    let policy = config.password_policy;
    let fields = config.attributes.clone();
    let inputs = values.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get() {
            return;
        }
        banner.set(None);
        let mut found = Vec::new();
        let mut request = client
            .sign_up()
            .client_id(&config.client_id)
            .username(username.get())
            .password(password.get());
        let mut sent = Vec::new();
        for (i, (field, value)) in fields.iter().zip(&inputs).enumerate() {
            let value = value.get();
            if value.is_empty() {
                if field.required {
                    found.push((
                        format!("attribute-{i}"),
                        format!("Enter your {}.", field.label.to_lowercase()),
                    ));
                }
                continue;
            }
            match AttributeType::builder()
                .name(&field.name)
                .value(value)
                .build()
            {
                Ok(attribute) => request = request.user_attributes(attribute),
                Err(e) => found.push((format!("attribute-{i}"), e.message().to_string())),
            }
            sent.push(i);
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        let name = username.get();
        busy.set(true);
        spawn_local(async move {
            let result = request.send().await;
            busy.set(false);
            match result {
                Ok(out) => {
                    let destination = out
                        .code_delivery_details()
                        .and_then(|d| d.destination())
                        .unwrap_or("your email")
                        .to_string();
                    step.set(Step::Confirm {
                        username: name,
                        destination,
                    });
                }
                Err(e) => errors.set(sign_up_errors(&e, &sent, banner)),
            }
        });
    };
    let attribute_inputs = config
        .attributes
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (field, value))| {
            view! {
                <Input id=format!("attribute-{i}") label=field.label.clone() value errors
                    input_type=field.input_type.clone().unwrap_or_else(|| "text".into())
                    autocomplete=field.autocomplete.clone().unwrap_or_default() />
            }
        })
        .collect_view();
    let checklist = rules(&policy)
        .into_iter()
        .map(|rule| {
            let met = move || !check_password(&password.get(), &policy).contains(&rule);
            view! { <li class:met=met>{rule_text(rule, &policy)}</li> }
        })
        .collect_view();
    view! {
        <section id="step-signup" class="step">
            <h1 id="signup-title">"Create your account"</h1>
            <form id="signup-form" novalidate on:submit=submit>
                <Input id="username".into() label="Username".into() value=username errors autocomplete="username".into() />
                {attribute_inputs}
                <Input id="password".into() label="Password".into() value=password errors input_type="password".into() autocomplete="new-password".into() />
                <ul id="password-rules" class="rules" aria-label="Password requirements">{checklist}</ul>
                <button type="submit" id="signup-submit" aria-busy=move || busy.get().to_string()>
                    {move || if busy.get() { "Creating account…" } else { "Create account" }}
                </button>
            </form>
        </section>
    }
}

/// The field errors of a failed sign-up; what no field explains goes to the banner.
fn sign_up_errors(
    e: &Error,
    sent: &[usize],
    banner: RwSignal<Option<String>>,
) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    match (e.kind(), e.code()) {
        (ErrorKind::Refused, _) => {
            for problem in e.problems() {
                match input_of(&problem.field, sent) {
                    Some(input) => errors.push((input, format!("This {}.", problem.message))),
                    None => banner.set(Some(e.message().to_string())),
                }
            }
        }
        (_, Some("UsernameExistsException")) => {
            errors.push(("username".into(), "That username is taken.".into()))
        }
        (_, Some("InvalidPasswordException")) => {
            errors.push(("password".into(), e.message().to_string()))
        }
        (ErrorKind::Network | ErrorKind::Timeout, _) => banner.set(Some(
            "We could not reach the sign-up service. Check your connection and try again.".into(),
        )),
        _ => banner.set(Some(format!("Something went wrong: {}", e.message()))),
    }
    errors
}

#[component]
fn ConfirmForm(
    config: PageConfig,
    client: Client,
    step: RwSignal<Step>,
    banner: RwSignal<Option<String>>,
    username: String,
    destination: String,
    cooldown: u32,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(String, String)>::new());
    let busy = RwSignal::new(false);
    let wait = RwSignal::new(cooldown);
    let status = RwSignal::new(String::new());
    let count_down = move || {
        spawn_local(async move {
            while wait.get_untracked() > 0 {
                gloo_timers::future::TimeoutFuture::new(1_000).await;
                wait.update(|s| *s = s.saturating_sub(1));
            }
        })
    };
    count_down();
    let (confirm_client, confirm_user, client_id) =
        (client.clone(), username.clone(), config.client_id.clone());
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        banner.set(None);
        if code.get().trim().is_empty() {
            errors.set(vec![("code".into(), "Enter the code we sent you.".into())]);
            return;
        }
        let request = confirm_client
            .confirm_sign_up()
            .client_id(&client_id)
            .username(&confirm_user)
            .confirmation_code(code.get().trim());
        busy.set(true);
        spawn_local(async move {
            let result = request.send().await;
            busy.set(false);
            match result {
                Ok(_) => step.set(Step::Done),
                Err(e) => match e.code() {
                    Some("CodeMismatchException") => banner.set(Some(
                        "That code is not right. Check it and try again.".into(),
                    )),
                    Some("ExpiredCodeException") => {
                        banner.set(Some("That code has expired. Ask for a new one.".into()))
                    }
                    _ if e.kind() == ErrorKind::Refused => errors.set(vec![(
                        "code".into(),
                        format!("This code {}.", e.problems()[0].message),
                    )]),
                    _ => banner.set(Some(format!("Something went wrong: {}", e.message()))),
                },
            }
        });
    };
    let (resend_user, client_id) = (username.clone(), config.client_id.clone());
    let resend = move |_: leptos::ev::MouseEvent| {
        banner.set(None);
        let request = client
            .resend_confirmation_code()
            .client_id(&client_id)
            .username(&resend_user);
        wait.set(cooldown);
        count_down();
        spawn_local(async move {
            match request.send().await {
                Ok(_) => status.set("A new code is on its way.".into()),
                Err(_) => banner.set(Some(
                    "We could not send a new code. Try again in a moment.".into(),
                )),
            }
        });
    };
    view! {
        <section id="step-confirm" class="step">
            <h1 id="confirm-title">"Confirm your account"</h1>
            <p id="confirm-destination">{format!("We sent a code to {destination}.")}</p>
            <form id="confirm-form" novalidate on:submit=confirm>
                <Input id="code".into() label="Confirmation code".into() value=code errors autocomplete="one-time-code".into() />
                <button type="submit" id="confirm-submit" aria-busy=move || busy.get().to_string()>"Confirm"</button>
                <button type="button" id="resend" class="secondary" disabled=move || { wait.get() > 0 } on:click=resend>
                    {move || match wait.get() { 0 => "Resend code".to_string(), s => format!("Resend code ({s} s)") }}
                </button>
                <p id="resend-status" class="status" aria-live="polite">{move || status.get()}</p>
            </form>
        </section>
    }
}
