import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Clock, type Store, systemClock } from "@openekyc/core";
import { renderCardBack } from "../../../documents/test/synthetic/backs.ts";
import { degrade } from "../../../documents/test/synthetic/degrade.ts";
import { renderCard } from "../../../documents/test/synthetic/render.ts";
import { FsBlobStore } from "../../src/blobs/fs.ts";
import { DocumentService } from "../../src/services/documents/index.ts";
import { SessionService } from "../../src/services/sessions.ts";
import { openSqliteStore } from "../../src/store/sqlite/index.ts";

/** A phone-like photo of a synthetic card (the documents helpers' renderer), JPEG. */
export async function cardPhoto(
  type: Parameters<typeof renderCard>[0],
  seed: number,
  variant: Parameters<typeof degrade>[1] = "clean",
  render: Parameters<typeof renderCard>[2] = {},
): Promise<{ photo: Buffer; truth: { name: string; number: string; birthDate: string } }> {
  const card = await renderCard(type, seed, render);
  return { photo: await degrade(card.png, variant, seed), truth: card.design.truth };
}

/** A phone-like photo of the back of the synthetic card `cardPhoto(type, seed)` shows, JPEG. */
export async function cardBackPhoto(
  type: Parameters<typeof renderCardBack>[0],
  seed: number,
  variant: Parameters<typeof degrade>[1] = "clean",
): Promise<{ photo: Buffer; truth: { number: string | null } }> {
  const back = await renderCardBack(type, seed);
  return { photo: await degrade(back.png, variant, seed), truth: { number: back.design.truth.number } };
}

export interface DocumentWorld {
  readonly store: Store;
  readonly blobs: FsBlobStore;
  readonly sessions: SessionService;
  readonly documents: DocumentService;
  readonly appId: string;
  close(): Promise<void>;
}

/** A real SQLite file, a blob directory and the real documents engine behind the service. */
export async function openWorld(clock: Clock = systemClock): Promise<DocumentWorld> {
  const dir = await mkdtemp(join(tmpdir(), "openekyc-documents-"));
  const store = await openSqliteStore(join(dir, "db.sqlite"));
  const blobs = new FsBlobStore(join(dir, "blobs"));
  const sessions = new SessionService(store, clock, blobs);
  const appId = "app-documents";
  await store.createApp({
    appId,
    name: "documents",
    disabled: false,
    redirectHosts: [],
    rateLimitPerSecond: 100,
    createdAt: clock.now(),
  });
  return {
    store,
    blobs,
    sessions,
    documents: new DocumentService(store, blobs, clock, sessions),
    appId,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A web session as ApplyWebVerificationBizTokenIntl stores it (validated config, defaults applied). */
export async function webSession(world: DocumentWorld, config: Record<string, unknown>) {
  return world.sessions.create({
    kind: "web-intl",
    appId: world.appId,
    config: {
      CheckMode: 4,
      IDCardType: "HKIDCard",
      DisableCheckOcrWarnings: false,
      SelectedWarningCodes: "",
      AllowExpiredDocument: true,
      IdCardCutReturn: false,
      ...config,
    },
    redirectUrl: "https://shop.example.com/done",
    extra: null,
    retryLimit: 3,
    reference: null,
  });
}
