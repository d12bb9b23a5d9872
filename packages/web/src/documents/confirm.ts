import { h, show } from "../page/dom.ts";
import type { DocumentView } from "./api.ts";
import { fieldLabel, t } from "./messages.ts";

export type ConfirmChoice =
  | { readonly kind: "confirm"; readonly fields: Record<string, string | null> }
  | { readonly kind: "retake" };

/** The read fields for the user to check (and correct, unless the merchant disabled it). */
export function confirmFields(view: DocumentView, allowEdit: boolean, preview: Blob): Promise<ConfirmChoice> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(preview);
    const inputs = new Map<string, HTMLInputElement>();
    const rows = Object.entries(view.fields).map(([name, value]) => {
      const input = h("input", { name, value: value ?? "", autocomplete: "off" }) as HTMLInputElement;
      input.readOnly = !allowEdit;
      inputs.set(name, input);
      return h("label", {}, fieldLabel(name), input);
    });
    const finish = (choice: ConfirmChoice) => {
      URL.revokeObjectURL(url);
      resolve(choice);
    };
    const confirm = h("button", { type: "submit", "data-role": "confirm" }, t("confirm"));
    const retake = h("button", { type: "button", class: "secondary", "data-role": "retake" }, t("retake"));
    retake.addEventListener("click", () => finish({ kind: "retake" }));
    const form = h("form", {}, ...rows, confirm);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Only what the user actually changed is sent: the server records those as EditDetails.
      const fields: Record<string, string | null> = {};
      for (const [name, input] of inputs) {
        const value = input.value.trim();
        if (value !== (view.fields[name] ?? "")) fields[name] = value === "" ? null : value;
      }
      finish({ kind: "confirm", fields });
    });
    show(
      "document-confirm",
      h("h1", {}, t("confirmHeading")),
      h("p", { class: "muted" }, allowEdit ? t("confirmBody") : t("confirmBodyLocked")),
      h("img", { src: url, alt: "", class: "preview" }),
      form,
      retake,
    );
  });
}
