export * from "./app.ts";
export * from "./documents.ts";
export * from "./errors.ts";
export * from "./ports.ts";
export * from "./result-codes.ts";
export * from "./session.ts";
