// Builds <cognito-sign-up> into target/shipped/ (scripts/build.sh runs it):
// element.js, the element with English inside, importing the package's
// browser entry (./index.js: one library per page, never a second copy);
// element/inline.js, the same importing ./inline.js; and
// element/{de,fr,es,ja,ar}.js, one module per other language, loaded on demand.
import { build } from "esbuild";
import { readdirSync } from "node:fs";

const out = process.argv[2];
const src = new URL("../js/", import.meta.url).pathname;
const languages = readdirSync(`${src}element`).filter((f) => /^[a-z]{2}\.js$/.test(f) && f !== "en.js");
const common = { bundle: true, minify: true, format: "esm", platform: "neutral", charset: "utf8", logLevel: "warning" };

// element.js imports the browser entry; element/inline.js (for bundlers that
// copy no .wasm: esbuild, Angular) the entry with the wasm inside.
for (const [outfile, library, languageDir] of [
  ["element.js", "./index.js", "./element/"],
  ["element/inline.js", "../inline.js", "./"],
]) {
  await build({
    ...common,
    entryPoints: [`${src}element.js`],
    outfile: `${out}/${outfile}`,
    plugins: [
      {
        name: "package-paths",
        setup(b) {
          // The library and the other languages stay modules of their own, at their places in the package.
          b.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: library, external: true }));
          b.onResolve({ filter: /^\.\/[a-z]{2}\.js$/ }, ({ path }) => (path === "./en.js" ? undefined : { path: `${languageDir}${path.slice(2)}`, external: true }));
        },
      },
    ],
  });
}
await build({ ...common, entryPoints: languages.map((f) => `${src}element/${f}`), outdir: `${out}/element` });
