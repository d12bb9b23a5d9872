import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardPhoto, type DocumentWorld, openWorld, webSession } from "./fixtures.ts";

/**
 * The merchant's warning policy on a real read: a card photographed under glare (the renderer's "glare"
 * variant) is reported with -9107 and blocks by default; SelectedWarningCodes without -9107 lets it pass while
 * still reporting the warning.
 */
let world: DocumentWorld;
let glare: Awaited<ReturnType<typeof cardPhoto>>;

beforeAll(async () => {
  world = await openWorld();
  glare = await cardPhoto("HKIDCard", 5, "glare");
});
afterAll(() => world.close());

async function readWith(config: Record<string, unknown>) {
  const session = await webSession(world, { CheckMode: 4, ...config });
  const uploaded = await world.documents.upload(session.token, "front", glare.photo);
  await world.documents.settled(uploaded.id);
  return { session, view: await world.documents.view(session.token, uploaded.id) };
}

describe("warning policy on a real read", () => {
  it("blocks the glare warning by default and lets the user only retake", async () => {
    const { session, view } = await readWith({});
    expect(view.warnings).toContain(-9107);
    expect(view).toMatchObject({ status: "read", fieldsValid: true, isPass: false, reasons: ["warnings"] });
    expect(view.blockingWarnings).toContain(-9107);
    // Confirming a blocked read records a failed attempt; the session stays open for another photo.
    const confirmed = await world.documents.confirm(session.token, view.id, {});
    expect(confirmed).toMatchObject({ isPass: false, next: "retry" });
    expect((await world.sessions.get(session.token)).status).toBe("in_progress");
  });

  it("lets it pass when the merchant selected other codes, still reporting it", async () => {
    const { view } = await readWith({ SelectedWarningCodes: "-9103,-9104" });
    expect(view.warnings).toContain(-9107);
    expect(view).toMatchObject({ isPass: true, blockingWarnings: [], reasons: [] });
  });
});
