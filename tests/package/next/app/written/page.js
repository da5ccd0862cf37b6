// <cognito-sign-up> rendered in a server component: the form's markup is in
// the HTML the server sends (renderSignUp, with cognito-signup/element.css),
// and the element, defined in the browser by <Define />, takes it over. Both
// read one configuration: the route handler's, from the query.
import "cognito-signup/element.css";
import { renderSignUp } from "cognito-signup/element/html";
import { Define } from "./define.js";
import { configOf } from "../api/config/route.js";

export default async function Page({ searchParams }) {
  const query = new URLSearchParams(await searchParams);
  const markup = await renderSignUp(configOf(query));
  return (
    <>
      <Define />
      <cognito-sign-up config={`/api/config?${query}`} dangerouslySetInnerHTML={{ __html: markup }} />
    </>
  );
}
