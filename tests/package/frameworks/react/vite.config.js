// Vite's React template's config: the React plugin, nothing for cognito-signup.
import react from "@vitejs/plugin-react";

export default { plugins: [react()] };
