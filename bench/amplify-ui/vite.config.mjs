// Builds the Amplify UI page with Vite's defaults, relative to wherever the bench serves it.
export default { base: "./", logLevel: "error", build: { outDir: process.env.AMPLIFY_UI_OUT, emptyOutDir: true } };
