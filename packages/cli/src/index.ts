export type { Command, CommandIo } from "./io.ts";
export { main } from "./main.ts";
