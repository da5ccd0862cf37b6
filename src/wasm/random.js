// The platform's CSPRNG for the shell (src/wasm/sign_in.rs): SRP's secret exponent.

/** Fills `bytes` with `crypto.getRandomValues`. */
export function fill(bytes) {
  crypto.getRandomValues(bytes);
}
