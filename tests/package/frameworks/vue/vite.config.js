// Vite's Vue template's config, telling Vue that <cognito-sign-up> is a custom element.
import vue from "@vitejs/plugin-vue";

export default { plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "cognito-sign-up" } } })] };
