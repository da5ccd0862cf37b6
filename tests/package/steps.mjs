// The three steps every environment runs through the installed package
// (copied into each fixture): a sign-up, a username Cognito would refuse
// (refused before anything is sent), and checkPassword after init().

/** Runs the steps with `lib` (the package's exports); resolves to what each gave. */
export async function threeSteps(lib, { endpoint, clientId, username }) {
  const config = { endpoint };
  const signed = await lib.signUp(
    { ClientId: clientId, Username: username, Password: "Corr3ct-Horse!", UserAttributes: { email: `${username}@example.com` } },
    config,
  );
  let refused = "not refused";
  try {
    await lib.signUp({ ClientId: clientId, Username: "al ice", Password: "Corr3ct-Horse!" }, config);
  } catch (error) {
    refused = { name: error.name, field: error.field, attempts: error.$metadata?.attempts };
  }
  await lib.init();
  const rules = lib.checkPassword("abc", { MinimumLength: 8, RequireNumbers: true });
  return { userSub: signed.UserSub, attempts: signed.$metadata.attempts, refused, rules };
}

/**
 * Whether `renderSignUp` (cognito-signup/element/html) writes the form here,
 * with no DOM: an Arabic form with a phone number, right to left.
 */
export async function writes(renderSignUp) {
  const markup = await renderSignUp({ clientId: "c", region: "eu-west-1", attributes: ["email", "phone_number"] }, { lang: "ar" });
  return ['name="username"', 'name="phone_number"', 'dir="rtl"', "data-csu="].every((part) => markup.includes(part));
}

/** What a failure shows: its name and message. */
export const failure = (error) => `error ${error.name}: ${error.message}`;

/** In a page: runs the steps with the query's endpoint, client and username, and shows the result in #result. */
export function showSteps(lib) {
  const query = new URLSearchParams(location.search);
  const show = (text) => (document.getElementById("result").textContent = text);
  threeSteps(lib, { endpoint: query.get("endpoint"), clientId: query.get("client"), username: query.get("username") }).then(
    (out) => show(JSON.stringify(out)),
    (error) => show(failure(error)),
  );
}
