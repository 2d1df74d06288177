export * from "./catalogue.js";
export * from "./idempotency.js";
export * from "./imports.js";
export * from "./progress.js";
export * from "./reports.js";
export * from "./submissions.js";
export * from "./targets.js";
export * from "./users.js";
