import type { Store } from "@openekyc/core";
import { AppService, composeDeps, loadConfig } from "@openekyc/server";

/** Opens the configured store for one CLI command and closes it afterwards. */
export async function withAppService<T>(work: (apps: AppService, store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const deps = await composeDeps(config);
  try {
    const apps = new AppService(deps.store, deps.secrets, deps.clock, {
      defaultRateLimitPerSecond: config.defaultRateLimitPerSecond,
    });
    return await work(apps, deps.store);
  } finally {
    await deps.close();
  }
}
