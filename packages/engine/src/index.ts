export type * from "./types.ts";
export * from "./reflection/index.ts";
