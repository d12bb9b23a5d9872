import { type DocumentEdit, EkycError } from "@openekyc/core";

const maxValueLength = 256;
// Printable text only: no control characters, no markup delimiters that a console might render.
const controlOrMarkup = /[\p{Cc}<>]/u;

export interface AppliedEdits {
  readonly normalCardInfo: Record<string, unknown>;
  readonly editDetails: DocumentEdit[];
}

/**
 * Applies the user's corrections from the confirm screen to the read NormalCardInfo. Only fields of the
 * struct that was read can change; a value equal to what was read is not an edit. Unknown fields, non-strings
 * and over-long values are rejected rather than silently dropped, so the page shows the problem.
 */
export function applyEdits(
  normalCardInfo: Readonly<Record<string, unknown>>,
  edits: Readonly<Record<string, unknown>>,
  allowEdit: boolean,
): AppliedEdits {
  const [member, struct] = Object.entries(normalCardInfo)[0] ?? [];
  const fields = { ...((struct ?? {}) as Record<string, string | null>) };
  const editDetails: DocumentEdit[] = [];
  for (const [name, value] of Object.entries(edits)) {
    if (!Object.hasOwn(fields, name)) {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${name} is not a field of this document.`);
    }
    if (value !== null && typeof value !== "string") {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${name} must be a string or null.`);
    }
    const revised = value === null ? null : value.trim();
    if (revised !== null && (revised.length > maxValueLength || controlOrMarkup.test(revised))) {
      throw new EkycError(
        "INVALID_PARAMETER_VALUE",
        `${name} must be printable text of at most 256 characters.`,
      );
    }
    const original = fields[name] ?? null;
    if ((revised === "" ? null : revised) === original) continue;
    if (!allowEdit) {
      throw new EkycError(
        "UNSUPPORTED_OPERATION",
        "Changing the recognised fields is disabled for this verification.",
      );
    }
    fields[name] = revised === "" ? null : revised;
    editDetails.push({
      fieldName: name,
      originalFieldValue: original,
      revisedFieldValue: fields[name] ?? null,
    });
  }
  return { normalCardInfo: member ? { [member]: fields } : {}, editDetails };
}
