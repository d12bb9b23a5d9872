import { z } from "zod";
import { uploadTargetActions } from "../../services/uploads.ts";
import { defineAction } from "./types.ts";

export const createUploadUrl = defineAction({
  name: "CreateUploadUrl",
  schema: z.strictObject({ TargetAction: z.enum(uploadTargetActions) }),
  async handle(_params, { app, services }) {
    return { ...services.uploads.createUploadUrl(app.appId) };
  },
});
