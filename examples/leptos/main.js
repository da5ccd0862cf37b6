// Loads the Leptos page's wasm; its `main` mounts the app.
import init from "./pkg/cognito_signup_leptos.js";

init({ module_or_path: new URL("./pkg/cognito_signup_leptos_bg.wasm", import.meta.url) });
