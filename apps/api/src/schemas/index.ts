export * from "./catalogue.js";
export * from "./common.js";
export * from "./completeness.js";
export * from "./dashboard.js";
export * from "./progress.js";
export * from "./reports.js";
export * from "./submissions.js";
export * from "./targets.js";
