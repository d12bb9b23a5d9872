import { type DocumentEdit, EkycError } from "@openekyc/core";

const maxValueLength = 256;
// Printable text only: no control characters, no markup delimiters that a console might render.
const controlOrMarkup = /[\p{Cc}<>]/u;
const addressLines = ["LineOne", "LineTwo", "LineThree", "LineFour", "LineFive"] as const;

export interface AppliedEdits {
  readonly normalCardInfo: Record<string, unknown>;
  readonly editDetails: DocumentEdit[];
}

type Address = Record<string, string | null>;

/** GeneralCard.Address is a struct (reference §6.7): the page shows and edits its FormattedAddress. */
function isAddress(value: unknown): value is Address {
  return typeof value === "object" && value !== null && "FormattedAddress" in value;
}

/** The text of a field as the page shows it; undefined for a field that is neither text nor an Address. */
export function editableText(value: unknown): string | null | undefined {
  if (value === null || typeof value === "string") return value;
  if (isAddress(value)) return value.FormattedAddress ?? null;
  return undefined;
}

/** The revised Address: the user's text as FormattedAddress and as lines (comma-separated parts, five at most). */
function revisedAddress(read: Address, text: string | null): Address {
  const parts = (text ?? "").split(",").map((part) => part.trim());
  const kept = parts.filter((part) => part.length > 0);
  const lines = Object.fromEntries(addressLines.map((name, i) => [name, kept[i] ?? null]));
  return { ...read, FormattedAddress: text, ...lines };
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
  const fields: Record<string, unknown> = { ...((struct ?? {}) as Record<string, unknown>) };
  const editDetails: DocumentEdit[] = [];
  for (const [name, value] of Object.entries(edits)) {
    const original = Object.hasOwn(fields, name) ? editableText(fields[name]) : undefined;
    if (original === undefined) {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${name} is not a field of this document.`);
    }
    if (value !== null && typeof value !== "string") {
      throw new EkycError("INVALID_PARAMETER_VALUE", `${name} must be a string or null.`);
    }
    const trimmed = value === null ? null : value.trim();
    if (trimmed !== null && (trimmed.length > maxValueLength || controlOrMarkup.test(trimmed))) {
      throw new EkycError(
        "INVALID_PARAMETER_VALUE",
        `${name} must be printable text of at most 256 characters.`,
      );
    }
    const revised = trimmed === "" ? null : trimmed;
    if (revised === original) continue;
    if (!allowEdit) {
      throw new EkycError(
        "UNSUPPORTED_OPERATION",
        "Changing the recognised fields is disabled for this verification.",
      );
    }
    const read = fields[name];
    fields[name] = isAddress(read) ? revisedAddress(read, revised) : revised;
    editDetails.push({ fieldName: name, originalFieldValue: original, revisedFieldValue: revised });
  }
  return { normalCardInfo: member ? { [member]: fields } : {}, editDetails };
}
