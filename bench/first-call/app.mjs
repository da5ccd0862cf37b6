// The benchmark's cold sign-up page, bundled once per library ("library" is
// one of bench/entries/): the form is usable once this module has run
// (ready), then the user taps "Sign up" at once or `tap` ms later, and the
// library signs up once against the local stub. Times go to window.timing,
// and the page logs the query's `done` when the sign-up is over (so that the
// harness need not poll the throttled page while it is being timed).
import * as library from "library";

const query = new URLSearchParams(location.search);
// cognito-signup as its README tells a page to use it: start loading the wasm
// now; or, as www/ did before the element, show the form only once it has loaded.
if (query.get("init") === "start") library.ready();
if (query.get("init") === "await") await library.ready();
const signUp = library.createSignUp(query.get("endpoint"));
const form = document.getElementById("form");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const timing = window.timing;
  timing.tap = performance.now();
  timing.tapEpoch = performance.timeOrigin + timing.tap;
  signUp(query.get("username"))
    .then(
      () => (timing.result = performance.now()),
      (error) => (timing.error = `${error.name}: ${error.message}`),
    )
    .then(() => console.debug(query.get("done")));
});
window.timing = { ready: performance.now() };
const tap = () => form.requestSubmit();
const after = Number(query.get("tap"));
if (after > 0) setTimeout(tap, after);
else tap();
