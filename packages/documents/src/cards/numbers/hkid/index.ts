export * from "./card.ts";
export * from "./number.ts";
export * from "./prefixes.ts";
export * from "./symbols.ts";
