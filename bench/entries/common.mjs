// What every entry signs up: the same user, client and password.
export const CLIENT_ID = "1example23456789abcdefghij";
export const USER_POOL_ID = "us-east-1_AbC123def";
export const PASSWORD = "Corr3ct-Horse!";
export const email = (username) => `${username}@example.com`;
