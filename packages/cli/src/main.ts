import { type Command, type CommandIo, writeLine } from "./io.ts";

const usage = `openekyc — self-hosted eKYC

Usage:
  openekyc serve                              run the server (PORT, OPENEKYC_DATA_DIR, …)
  openekyc app create --name NAME [--json]    create an app with a SecretId/SecretKey pair
  openekyc app list [--json]                  list apps and their SecretIds
  openekyc app disable APPID                  disable an app
  openekyc key rotate APPID [--json]          add a new SecretId/SecretKey pair to an app
  openekyc key disable SECRETID               disable one SecretId
  openekyc compare IMAGE_A IMAGE_B --json     1:1 face comparison
  openekyc compare --pairs FILE --jsonl       compare every pair of a CSV with header a,b
  openekyc liveness VIDEO [--actions blink,mouth] --json
  openekyc ocr IMAGE [--type TYPE] --json     read an identity document

Every command works on the data of OPENEKYC_DATA_DIR (default ./data) or OPENEKYC_DATABASE_URL.`;

/** Commands load lazily: `app create` must not pay for loading face models. */
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./commands/serve.ts")).runServe,
  app: async () => (await import("./commands/app.ts")).runApp,
  key: async () => (await import("./commands/key.ts")).runKey,
  compare: async () => (await import("./commands/compare.ts")).runCompare,
  liveness: async () => (await import("./commands/liveness.ts")).runLiveness,
  ocr: async () => (await import("./commands/ocr.ts")).runOcr,
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    writeLine(name ? io.stdout : io.stderr, usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    writeLine(io.stderr, `openekyc: unknown command '${name}'\n\n${usage}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    writeLine(io.stderr, `openekyc ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
