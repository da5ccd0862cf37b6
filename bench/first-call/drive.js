// The user of the sign-up component pages (the element page, Amplify UI's
// Authenticator), run by the harness before the page's own scripts: once the
// form is there (`ready`), it fills the fields the component asks for and taps
// submit at once or `tap` ms later (a person cannot tap a disabled button: a
// form written into the page waits for its element), and the result is the
// confirm step appearing (`result`). With `painted`, the form is ready no
// sooner than the page's first contentful paint (a form written into the
// HTML is in the DOM before its render-blocking stylesheet has come). Times
// go to window.timing as first-call/app.mjs writes them, with the page's
// cumulative layout shift (`cls`), and the query's `done` is logged at the end.
export function drive({ ready, result, painted }) {
  const query = new URLSearchParams(location.search);
  const username = query.get("username");
  const values = { username, email: `${username}@example.com`, password: "Corr3ct-Horse!", confirm_password: "Corr3ct-Horse!" };
  const timing = (window.timing = { cls: 0 });
  new PerformanceObserver((list) => {
    for (const shift of list.getEntries()) if (!shift.hadRecentInput) timing.cls += shift.value;
  }).observe({ type: "layout-shift", buffered: true });
  let paint;
  /** When the form was first in the DOM. */
  let seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") (paint = entry.startTime), check();
  }).observe({ type: "paint", buffered: true });
  // Set as autofill would, through the native setter, so React sees it too.
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  let form = null;
  let sent = false;
  const button = () => [...form.elements].find((e) => e.type === "submit");
  const submit = () => {
    if (button()?.disabled) return setTimeout(submit, 5);
    timing.tap = performance.now();
    timing.tapEpoch = performance.timeOrigin + timing.tap;
    sent = true;
    form.requestSubmit();
  };
  const check = () => {
    if (!form && document.querySelector(ready) && (seen ??= performance.now()) && (!painted || paint !== undefined)) {
      timing.ready = painted ? Math.max(seen, paint) : seen;
      timing.seen = seen;
      form = document.querySelector(ready).closest("form") ?? document.querySelector(`${ready} form`);
      for (const [name, value] of Object.entries(values)) {
        const input = form.querySelector(`input[name="${name}"]`);
        if (!input) continue;
        setValue.call(input, value);
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const after = Number(query.get("tap"));
      if (after > 0) setTimeout(submit, after);
      else submit();
    } else if (sent && timing.result === undefined && document.querySelector(result)) {
      timing.result = performance.now();
      observer.disconnect();
      console.debug(query.get("done"));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}
