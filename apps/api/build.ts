/**
 * `pnpm --filter @jindu/api build`: bundles the server for `pnpm start` and the Docker image, so
 * that production runs plain JavaScript under node (no TypeScript loader). esbuild inlines our
 * own code (@jindu/db and @jindu/domain export their .ts sources; build-time dependencies, hence
 * devDependencies) and two pure-JavaScript npm packages (BUNDLED), and leaves every other npm
 * package external, loaded from node_modules as usual: the server's dependencies are therefore
 * also those of the packages it bundles. Out, in apps/api/dist:
 *   server.js       src/server.ts, at the same depth, so its own paths (../../web/dist, the
 *                   data directory) point where they do from the sources
 *   grid-worker.js  the spreadsheet reader piscina runs on worker threads
 *   migrate.js, roles.js, backup.js, restore.js   packages/db's commands (pnpm migrate, …)
 *   compiled-schemas.js   every route's request validators and response serializers, compiled
 *                   here rather than at each start (src/precompiled-schemas.ts): the app is built
 *                   once, without a database, in Fastify's standalone mode, and the code it stores
 *                   is bundled with the few runtime modules it requires (Ajv's, the formats',
 *                   fast-json-stringify's serializer)
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { schemaModuleSource, storeSchemaCode } from "./src/precompile.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const outdir = fileURLToPath(new URL("./dist", import.meta.url));
const packages = fileURLToPath(new URL("../../packages/", import.meta.url));
const cli = "../../packages/db/src/cli";

/**
 * npm packages bundled nonetheless: ES modules of many small files, which node would otherwise
 * resolve and read one by one at every start (issue 16: about 0.2 s of CPU for these two).
 */
const BUNDLED = ["typebox", "drizzle-orm"];
const bundled = (path: string) => BUNDLED.some((p) => path === p || path.startsWith(`${p}/`));
/** Other npm packages stay imports; only the workspace's own (@jindu/*) and relative files are bundled. */
const npmPackagesExternal: Plugin = {
  name: "npm-packages-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@jindu/") || bundled(args.path)
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * The packages read files kept beside their sources (packages/db/drizzle, packages/db/seed-data)
 * relative to their module's import.meta.url. In a bundle that would be the bundle's own URL, so
 * each packages/* module gets its source file's URL instead, as seen from the bundle: the files
 * are then found where the repository (and the Docker image) keeps them. Every output file sits
 * in dist itself (no shared chunks in a subfolder), so "from the bundle" is the same for all.
 */
const sourceLocations: Plugin = {
  name: "source-locations",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(packages)) return undefined;
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "ts" };
      const fromBundle = relative(outdir, args.path).split("\\").join("/");
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: here,
  entryPoints: {
    server: "src/server.ts",
    "grid-worker": "src/services/spreadsheets/grid-task.ts",
    migrate: `${cli}/migrate.ts`,
    roles: `${cli}/roles.ts`,
    backup: `${cli}/backup.ts`,
    restore: `${cli}/restore.ts`,
  },
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  sourcemap: true,
  plugins: [npmPackagesExternal, sourceLocations],
  logLevel: "warning",
  metafile: true,
});

/** The folder holding a package and its dependencies (pnpm: …/.pnpm/<pkg>/node_modules). */
const require = createRequire(import.meta.url);
const packageFolder = (name: string) =>
  dirname(dirname(realpathSync(dirname(require.resolve(`${name}/package.json`)))));

const generated = mkdtempSync(join(tmpdir(), "jindu-schemas-"));
try {
  const entry = join(generated, "compiled-schemas.js");
  writeFileSync(entry, schemaModuleSource(await storeSchemaCode()));
  const schemas = await build({
    entryPoints: { "compiled-schemas": entry },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    // The stored code requires Ajv's runtime, ajv-formats and fast-json-stringify's serializer:
    // found beside the compilers that wrote it.
    nodePaths: [
      packageFolder("@fastify/ajv-compiler"),
      packageFolder("@fastify/fast-json-stringify-compiler"),
    ],
    logLevel: "warning",
    metafile: true,
  });
  Object.assign(result.metafile.outputs, schemas.metafile.outputs);
} finally {
  rmSync(generated, { recursive: true, force: true });
}

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`Built apps/api/dist (${(bytes / 1024 / 1024).toFixed(1)} MiB with source maps)`);
