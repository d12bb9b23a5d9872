import { type CommandIo, parseArgs, writeLine } from "../io.ts";
import { withAppService } from "./with-services.ts";

export async function runKey(args: string[], io: CommandIo): Promise<number> {
  const [sub, ...rest] = args;
  const { positional, flags } = parseArgs(rest, ["json"]);
  const target = positional[0];
  if (sub === "rotate" && target) {
    const pair = await withAppService((apps) => apps.rotateKey(target));
    if (flags.has("json")) writeLine(io.stdout, JSON.stringify({ AppId: target, ...pair }));
    else
      writeLine(
        io.stdout,
        `SecretId:  ${pair.SecretId}\nSecretKey: ${pair.SecretKey}\n(older keys stay valid until: openekyc key disable SECRETID)`,
      );
    return 0;
  }
  if (sub === "disable" && target) {
    await withAppService((apps) => apps.disableKey(target));
    writeLine(io.stdout, `disabled ${target}`);
    return 0;
  }
  writeLine(io.stderr, "usage: openekyc key rotate APPID [--json] | key disable SECRETID");
  return 2;
}
