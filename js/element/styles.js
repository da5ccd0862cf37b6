// The element's styles: scoped to `cognito-sign-up`, at zero specificity
// (`:where`) so any rule of the host wins, themed by `--cognito-signup-*`
// custom properties, dark under `prefers-color-scheme: dark` unless
// `theme="light"`, and laid out with logical properties so right-to-left
// languages mirror. Adopted as a constructed stylesheet: no <style> element
// and no style attribute, so a CSP with `style-src 'self'` allows it. The
// same rules ship as cognito-signup/element.css (build-element.mjs), for
// markup written by a server to be styled at first paint; where that file is
// linked, the element adds nothing. A page may also carry the rules inline
// (element/html.js's `renderStyle`), allowed by the hash `CSS_HASH` in its
// `style-src`, so its written form paints with no stylesheet to wait for.
/** The dark palette: under `prefers-color-scheme: dark` (unless `theme="light"`), or with `theme="dark"`. */
const DARK = `--_fg:var(--cognito-signup-color,#e6edf3);--_muted:var(--cognito-signup-muted,#9da7b3);
--_bg:var(--cognito-signup-background,#161b22);--_line:var(--cognito-signup-border,#6e7681);
--_accent:var(--cognito-signup-accent,#58a6ff);--_on-accent:var(--cognito-signup-on-accent,#0d1117);
--_danger:var(--cognito-signup-danger,#ff7b72);--_ok:var(--cognito-signup-ok,#3fb950);color-scheme:dark`;
/** The rules; `--_sheet` tells the element that the page has them already. */
export const CSS = `
:where(cognito-sign-up){--_sheet:1;
--_fg:var(--cognito-signup-color,#1b1f24);--_muted:var(--cognito-signup-muted,#57606a);
--_bg:var(--cognito-signup-background,#fff);--_line:var(--cognito-signup-border,#8c959f);
--_accent:var(--cognito-signup-accent,#0b5cad);--_on-accent:var(--cognito-signup-on-accent,#fff);
--_danger:var(--cognito-signup-danger,#b3261e);--_ok:var(--cognito-signup-ok,#1a7f37);
--_radius:var(--cognito-signup-radius,.5rem);--_gap:var(--cognito-signup-spacing,1rem);
display:block;max-inline-size:28rem;padding:calc(var(--_gap)*1.25);color:var(--_fg);background:var(--_bg);
border:1px solid var(--_line);border-radius:calc(var(--_radius)*1.5);font-family:var(--cognito-signup-font,system-ui,sans-serif);color-scheme:light}
@media (prefers-color-scheme:dark){:where(cognito-sign-up:not([theme=light])){
${DARK}}}
:where(cognito-sign-up[theme=dark]){
${DARK}}
:where(cognito-sign-up) :where(*){box-sizing:border-box}
:where(cognito-sign-up) :where([hidden]){display:none!important}
:where(cognito-sign-up) :where([part~=title]){font-size:1.5rem;margin:0 0 var(--_gap)}
:where(cognito-sign-up) :where([part~=title],[part~=banner]):focus{outline:none}
:where(cognito-sign-up) :where([part~=field]){margin-block-end:var(--_gap)}
:where(cognito-sign-up) :where([part~=label]){display:block;font-weight:600;margin-block-end:.3rem}
:where(cognito-sign-up) :where([part~=check]) :where([part~=label]){display:inline;font-weight:400;margin-inline-start:.4rem}
:where(cognito-sign-up) :where([part~=optional],[part~=hint],[part~=status]){font-weight:400;color:var(--_muted)}
:where(cognito-sign-up) :where([part~=hint]){margin:.3rem 0 0;font-size:.9rem}
:where(cognito-sign-up) :where([part~=input]:not([type=checkbox])){inline-size:100%;font:inherit;color:inherit;background:var(--_bg);padding:.6rem .7rem;border:1px solid var(--_line);border-radius:var(--_radius)}
:where(cognito-sign-up) :where([part~=input][aria-invalid=true]){border-color:var(--_danger)}
:where(cognito-sign-up) :where(input,select,button,a):focus-visible{outline:3px solid var(--_accent);outline-offset:2px}
:where(cognito-sign-up) :where([part~=password],[part~=phone]){display:flex;flex-wrap:wrap;gap:.5rem}
:where(cognito-sign-up) :where([part~=password],[part~=phone]) :where(input){flex:1 1 10rem;min-inline-size:0}
:where(cognito-sign-up) :where([part~=country]){flex:1 1 auto;inline-size:auto;max-inline-size:100%}
:where(cognito-sign-up)>:where([slot=before-submit]){margin-block-end:var(--_gap)}
cognito-sign-up[step]:not([step=signup])>[slot=before-submit]{display:none!important}
:where(cognito-sign-up) :where(button){position:relative;font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:var(--_radius);border:1px solid var(--_accent);background:var(--_bg);color:var(--_accent);cursor:pointer}
:where(cognito-sign-up) :where([part~=submit]){inline-size:100%;background:var(--_accent);color:var(--_on-accent)}
:where(cognito-sign-up) :where([part~=resend]){inline-size:100%;margin-block-start:.5rem}
:where(cognito-sign-up) :where([part~=link]){color:var(--_accent)}
:where(cognito-sign-up) :where(button[part~=link]){border:none;background:none;padding:0;text-decoration:underline;font-weight:400}
:where(cognito-sign-up) :where(button:disabled){opacity:.6;cursor:not-allowed}
:where(cognito-sign-up) :where(button[aria-busy=true])::before{content:"";position:absolute;inset-inline-start:.9em;inset-block-start:calc(50% - .5em);inline-size:.8em;block-size:.8em;border:2px solid currentColor;border-inline-end-color:transparent;border-radius:50%;animation:cognito-signup-spin .8s linear infinite}
@keyframes cognito-signup-spin{to{transform:rotate(360deg)}}
:where(cognito-sign-up) :where([part~=error]){color:var(--_danger);margin:.3rem 0 0;font-size:.95rem}
:where(cognito-sign-up) :where([part~=rules]){list-style:none;padding:0;margin:.5rem 0 0;font-size:.9rem;color:var(--_muted)}
:where(cognito-sign-up) :where([part~=rule])::before{content:"○ "}
:where(cognito-sign-up) :where([part~=rule][data-met]){color:var(--_ok)}
:where(cognito-sign-up) :where([part~=rule][data-met])::before{content:"✓ "}
:where(cognito-sign-up) :where([part~=banner]){border:1px solid var(--_danger);color:var(--_danger);border-radius:var(--_radius);padding:.75rem;margin-block-end:var(--_gap)}
:where(cognito-sign-up) :where([part~=anchor],[part~=rule-state]){position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;padding:0;border:0}
`;

/** The CSP source that allows `CSS` inline (`style-src 'sha256-…'`); tests/element/ holds it to the rules. */
export const CSS_HASH = "'sha256-VevXb1BcGxwHuGPU5K6y5EtNdmYGLT7uxyGdJRmarKk='";

const adopted = new WeakSet();

/** Adds the styles, once, to the document or shadow root that `element` is in, unless element.css is there. */
export function adopt(element) {
  const root = element.getRootNode();
  if (adopted.has(root)) return;
  adopted.add(root);
  if (getComputedStyle(element).getPropertyValue("--_sheet")) return;
  if ("adoptedStyleSheets" in root && globalThis.CSSStyleSheet?.prototype.replaceSync) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    // Engines without constructed stylesheets (Safari before 16.4).
    (root.head ?? root).append(Object.assign(document.createElement("style"), { textContent: CSS }));
  }
}
