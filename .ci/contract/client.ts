// A client of the example service, written against the types openapi-typescript generates
// from its OpenAPI document (aide's and utoipa's in turn, as `generated/api.d.ts`). It
// compiles under `tsc --strict` only if the document says, for each error response, which
// codes it carries, with what status, type and title, and which members each has; every
// `@ts-expect-error` line is a mistake the compiler must catch, and tsc fails if it does not.
import type { paths } from "./generated/api";

type Body<R, S extends keyof R> = R[S] extends { content: { "application/problem+json": infer B } }
  ? B
  : never;

type GetUser = paths["/users/{id}"]["get"]["responses"];
type CreateUser = paths["/users"]["post"]["responses"];
type ListUsers = paths["/users"]["get"]["responses"];

type UserNotFound = Body<GetUser, 404>;
type BadPath = Body<GetUser, 400>;
type BadBody = Body<CreateUser, 400>;
type Unprocessable = Body<CreateUser, 422>;

// A client switches on the codes a status can carry, and the compiler knows them all: this
// function lacks a return for a code the document adds.
export function explain(problem: Unprocessable): string {
  switch (problem.code) {
    case "invalid":
      // Only this variant has the extension member.
      return `check ${JSON.stringify(problem.errors)}`;
    case "json_data":
      return `the body does not fit: ${problem.detail}`;
  }
}

export function explainBody(problem: BadBody): string {
  switch (problem.code) {
    case "invalid_json":
      return "not JSON";
    case "unreadable_body":
      return "cut short";
  }
}

export const notFound: UserNotFound = {
  type: "/problems/user_not_found",
  title: "User not found",
  status: 404,
  detail: "user 42 not found",
  code: "user_not_found",
};

export const badPath: BadPath = {
  title: "Bad Request",
  status: 400,
  detail: "Invalid URL: Cannot parse `ada` to a `u64`",
  code: "invalid_path",
};

// A query that does not parse is a 400 of GET /users.
export const badQuery: Body<ListUsers, 400> = {
  title: "Bad Request",
  status: 400,
  detail: "Failed to deserialize query string: limit: invalid digit found in string",
  code: "invalid_query",
};

// @ts-expect-error: a code GET /users/{id} never answers 404 with
export const wrongCode: UserNotFound = { ...notFound, code: "route_not_found" };

// @ts-expect-error: the status of a 404 body is 404
export const wrongStatus: UserNotFound = { ...notFound, status: 400 };

// @ts-expect-error: the title of the problem type, not the status's reason phrase
export const wrongTitle: UserNotFound = { ...notFound, title: "Not Found" };

// @ts-expect-error: GET /users/{id} takes no body, so no 400 of it is about JSON
export const noBodyHere: BadPath = { ...badPath, code: "invalid_json" };

// @ts-expect-error: the code is required, as every body has it
export const noCode: BadPath = { title: "Bad Request", status: 400, detail: "x" };

// `json_data`'s `errors` are RFC 9457's: each a pointer into the body and a detail.
export function firstPointer(problem: Unprocessable): string | undefined {
  if (problem.code === "json_data") {
    const pointer: string | undefined = problem.errors[0]?.pointer;
    // @ts-expect-error: an item names no field, it points at it
    const field: string | undefined = problem.errors[0]?.field;
    return pointer ?? field;
  }
  return undefined;
}

// `errors` has its field's type, a map of messages by field, not `unknown`.
export function firstMessage(problem: Unprocessable): string | undefined {
  if (problem.code === "invalid") {
    const messages: string[] | undefined = problem.errors["name"];
    // @ts-expect-error: a message is a string, not a number
    const wrong: number[] | undefined = problem.errors["name"];
    return messages?.[0] ?? wrong?.toString();
  }
  return undefined;
}

// The 429's `Retry-After` header is a number of seconds.
export const retryAfter: GetUser[429]["headers"]["Retry-After"] = 30;
// @ts-expect-error: not a date or text
export const retryAfterText: GetUser[429]["headers"]["Retry-After"] = "soon";
