export * from "./detect.ts";
export * from "./events.ts";
export * from "./sequence.ts";
export * from "./signals.ts";
