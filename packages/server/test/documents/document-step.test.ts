import { systemClock } from "@openekyc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentService } from "../../src/services/documents/index.ts";
import { cardPhoto, type DocumentWorld, openWorld, webSession } from "./fixtures.ts";

/**
 * The document step on a synthetic HKID photo with the real documents engine (PP-OCR ONNX): read off the
 * request path, confirm with an edit, the CheckMode 4 session finished; the CheckMode 1 portrait reference.
 */
let world: DocumentWorld;
let hkid: Awaited<ReturnType<typeof cardPhoto>>;

beforeAll(async () => {
  world = await openWorld();
  hkid = await cardPhoto("HKIDCard", 11);
});
afterAll(() => world.close());

describe("document step with the real engine", () => {
  it("reads, confirms with an edit and finishes a CheckMode 4 session", async () => {
    const session = await webSession(world, { CheckMode: 4 });
    const uploaded = await world.documents.upload(session.token, "front", hkid.photo);
    expect(uploaded.status).toBe("reading");
    expect((await world.sessions.get(session.token)).status).toBe("in_progress");
    await world.documents.settled(uploaded.id);
    const read = await world.documents.view(session.token, uploaded.id);
    expect(read.status).toBe("read");
    expect(read.fields.LicenseNumber).toBe(hkid.truth.number);
    expect(read.fields.FullName).toBe(hkid.truth.name);
    expect(read.fieldsValid).toBe(true);
    // A clean photo raises no capture warnings, so the document passes as read.
    expect(read.warnings).toEqual([]);
    expect(read.isPass).toBe(true);

    await expect(world.documents.confirm(session.token, uploaded.id, { Password: "x" })).rejects.toThrow();
    const confirmed = await world.documents.confirm(session.token, uploaded.id, { ChineseName: "陳大文" });
    expect(confirmed).toMatchObject({ status: "confirmed", isPass: true, isEdit: true, next: "finished" });
    const finished = await world.sessions.get(session.token);
    expect(finished).toMatchObject({ status: "passed", resultCode: 0 });
    const [stored] = await world.documents.results(finished);
    expect(stored?.editDetails).toEqual([
      { fieldName: "ChineseName", originalFieldValue: null, revisedFieldValue: "陳大文" },
    ]);
    expect(Object.keys(stored?.evidence ?? {}).sort()).toEqual(["front", "frontCut", "head", "ocrJson"]);
    const head = await world.blobs.get(stored?.evidence.head ?? "");
    expect(head?.contentType).toBe("image/jpeg");
    // Finished: no more photos, no second confirmation.
    await expect(world.documents.upload(session.token, "front", hkid.photo)).rejects.toMatchObject({
      resultCode: 14,
    });
  });

  it("hands the document portrait to liveness as the reference in CheckMode 1 (no CompareImageBase64)", async () => {
    const session = await webSession(world, { CheckMode: 1 });
    expect(await world.documents.referenceImageKey(session)).toBeNull();
    // The face step cannot start before the document passed.
    await expect(world.documents.assertReadyForLiveness(session)).rejects.toThrow(/document step first/);
    const uploaded = await world.documents.upload(session.token, "front", hkid.photo);
    // Another server process (same database) long-polls the read it is not running itself.
    const peer = new DocumentService(world.store, world.blobs, systemClock, world.sessions);
    expect((await peer.view(session.token, uploaded.id, 60_000)).status).toBe("read");
    const confirmed = await world.documents.confirm(session.token, uploaded.id, {});
    expect(confirmed).toMatchObject({ isPass: true, isEdit: false, next: "liveness" });
    // The session stays open for the liveness step, which compares against the card portrait.
    expect((await world.sessions.get(session.token)).status).toBe("in_progress");
    const started = await world.sessions.get(session.token);
    const [stored] = await world.documents.results(session);
    expect(stored?.evidence.head).toBeTruthy();
    expect(await world.documents.referenceImageKey(started)).toBe(stored?.evidence.head);
    // The session itself now carries the portrait as its reference, with comparison on.
    expect(started.referenceImageKey).toBe(stored?.evidence.head);
    expect(started.config.compareWithReference).toBe(true);
    await expect(world.documents.assertReadyForLiveness(started)).resolves.toBeUndefined();
  });

  it("resumes a read whose process died (left 'reading' past its lease)", async () => {
    const session = await webSession(world, { CheckMode: 4 });
    await world.store.transitionSession(session.token, ["created"], {
      status: "in_progress",
      startedAt: Date.now(),
    });
    const id = "0b7e2a4c-1d3f-4e5a-9b6c-7d8e9f0a1b2c";
    const front = `sessions/${session.id}/documents/${id}/front`;
    await world.blobs.put(front, hkid.photo, "image/jpeg");
    const abandoned = Date.now() - 10 * 60_000;
    await world.store.addDocumentResult({
      id,
      sessionId: session.id,
      status: "reading",
      idCardType: "HKIDCard",
      createdAt: abandoned,
      updatedAt: abandoned,
      normalCardInfo: null,
      cardInfo: null,
      warnings: [],
      blockingWarnings: [],
      expired: false,
      fieldsValid: false,
      isPass: false,
      isEdit: false,
      editDetails: [],
      evidence: { front },
      failure: null,
    });
    const resumed = await world.documents.view(session.token, id, 60_000);
    expect(resumed).toMatchObject({ status: "read", fieldsValid: true });
    expect(resumed.fields.LicenseNumber).toBe(hkid.truth.number);
  });

  it("rejects what is not a usable photo before storing anything", async () => {
    const session = await webSession(world, { CheckMode: 4 });
    const bad = [Buffer.alloc(0), Buffer.from("not an image at all"), Buffer.alloc(9 * 1024 * 1024, 1)];
    for (const data of bad)
      await expect(world.documents.upload(session.token, "front", data)).rejects.toThrow();
    await expect(world.documents.upload(session.token, "back", hkid.photo)).rejects.toThrow(/no back side/);
    expect(await world.store.listDocumentResults(session.id)).toEqual([]);
    await expect(world.documents.upload("UNKNOWN-TOKEN", "front", hkid.photo)).rejects.toThrow();
  });
});
