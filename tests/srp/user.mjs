// The SRP verifier's one user (verifier.mjs), also signed in by make bench's SRP pages: a pool, a
// name, the internal id Cognito signs in by, and a password.
export const USER = { poolId: "eu-west-1_SrpVerifier", clientId: "srpverifierclient", username: "alice", userId: "0f8e2d4c-5b6a-4978-8e1d-c2b3a4f5e6d7", password: "Corr3ct-Horse!" };
