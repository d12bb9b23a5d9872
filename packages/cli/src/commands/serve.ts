import { loadConfig, startServer } from "@openekyc/server";
import { type CommandIo, writeLine } from "../io.ts";

export async function runServe(_args: string[], io: CommandIo): Promise<number> {
  const config = loadConfig();
  const server = await startServer(config);
  const base = server.url.replace(/\/$/, "");
  const lines = [
    "",
    "openekyc is running.",
    `  API endpoint (Tencent Cloud FaceID 2018-03-01): ${base}/  — point the SDK's httpProfile.endpoint here`,
    `  Demo merchant:                                 ${base}/demo`,
    `  Verification page:                             ${base}/verify?token=…`,
    `  Health:                                        ${base}/healthz`,
    `  Data:                                          ${config.databaseUrl ? "PostgreSQL" : config.dataDir}`,
  ];
  if (server.firstApp) {
    lines.push(
      "",
      "First run: created app 'default'. Keep the SecretKey now; it is shown only once:",
      `  AppId:     ${server.firstApp.AppId}`,
      `  SecretId:  ${server.firstApp.SecretId}`,
      `  SecretKey: ${server.firstApp.SecretKey}`,
      "  (more keys: npx openekyc key rotate APPID)",
    );
  }
  writeLine(io.stdout, lines.join("\n"));
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      writeLine(io.stderr, "openekyc: shutting down");
      server.close().then(resolveStop, resolveStop);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
