/** Where a command writes; tests pass in-memory streams. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export type Command = (args: string[], io: CommandIo) => Promise<number>;

/** Splits `--flag value`, `--flag=value` and `--switch` from positional arguments. */
export function parseArgs(
  args: readonly string[],
  switches: readonly string[] = [],
): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (switches.includes(arg.slice(2)) || i + 1 >= args.length || args[i + 1]!.startsWith("--")) {
      flags.set(arg.slice(2), true);
    } else {
      flags.set(arg.slice(2), args[++i]!);
    }
  }
  return { positional, flags };
}

export function writeLine(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${text}\n`);
}
