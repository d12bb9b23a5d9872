import { EkycError } from "@openekyc/core";
import { z } from "zod";

const numberPattern = /^-?(?:\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function toArray(value: Record<string, unknown>, path: string): unknown[] {
  const keys = Object.keys(value);
  const items: unknown[] = [];
  for (let index = 0; index < keys.length; index += 1) {
    if (!(String(index) in value)) {
      throw new EkycError("INVALID_PARAMETER", `The array parameter \`${path}\` must be indexed 0..n-1.`);
    }
    items.push(value[String(index)]);
  }
  return items;
}

/**
 * v1 and GET requests carry every value as a string. Walks the action's schema and turns strings into the
 * numbers and booleans it expects, and `{0:…,1:…}` trees into arrays. Values that do not fit are left as
 * they are, so the schema reports them with the parameter's name.
 */
export function coerceBySchema(schema: z.ZodType, value: unknown, path = ""): unknown {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const shape = inner.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, child] of Object.entries(value)) {
      const childSchema = shape[key];
      const childPath = path ? `${path}.${key}` : key;
      out[key] = childSchema ? coerceBySchema(childSchema, child, childPath) : child;
    }
    return out;
  }
  if (inner instanceof z.ZodArray) {
    const items =
      typeof value === "object" && value !== null && !Array.isArray(value)
        ? toArray(value as Record<string, unknown>, path)
        : value;
    if (!Array.isArray(items)) return items;
    return items.map((item, index) => coerceBySchema(inner.element as z.ZodType, item, `${path}.${index}`));
  }
  if (typeof value !== "string") return value;
  if (inner instanceof z.ZodNumber) return numberPattern.test(value) ? Number(value) : value;
  if (inner instanceof z.ZodBoolean) {
    if (value === "true") return true;
    if (value === "false") return false;
  }
  return value;
}
