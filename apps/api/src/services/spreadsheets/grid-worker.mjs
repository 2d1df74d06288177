// Piscina loads this plain module in each worker thread; tsx makes the TypeScript reader loadable
// there whether the server runs under tsx (production) or under Vitest's own transform (tests).
import { register } from "tsx/esm/api";

register();
const { default: readGridTask } = await import("./grid-task.ts");
export default readGridTask;
