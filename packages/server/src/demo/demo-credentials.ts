import type { Clock, Store } from "@openekyc/core";
import type { SecretBox } from "../crypto/secret-box.ts";
import { AppService } from "../services/apps.ts";

export interface DemoCredentials {
  readonly appId: string;
  readonly secretId: string;
  readonly secretKey: string;
}

const demoAppName = "demo merchant";

/**
 * The demo merchant is an ordinary app: it signs its calls like any merchant would.
 * Its key is recovered from the store (sealed with the master key) so restarts reuse the same app.
 */
export async function demoCredentials(
  store: Store,
  secrets: SecretBox,
  clock: Clock,
  redirectHost: string,
): Promise<DemoCredentials> {
  const existing = (await store.listApps()).find((app) => app.name === demoAppName && !app.disabled);
  if (existing) {
    const credential = (await store.listCredentials(existing.appId)).find((c) => !c.disabled);
    if (credential) {
      return {
        appId: existing.appId,
        secretId: credential.secretId,
        secretKey: secrets.open(credential.secretKeyCiphertext),
      };
    }
  }
  const created = await new AppService(store, secrets, clock).createApp(demoAppName);
  await store.updateApp(created.AppId, { redirectHosts: [redirectHost] });
  return { appId: created.AppId, secretId: created.SecretId, secretKey: created.SecretKey };
}
