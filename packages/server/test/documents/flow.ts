import { type DocumentsTestServer, fetchJson } from "./server.ts";

/**
 * The document step as the hosted page drives it (upload a side, wait for the read, confirm), shared by the
 * server's document tests so each states only what it checks.
 */
type Json = Record<string, unknown>;
type Reply = { status: number; body: Json };

const query = (token: string) => `token=${encodeURIComponent(token)}`;

/** Posts the photo of one side, as the page uploads it (the front answers 202 and starts a read). */
export function uploadSide(
  server: DocumentsTestServer,
  token: string,
  side: "front" | "back",
  photo: Buffer,
): Promise<Reply> {
  return fetchJson(server, `/api/documents/${side}?${query(token)}`, {
    method: "POST",
    headers: { "content-type": "image/jpeg" },
    body: new Uint8Array(photo),
  });
}

/** The attempt's view once it is no longer being read (long-polls; always asks at least once). */
export async function settledAttempt(
  server: DocumentsTestServer,
  token: string,
  attemptId: unknown,
): Promise<Json> {
  const poll = async () =>
    (await fetchJson(server, `/api/documents/attempts/${attemptId}?${query(token)}&wait=20`)).body;
  let view = await poll();
  while (view.status === "reading") view = await poll();
  return view;
}

/** Uploads the front and waits for its read: the upload's status and the attempt's settled view. */
export async function readFront(
  server: DocumentsTestServer,
  token: string,
  photo: Buffer,
): Promise<{ status: number; view: Json }> {
  const upload = await uploadSide(server, token, "front", photo);
  if (upload.status !== 202) return { status: upload.status, view: upload.body };
  return { status: upload.status, view: await settledAttempt(server, token, upload.body.id) };
}

/** The user's confirmation of the read fields; `fields` holds their edits. */
export function confirmAttempt(
  server: DocumentsTestServer,
  token: string,
  attemptId: unknown,
  fields: Json = {},
): Promise<Reply> {
  return fetchJson(server, `/api/documents/attempts/${attemptId}/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, fields }),
  });
}
