import { EkycError } from "@openekyc/core";

/** A nested parameter tree built from flat `a.b.0` keys; leaves stay strings until coerced by a schema. */
export type ParamTree = { [key: string]: ParamTree | string };

const maxDepth = 8;
const segmentPattern = /^[A-Za-z0-9_]+$/;

/**
 * `Config.CheckMode=1`, `List.0=x` → `{ Config: { CheckMode: "1" }, List: { 0: "x" } }`. Numeric segments stay
 * object keys here; the coercer turns them into arrays where the schema expects one.
 */
export function unflatten(flat: ReadonlyMap<string, string>): ParamTree {
  const root: ParamTree = Object.create(null);
  for (const [key, value] of flat) {
    const path = key.split(".");
    if (path.length > maxDepth || path.some((segment) => !segmentPattern.test(segment))) {
      throw new EkycError("INVALID_PARAMETER", `The parameter name \`${key}\` is not valid.`);
    }
    let node = root;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      const existing = node[segment];
      if (last) {
        if (existing !== undefined) {
          throw new EkycError("INVALID_PARAMETER", `The parameter \`${key}\` conflicts with another one.`);
        }
        node[segment] = value;
      } else if (existing === undefined) {
        const child: ParamTree = Object.create(null);
        node[segment] = child;
        node = child;
      } else if (typeof existing === "string") {
        throw new EkycError("INVALID_PARAMETER", `The parameter \`${key}\` conflicts with another one.`);
      } else {
        node = existing;
      }
    }
  }
  return root;
}
