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
export const retryAfter: ListUsers[429]["headers"]["Retry-After"] = 30;
// @ts-expect-error: not a date or text
export const retryAfterText: ListUsers[429]["headers"]["Retry-After"] = "soon";

// Each operation documents its own errors (a subset of the service's enum) and its
// rejections, and nothing else: the union of its codes is exactly these.
// (`B` is distributed over, so a status with no problem body, the 200, adds no code.)
type Codes<R> = {
  [S in keyof R]-?: Body<R, S> extends infer B ? (B extends { code: infer C } ? C : never) : never;
}[keyof R];
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const listCodes: Exactly<
  Codes<ListUsers>,
  "invalid_query" | "rate_limited" | "internal_server_error"
> = true;
export const getCodes: Exactly<
  Codes<GetUser>,
  "invalid_path" | "user_not_found" | "internal_server_error"
> = true;
export const createCodes: Exactly<
  Codes<CreateUser>,
  | "invalid_json"
  | "unreadable_body"
  | "conflict"
  | "content_too_large"
  | "missing_json_content_type"
  | "invalid"
  | "json_data"
  | "internal_server_error"
> = true;
// @ts-expect-error: GET /users/{id} is not rate limited; only GET /users is
export const getNotLimited: Exactly<Codes<GetUser>, "invalid_path" | "user_not_found" | "internal_server_error" | "rate_limited"> = true;

// A code of another operation is a compile error where it is used.
// @ts-expect-error: only POST /users answers 409
export type GetConflict = GetUser[409];
// @ts-expect-error: GET /users finds no user to miss
export type ListNotFound = ListUsers[404];
// @ts-expect-error: POST /users is not rate limited
export type CreateLimited = CreateUser[429];
// @ts-expect-error: GET /users/{id}'s 404 is never `conflict`
export const notFoundConflict: UserNotFound = { ...notFound, code: "conflict" };
export const conflict: Body<CreateUser, 409> = {
  type: "/problems/conflict",
  title: "Conflict",
  status: 409,
  detail: "The request conflicts with the current state of the target resource.",
  code: "conflict",
};
