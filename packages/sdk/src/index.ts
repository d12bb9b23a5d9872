export {
  FaceIdApiError,
  FaceIdServerClient,
  type ServerClientOptions,
  tc3Authorization,
} from "./server-client.ts";
