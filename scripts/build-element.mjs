// Builds <cognito-sign-up> into target/shipped/ (scripts/build.sh runs it):
// element.js, the element with English inside, importing the package's
// browser entry (./index.js: one library per page, never a second copy);
// element/inline.js, the same importing ./inline.js; and
// element/{de,fr,es,ja,ar}.js, one module per other language, and
// element/phone.js, the phone field's countries, element/amplify.js, the
// reader of Amplify's outputs file, element/errors.js, English words for
// Cognito's exceptions, element/after.js, what follows a SignUp, and
// element/challenge.js, the sign-in steps, each loaded on demand; element/html.js
// (its markup as a string, for servers and builds), element/bare.js (the
// element without its styles) and element.css (those styles, as a file).
import { build } from "esbuild";
import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const src = new URL("../js/", import.meta.url).pathname;
const common = { bundle: true, minify: true, format: "esm", platform: "neutral", charset: "utf8", logLevel: "warning" };
/** What each part of the element that `elementBuild` can leave out is replaced by. */
const EMPTY = { en: "export default {}", styles: "export const adopt = () => {}" };

/**
 * esbuild's options for the element's module importing `library`, with the
 * other languages at `languageDir`; each of `without` ("en", "styles") is
 * replaced by an empty module, so that make bench can say what it weighs.
 */
export function elementBuild(library, languageDir, without = []) {
  return {
    ...common,
    entryPoints: [`${src}element.js`],
    plugins: [
      {
        name: "package-paths",
        setup(b) {
          // The library, the other languages, the phone and Amplify modules stay modules of their own, at their places in the package.
          b.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: library, external: true }));
          b.onResolve({ filter: /^\.\/([a-z]{2}|phone|amplify|html|errors|after|mistakes)\.js$/ }, ({ path }) => (path === "./en.js" ? undefined : { path: `${languageDir}${path.slice(2)}`, external: true }));
          b.onLoad({ filter: /\/element\/(en|styles)\.js$/ }, ({ path }) => {
            const part = path.match(/(\w+)\.js$/)[1];
            return without.includes(part) ? { contents: EMPTY[part], loader: "js" } : undefined;
          });
        },
      },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  const onDemand = readdirSync(`${src}element`).filter((f) => /^([a-z]{2}|phone|amplify|html|errors|after|mistakes|challenge|passkey|passkey-words)\.js$/.test(f) && f !== "en.js");
  // element.js imports the browser entry; element/inline.js (for bundlers that
  // copy no .wasm: esbuild, Angular) the entry with the wasm inside.
  await build({ ...elementBuild("./index.js", "./element/"), outfile: `${out}/element.js` });
  await build({ ...elementBuild("../inline.js", "./"), outfile: `${out}/element/inline.js` });
  // after.js loads challenge.js (the sign-in steps, their words and the QR code) only when a challenge
  // comes, and passkey.js (the passkey step) only where it offers one.
  // passkey.js loads the WebAuthn decoder (js/webauthn.js, beside it as element/webauthn.js) only where the browser lacks its own.
  const apart = {
    name: "steps-apart",
    setup(b) {
      b.onResolve({ filter: /^\.\/(challenge|passkey|passkey-words)\.js$/ }, ({ path }) => ({ path, external: true }));
      b.onResolve({ filter: /^\.\.\/webauthn\.js$/ }, () => ({ path: "./webauthn.js", external: true }));
    },
  };
  await build({ ...common, entryPoints: onDemand.map((f) => `${src}element/${f}`), outdir: `${out}/element`, plugins: [apart] });
  await build({ ...common, entryPoints: [`${src}webauthn.js`], outfile: `${out}/element/webauthn.js` });
  // element/bare.js: the element without its stylesheet, for pages that link element.css (markup
  // written by a server), so the rules are downloaded once; element.css: those rules.
  await build({ ...elementBuild("../index.js", "./", ["styles"]), outfile: `${out}/element/bare.js` });
  const { CSS } = await import(`${src}element/styles.js`);
  writeFileSync(`${out}/element.css`, `/* <cognito-sign-up>'s styles (cognito-signup/element.css): the rules the element adopts. */${CSS}`);
}
