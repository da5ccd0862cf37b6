// The confirmation under way, kept in sessionStorage so that a reload comes
// back to the code entry: the username, where the code went and the user's
// sub; never the password, a session or a token. Where storage is refused (a
// sandboxed frame) the flow goes on in memory, and only a reload forgets it.

/** Where a pending confirmation is kept for app client `clientId`. */
const pendingKey = (clientId) => `cognito-signup:pending:${clientId}`;

/** The confirmation a reload left for `clientId`, or `null`. */
export function stored(clientId) {
  try {
    return JSON.parse(sessionStorage.getItem(pendingKey(clientId)));
  } catch {
    return null;
  }
}

/** Keeps `pending` (`{ username, delivery, userSub }`) for `clientId`, or forgets it when `null`. */
export function keep(clientId, pending) {
  try {
    if (pending) sessionStorage.setItem(pendingKey(clientId), JSON.stringify(pending));
    else sessionStorage.removeItem(pendingKey(clientId));
  } catch {
    // Storage refused: the state in memory carries on.
  }
}
