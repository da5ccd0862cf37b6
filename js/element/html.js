// cognito-signup/element/html: <cognito-sign-up>'s markup as a string, with
// no DOM (Node, Deno, Bun, Workers, a build step, the browser), from the same
// pipeline and description the element draws (pipeline.js, render.js).
// Written into the page (inside the tag, with the element's rules inline,
// `renderStyle`, or cognito-signup/element.css linked), it shows the form at
// first paint; the element takes it over when its script arrives.
import { describe } from "./pipeline.js";
import { attributes, broken } from "./render.js";
import { CSS, CSS_HASH } from "./styles.js";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (text) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** The markup of description `d` (or a text), every text and attribute value escaped. */
export function toHtml(d) {
  if (typeof d === "string") return escape(d);
  const open = `<${d.tag}${attributes(d).map(([name, value]) => ` ${name}="${escape(value)}"`).join("")}>`;
  return d.tag === "input" ? open : `${open}${d.children.map(toHtml).join("")}</${d.tag}>`;
}

/**
 * The element's markup for `config` (what the element takes: its format, or
 * `amplify_outputs.json`), in `lang` (the element's language: the `lang` of
 * the page or of the tag) with the host's `translations`, and the host's own
 * `beforeSubmit` markup (trusted, as it is: its children should carry
 * `slot="before-submit"`) in its place. A configuration that is wrong gives
 * the element's plain-words problems, and no form.
 */
export async function renderSignUp(config, { lang = "en", translations, beforeSubmit = "" } = {}) {
  const { dict, problems, described } = await describe(config ?? {}, { lang, translations });
  if (problems) return toHtml(broken(dict, problems));
  return [...described.top.map(toHtml), beforeSubmit, ...described.bottom.map(toHtml)].join("");
}

/**
 * The element's rules as a `<style>` element for the page's `<head>` (`html`),
 * and the CSP source that allows it (`hash`, `'sha256-…'`, for `style-src`):
 * a written form styled with nothing to download before its first paint.
 * The element adopts no rules of its own where the page carries these.
 */
export const renderStyle = () => ({ html: `<style>${CSS}</style>`, hash: CSS_HASH });
