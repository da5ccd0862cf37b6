// The wasm shell's JavaScript side, for speed: property access (cheaper
// than Reflect through wasm-bindgen's exception wrapper, and safe with
// getters that throw), the objects the steps return, and the comparison of a
// config with the one the module keeps.

/** `target[key]`, or `undefined` if it is `null` or reading it throws. */
export function get(target, key) {
  try {
    return target[key] ?? undefined;
  } catch {}
}

/** Whether `value` is an object but not an array (nor `null`). */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `target[key] = value`, on an object the module created. */
export function put(target, key, value) {
  target[key] = value;
}

/** The own enumerable keys of `target` that are not in `allowed`. */
export function unknownKeys(target, allowed) {
  try {
    return Object.keys(target).filter((key) => !allowed.includes(key));
  } catch {
    return [];
  }
}

// The objects the steps return, built here as literals: a few fixed shapes
// are far cheaper for the engine than properties added one by one from wasm.

/** `prepare`'s plan of a call. */
export function plan(url, headers, body, timeoutMs, signal, state) {
  return { url, headers, body, timeoutMs, signal, state };
}

/** `settle`'s verdict: a `value`, an `error`, or a `wait` before retrying. */
export function verdict(value, error, wait, state) {
  return { value, error, wait, state };
}

/** `$metadata` as the AWS SDK shapes it; absent members are left out. */
export function metadata(httpStatusCode, requestId, attempts, totalRetryDelay) {
  const m = {};
  if (httpStatusCode !== undefined) m.httpStatusCode = httpStatusCode;
  if (requestId !== undefined) m.requestId = requestId;
  m.attempts = attempts;
  m.totalRetryDelay = totalRetryDelay;
  return m;
}

// The config whose reading the module keeps (see last_config.rs): its own
// property names and values.
let keptNames;
let keptValues;

const isObjectLiteral = (value) => value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;

/** Whether `config` holds exactly what the kept config held: same own property names in order, identical values. */
export function sameAsKept(config) {
  try {
    if (keptNames === undefined || !isObjectLiteral(config)) return false;
    const names = Object.getOwnPropertyNames(config);
    if (names.length !== keptNames.length) return false;
    for (let i = 0; i < names.length; i++) {
      if (names[i] !== keptNames[i] || config[names[i]] !== keptValues[i]) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Keeps `config`'s own properties when none is an object but an AbortSignal; says whether it did. */
export function keep(config) {
  keptNames = undefined;
  try {
    if (!isObjectLiteral(config)) return false;
    const names = Object.getOwnPropertyNames(config);
    const values = names.map((name) => config[name]);
    if (values.some((v) => v !== null && typeof v === "object" && !(v instanceof AbortSignal))) return false;
    [keptNames, keptValues] = [names, values];
    return true;
  } catch {
    return false;
  }
}
