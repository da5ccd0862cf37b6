"use client";
// Defines <cognito-sign-up> in the browser (importing the element on the server does nothing).
import "cognito-signup/element";

export function Define() {
  return null;
}
