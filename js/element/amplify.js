// Amplify Gen 2's outputs file as the element's configuration. Its own
// module, loaded only when a configuration has an `auth` section.
/**
 * The element's configuration from Amplify Gen 2's `amplify_outputs.json`:
 * from its `auth` section the pool, the region, the client, the password
 * policy (`require_numbers` → `RequireNumbers`), the username attributes and
 * the required standard attributes; every other key of the file is ignored.
 * Throws, in plain words, where the file lacks the pool or the client.
 */
export function fromAmplify({ auth }) {
  if (!auth?.user_pool_id || !auth.user_pool_client_id) throw new Error("amplify_outputs.json: auth needs user_pool_id and user_pool_client_id");
  const policy = {};
  for (const [name, value] of Object.entries(auth.password_policy ?? {})) policy[name === "min_length" ? "MinimumLength" : name.replace(/(?:^|_)(.)/g, (_, c) => c.toUpperCase())] = value;
  return {
    clientId: auth.user_pool_client_id,
    userPoolId: auth.user_pool_id,
    region: auth.aws_region,
    passwordPolicy: policy,
    usernameAttributes: (auth.username_attributes ?? []).map((a) => a.toLowerCase()).filter((a) => a !== "username"),
    attributes: (auth.standard_required_attributes ?? []).map((name) => ({ name, required: true })),
  };
}
