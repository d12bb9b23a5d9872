import type { DocumentResult } from "@openekyc/core";
import { expect, it } from "vitest";
import { makeApp, makeSession, t0 } from "./fixtures.ts";
import type { StoreUnderTest } from "./harness.ts";

function makeDocument(
  sessionId: string,
  id: string,
  overrides: Partial<DocumentResult> = {},
): DocumentResult {
  return {
    id,
    sessionId,
    status: "reading",
    idCardType: "HKIDCard",
    createdAt: t0,
    updatedAt: t0,
    normalCardInfo: null,
    cardInfo: null,
    warnings: [],
    blockingWarnings: [],
    expired: false,
    fieldsValid: false,
    isPass: false,
    isEdit: false,
    editDetails: [],
    evidence: { front: `sessions/${sessionId}/documents/${id}/front` },
    failure: null,
    ...overrides,
  };
}

/** Document OCR attempts: round trip, order, the status compare-and-set and its race, purge. */
export function documentConformance(get: () => StoreUnderTest): void {
  async function withSession() {
    const { store } = get();
    const app = makeApp();
    await store.createApp(app);
    const session = makeSession(app.appId);
    await store.createSession(session);
    return { store, session };
  }

  it("round-trips document results exactly and lists them oldest first", async () => {
    const { store, session } = await withSession();
    const later = makeDocument(session.id, "doc-b", { createdAt: t0 + 10 });
    const first = makeDocument(session.id, "doc-a", {
      normalCardInfo: { HKIDCard: { FullName: "CHAN, Tai Man", Permanent: "1", ChineseName: null } },
      warnings: [-9103, -9107],
      blockingWarnings: [-9107],
    });
    await store.addDocumentResult(later);
    await store.addDocumentResult(first);
    expect(await store.getDocumentResult("doc-a")).toEqual(first);
    expect(await store.getDocumentResult("missing")).toBeNull();
    expect(await store.listDocumentResults(session.id)).toEqual([first, later]);
    expect(await store.listDocumentResults("other-session")).toEqual([]);
    await expect(store.addDocumentResult(first)).rejects.toThrow();
  });

  it("updates only from the expected status, and one of two racing writers wins", async () => {
    const { store, session } = await withSession();
    const reading = makeDocument(session.id, "doc-race");
    await store.addDocumentResult(reading);
    const read = { ...reading, status: "read" as const, fieldsValid: true, updatedAt: t0 + 1 };
    expect(await store.updateDocumentResult(read, ["confirmed"])).toBe(false);
    const peer = await get().openPeer();
    const outcomes = await Promise.all([
      store.updateDocumentResult(read, ["reading"]),
      peer.updateDocumentResult({ ...read, failure: "peer" }, ["reading"]),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await store.getDocumentResult("doc-race"))?.status).toBe("read");
    const edits = [{ fieldName: "FullName", originalFieldValue: "CHAN", revisedFieldValue: "CHAN, Tai Man" }];
    const confirmed = { ...read, status: "confirmed" as const, isEdit: true, editDetails: edits };
    expect(await store.updateDocumentResult(confirmed, ["read"])).toBe(true);
    expect(await store.getDocumentResult("doc-race")).toEqual(confirmed);
  });

  it("compare-and-sets on the whole record when given the record it read", async () => {
    const { store, session } = await withSession();
    const reading = makeDocument(session.id, "doc-cas");
    await store.addDocumentResult(reading);
    const seen = (await store.getDocumentResult("doc-cas"))!;
    // A write in between (a retaken back photo while the read ran) changes the record, not its status.
    const retaken = {
      ...seen,
      evidence: { ...seen.evidence, back: "documents/x/back-2" },
      updatedAt: t0 + 2,
    };
    expect(await store.updateDocumentResult(retaken, ["reading"])).toBe(true);
    const read = { ...seen, status: "read" as const, fieldsValid: true, updatedAt: t0 + 3 };
    expect(await store.updateDocumentResult(read, ["reading"], seen)).toBe(false);
    expect(await store.getDocumentResult("doc-cas")).toEqual(retaken);
    expect(
      await store.updateDocumentResult({ ...read, evidence: retaken.evidence }, ["reading"], retaken),
    ).toBe(true);
    expect((await store.getDocumentResult("doc-cas"))?.status).toBe("read");
  });

  it("sets the document portrait as the reference once, only while the session is in progress", async () => {
    const { store, session: created } = await withSession();
    const bare = makeSession(created.appId, {
      referenceImageKey: null,
      config: { CheckMode: 1, compareWithReference: false },
    });
    await store.createSession(bare);
    expect(await store.setSessionReference(bare.token, "sessions/x/head")).toBeNull();
    await store.transitionSession(bare.token, ["created"], { status: "in_progress", startedAt: t0 + 1 });
    const updated = await store.setSessionReference(bare.token, "sessions/x/head");
    expect(updated?.referenceImageKey).toBe("sessions/x/head");
    expect(updated?.config).toEqual({ CheckMode: 1, compareWithReference: true });
    expect(await store.getSessionByToken(bare.token)).toEqual(updated);
    // The merchant's own reference (or a first portrait) is never replaced.
    expect(await store.setSessionReference(bare.token, "sessions/x/other")).toBeNull();
  });

  it("drops document evidence keys when the session's media are purged, keeping the fields", async () => {
    const { store, session } = await withSession();
    const doc = makeDocument(session.id, "doc-purge", { status: "confirmed", isPass: true });
    await store.addDocumentResult(doc);
    await store.markPurged(session.id);
    expect(await store.getDocumentResult("doc-purge")).toEqual({ ...doc, evidence: {} });
  });
}
