import { EkycError } from "@openekyc/core";
import type { z } from "zod";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeType(issue: z.core.$ZodIssue): string {
  return issue.code === "invalid_type" ? String(issue.expected) : "";
}

/** Maps the first zod issue onto the Tencent code family: missing, wrong type, unknown name, bad value. */
export function toEkycError(error: z.ZodError, input: unknown): EkycError {
  const issue = error.issues[0];
  if (!issue) return new EkycError("INVALID_PARAMETER");
  const name = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => (name ? `${name}.${key}` : key));
    return new EkycError("UNKNOWN_PARAMETER", `The parameter \`${keys[0]}\` is not recognized.`);
  }
  if (issue.code === "invalid_type") {
    if (valueAt(input, issue.path) === undefined) {
      return new EkycError("MISSING_PARAMETER", `The request is missing a required parameter \`${name}\`.`);
    }
    return new EkycError(
      "INVALID_PARAMETER",
      `The parameter \`${name}\` must be of type ${describeType(issue)}.`,
    );
  }
  return new EkycError(
    "INVALID_PARAMETER_VALUE",
    `The value of the parameter \`${name}\` is invalid: ${issue.message}`,
  );
}

/** Parses already-typed params (TC3 JSON, or after coercion) with the action's schema. */
export function parseParams<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw toEkycError(result.error, input);
  return result.data;
}
