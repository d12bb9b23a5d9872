import { type CommandIo, parseArgs, writeLine } from "../io.ts";
import { withAppService } from "./with-services.ts";

export async function runApp(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  const { positional, flags } = parseArgs(rest, ["json"]);
  const json = flags.has("json");
  if (sub === "create") {
    const name = flags.get("name");
    if (typeof name !== "string" || name.trim() === "") {
      writeLine(io.stderr, "usage: openekyc app create --name NAME [--json]");
      return 2;
    }
    const created = await withAppService((apps) => apps.createApp(name.trim()));
    if (json) writeLine(io.stdout, JSON.stringify(created));
    else
      writeLine(
        io.stdout,
        `AppId:     ${created.AppId}\nSecretId:  ${created.SecretId}\nSecretKey: ${created.SecretKey}\n(the SecretKey is shown only once)`,
      );
    return 0;
  }
  if (sub === "list") {
    const listed = await withAppService(async (apps, store) =>
      Promise.all(
        (await apps.listApps()).map(async (app) => ({
          AppId: app.appId,
          Name: app.name,
          Disabled: app.disabled,
          RedirectHosts: app.redirectHosts,
          SecretIds: (await store.listCredentials(app.appId))
            .filter((c) => !c.disabled)
            .map((c) => c.secretId),
        })),
      ),
    );
    if (json) writeLine(io.stdout, JSON.stringify(listed));
    else for (const app of listed) writeLine(io.stdout, formatApp(app));
    return 0;
  }
  if (sub === "disable" && positional[0]) {
    await withAppService((apps) => apps.disableApp(positional[0]!));
    writeLine(io.stdout, `disabled ${positional[0]}`);
    return 0;
  }
  writeLine(
    io.stderr,
    "usage: openekyc app create --name NAME [--json] | app list [--json] | app disable APPID",
  );
  return 2;
}

function formatApp(app: {
  AppId: string;
  Name: string;
  Disabled: boolean;
  SecretIds: readonly string[];
}): string {
  return `${app.AppId}  ${app.Name}${app.Disabled ? "  (disabled)" : ""}  keys: ${app.SecretIds.join(", ") || "-"}`;
}
