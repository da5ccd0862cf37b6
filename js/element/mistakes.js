// The sentences that tell a developer what is wrong with a configuration
// (model.js's `readConfig` names each problem by its key here, with `{i}`, the
// attribute it is about), loaded only for a configuration that has one.
import { TYPES } from "./model.js";

export default {
  object: "the configuration must be an object",
  clientId: "clientId (attribute client-id) is missing: the app client's id",
  where: "give region, userPoolId or endpoint (attributes region, user-pool-id, endpoint)",
  usernameAttributes: 'usernameAttributes may hold only "email" and "phone_number"',
  passwordPolicy: "passwordPolicy must be an object (the pool's PasswordPolicyType)",
  resendCooldownSeconds: "resendCooldownSeconds (attribute resend-cooldown) must be a number of seconds",
  terms: "terms must be { url } (the link to your terms of service)",
  records: "validationData and clientMetadata must be records",
  attributes: "attributes must be a list",
  name: 'attributes[{i}] needs a name, such as "email" or "custom:city"',
  type: `attributes[{i}].type must be one of ${TYPES.join(", ")}`,
  options: "attributes[{i}] is a select and needs options",
};
