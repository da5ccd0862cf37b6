// Languages: which one applies, loading the ones that are not built in, and
// turning the library's errors and refusals into a dictionary's keys.
import en from "./en.js";

/** The languages that ship, each loaded only when asked for. English is built in. */
export const LANGUAGES = {
  en: async () => en,
  de: () => import("./de.js").then((m) => m.default),
  fr: () => import("./fr.js").then((m) => m.default),
  es: () => import("./es.js").then((m) => m.default),
  ja: () => import("./ja.js").then((m) => m.default),
  ar: () => import("./ar.js").then((m) => m.default),
};
const RTL = /^(ar|fa|he|iw|ur|ps|sd|yi|ckb|dv)$/;

/** The primary subtag of a BCP 47 tag, lowercased ("pt-BR" → "pt"). */
const primary = (tag) => tag.toLowerCase().split("-")[0];

/** `"rtl"` for a right-to-left language, else `"ltr"`. */
export const direction = (lang) => (RTL.test(primary(lang)) ? "rtl" : "ltr");

/** English words for Cognito's exceptions (errors.js), once `exceptions()` has loaded them. */
let english = {};

/** An error said by its name's words, else generically with its message. */
const plain = (dict, error) => text(dict, error.name in dict ? error.name : "unknown", { message: error.message || error.name });

/** How errors are said: plainly, until errors.js (which knows Cognito's exceptions better) has loaded. */
let say = plain;

/** Loads errors.js (once): English words for Cognito's exceptions, and how to say them; where it cannot load, the plain way stands. */
export const exceptions = () =>
  import("./errors.js").then(
    (m) => ((say = (dict, error) => m.errorText(dict, error, plain)), (english = m.default)),
    () => english,
  );

/**
 * The dictionary for `lang`: English (with its exceptions' words where they
 * have been loaded), under the shipped language's texts, under
 * `translations[lang]` (a host's partial dictionary), so a missing key falls
 * back to English.
 */
export async function dictionary(lang, translations = {}) {
  const shipped = LANGUAGES[primary(lang)];
  const own = translations[lang] ?? translations[primary(lang)];
  return { ...en, ...english, ...(shipped ? await shipped() : {}), ...own };
}

/** `dict[key]` with each `{name}` replaced by `vars[name]`. */
export const text = (dict, key, vars = {}) => String(dict[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? "");

/** The user-facing text of a library error (never its password: the library keeps it out). */
export const errorText = (dict, error) => say(dict, error);

/** The library's refusal messages, each with the key that says it and the number it carries. */
const PROBLEMS = [
  [/^must not be empty/, "required"],
  [/^must have at least (\d+)/, "tooShort"],
  [/^must have at most (\d+)/, "tooLong"],
  [/spaces or control/, "noSpaces"],
  [/control characters/, "noControl"],
  [/begin or end/, "noEdgeSpace"],
  [/tabs or line/, "noBreaks"],
  [/whitespace/, "noWhitespace"],
  [/^must contain/, "weak"],
];

/** One refusal of the library (`{ field, message }`) in the user's language. */
export function problemText(dict, message) {
  for (const [pattern, key] of PROBLEMS) {
    const match = message.match(pattern);
    if (match) return text(dict, key, { n: match[1] });
  }
  return message;
}
