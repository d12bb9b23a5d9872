import type { App, BlobStore, Clock } from "@openekyc/core";
import type { z } from "zod";
import type { ReferencePhotoCheck } from "../../services/reference-photo.ts";
import type { SessionService } from "../../services/sessions.ts";
import type { UploadService } from "../../services/uploads.ts";

/** What action handlers may use; built once per server. */
export interface ActionServices {
  readonly sessions: SessionService;
  readonly uploads: UploadService;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  /** Checks a merchant's reference photo for one usable face before a token is issued. */
  readonly referencePhotos: ReferencePhotoCheck;
  /** Base URL of this server, no trailing slash. */
  readonly publicUrl: string;
}

export interface ActionContext {
  /** The authenticated merchant. */
  readonly app: App;
  readonly services: ActionServices;
  readonly requestId: string;
}

/** One API action: its request schema (fields, types, defaults from the reference) and its handler. */
export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  handle(params: z.output<S>, context: ActionContext): Promise<Record<string, unknown>>;
}

export function defineAction<S extends z.ZodType>(definition: ActionDefinition<S>): ActionDefinition<S> {
  return definition;
}
