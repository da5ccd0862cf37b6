// One pipeline from configuration to description, for the element (which
// draws it, or takes over markup written from it) and for renderSignUp
// (which writes it as a string): resolve the configuration, read and check
// it, load the phone data where the form asks for it, describe the markup.
import { readConfig, withAttributes } from "./model.js";
import { dictionary, text } from "./i18n.js";
import { build } from "./render.js";

/** `problems` (model.js's `readConfig`) as `mistakes`'s sentences. */
export const explain = (mistakes, problems) => problems.map((p) => text(mistakes, p.key, p));

/**
 * Describes the element for `config` (an object in `www/config.example.json`'s
 * format, `amplify_outputs.json`'s, or the URL of either), with the tag's
 * attributes (`attribute(name)`) laid over it, in `lang` with the host's
 * `translations`; ids start with `prefix`. Resolves to `{ dict, problems }`
 * (plain sentences for the developer) or `{ dict, form, settings, described,
 * country, phone }`: the form model, the call settings, the description
 * (render.js's `build`), the region a phone number is taken to be from, and
 * the phone module where the form has a phone number.
 */
export async function describe(config, { lang = "en", translations, attribute = () => null, prefix = "csu-" } = {}) {
  const dict = await dictionary(lang, translations);
  try {
    if (typeof config === "string") {
      const response = await fetch(config);
      if (!response.ok) throw new Error(`${config}: HTTP ${response.status}`);
      config = await response.json();
    }
    // Amplify's amplify_outputs.json, read by a module of its own; the tag's attributes still win over it.
    if (config?.auth) config = (await import("./amplify.js")).fromAmplify(config);
    const { problems, form, config: settings } = readConfig(withAttributes(config ?? {}, attribute));
    // The sentences for the developer load only for a configuration that has a problem.
    if (problems) return { dict, problems: explain((await import("./mistakes.js")).default, problems) };
    // The country data loads only for a form that asks for a phone number.
    const phone = form.phone ? await import("./phone.js") : null;
    const countries = phone?.countries(lang, form.phoneCountries, form.phoneCountry);
    const described = build(form, dict, lang, (name) => prefix + name.replace(/\W/g, "-"), countries);
    return { dict, form, settings, described, country: countries?.start, phone };
  } catch (error) {
    return { dict, problems: [error.message] };
  }
}
