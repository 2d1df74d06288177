// Piscina loads this plain module in each worker thread when the server runs from its sources;
// tsx makes the TypeScript reader loadable there whether the server runs under tsx (`pnpm dev`)
// or under Vitest's own transform (tests). The built server has the reader bundled instead.
import { register } from "tsx/esm/api";

register();
const { default: readGridTask } = await import("./grid-task.ts");
export default readGridTask;
