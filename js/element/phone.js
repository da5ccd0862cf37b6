// Phone numbers: the regions a person picks from, and what they typed made
// E.164, as Cognito takes it. Loaded only when a form asks for a phone
// number (with its country data, countries.js).
import data from "./countries.js";

/** Every region: `{ iso, code, trunk, intl, lengths }` (`lengths`: the national number's possible lengths, `[n]` or `[min, max]`). */
export const regions = data.split(";").flatMap((entry) => {
  const [, isos, code, trunk, lengths, intl] = entry.match(/^(\D+)(\d+),(\d*),([^,]+),?(\d*)$/);
  return isos.match(/../g).map((iso) => ({ iso, code, trunk, intl, lengths: lengths.split(".").map((l) => l.split("-").map(Number)) }));
});

/**
 * The country list beside a phone number, in `lang`: `[label, iso]` for each
 * region of `only` (all where it is not given), named by the platform,
 * sorted; and the one to start with: `given`, else the language's region,
 * else the first.
 */
export function countries(lang, only, given) {
  const names = new Intl.DisplayNames([lang, "en"], { type: "region" });
  const list = regions
    .filter((r) => !only || only.includes(r.iso))
    .map((r) => [`${names.of(r.iso)} (+${r.code})`, r.iso])
    .sort(([a], [b]) => a.localeCompare(b, lang));
  const start = given ?? new Intl.Locale(lang).maximize().region;
  return { list, start: list.some(([, iso]) => iso === start) ? start : list[0]?.[1] };
}

const fits = (region, national) => region.lengths.some(([min, max = min]) => national.length >= min && national.length <= max);

/**
 * `typed` in E.164 (`+4915123456789`), or null where it cannot be a number:
 * spaces, dashes, dots, slashes, brackets and a written-in `(0)` go; `+`,
 * `00` or the region's own international prefix (`011` in the US) make it
 * international; otherwise `iso`'s calling code goes first. The trunk
 * prefix (`0` in Germany) is dropped from a national number, and a `0`
 * one from an international number too (`+44 07700…`). The national
 * number's length must be one that its region (for an international
 * number, a region of that calling code) has.
 */
export function toE164(typed, iso) {
  const region = regions.find((r) => r.iso === iso);
  const digits = typed.replace(/\(0\)|[\s().\-/\u2010-\u2015]/g, "");
  const abroad = digits.match(/^(?:\+|00)(.*)$/)?.[1] ?? (region?.intl && digits.startsWith(region.intl) ? digits.slice(region.intl.length) : null);
  const candidates = abroad != null ? regions.filter((r) => abroad.startsWith(r.code)).map((r) => [r, abroad.slice(r.code.length)]) : region ? [[region, digits]] : [];
  for (const [r, typedNational] of candidates) {
    const national = r.trunk && (abroad == null || r.trunk === "0") && typedNational.startsWith(r.trunk) ? typedNational.slice(r.trunk.length) : typedNational;
    if (/^\d+$/.test(national) && r.code.length + national.length <= 15 && fits(r, national)) return `+${r.code}${national}`;
  }
  return null;
}
