// Vite's Svelte template's config: the Svelte plugin, nothing for cognito-signup.
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default { plugins: [svelte()] };
