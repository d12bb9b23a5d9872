import { newSession, type Session } from "@openekyc/core";
import { describe, expect, it } from "vitest";
import { merchantReferenceKey } from "../sessions.ts";
import { pageSteps } from "./page-steps.ts";

function session(
  kind: Session["kind"],
  config: Record<string, unknown>,
  reference: "merchant" | "portrait" | null,
): Session {
  const id = "0f4d8a6e-1111-4222-8333-444455556666";
  const referenceImageKey =
    reference === "merchant"
      ? merchantReferenceKey(id)
      : reference === "portrait"
        ? `sessions/${id}/doc/head`
        : null;
  return newSession({
    id,
    token: "TOKEN-0001",
    kind,
    appId: "app",
    config,
    redirectUrl: null,
    extra: null,
    referenceImageKey,
    retryLimit: 3,
    now: 0,
  });
}

describe("page steps (what the start page may promise)", () => {
  it("web CheckMode 2 compares with the merchant's photo; CheckMode 3 only checks liveness", () => {
    expect(pageSteps(session("web-intl", { CheckMode: 2, compareWithReference: true }, "merchant"))).toEqual({
      Document: false,
      Liveness: true,
      Compare: "photo",
    });
    // CheckMode 3 with a photo sent anyway: it is not compared, so it is not promised.
    expect(pageSteps(session("web-intl", { CheckMode: 3, compareWithReference: false }, "merchant"))).toEqual(
      {
        Document: false,
        Liveness: true,
        Compare: null,
      },
    );
    expect(pageSteps(session("sdk-liveness", { compareWithReference: false }, null)).Compare).toBeNull();
  });

  it("CheckMode 1 compares with the document's portrait, before and after the document step set it", () => {
    const config = { CheckMode: 1, IDCardType: "HKIDCard", compareWithReference: false };
    const expected = { Document: true, Liveness: true, Compare: "document" };
    expect(pageSteps(session("web-intl", config, null))).toEqual(expected);
    expect(pageSteps(session("web-intl", { ...config, compareWithReference: true }, "portrait"))).toEqual(
      expected,
    );
    const withPhoto = { ...config, compareWithReference: true };
    expect(pageSteps(session("web-intl", withPhoto, "merchant")).Compare).toBe("photo");
  });

  it("CheckMode 4 reads the document only", () => {
    const steps = pageSteps(session("web-intl", { CheckMode: 4, IDCardType: "HKIDCard" }, null));
    expect(steps).toEqual({ Document: true, Liveness: false, Compare: null });
  });
});
