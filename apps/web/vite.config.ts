import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Issue 16's budget for the JavaScript a first visit downloads before any route chunk. */
const INITIAL_JS_BUDGET_KB = 250;
const api = process.env.JINDU_API_URL ?? "http://127.0.0.1:3000";

/**
 * Reports the gzip size of the initial JS (the entry chunk and everything it imports statically)
 * and fails the build over budget, so the number is measured on every build rather than guessed.
 */
function initialJsBudget(): Plugin {
  return {
    name: "jindu:initial-js-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) =>
          file.type === "chunk" ? [[file.fileName, file]] : [],
        ),
      );
      const closure = (name: string, into = new Set<string>()) => {
        if (into.has(name)) return into;
        into.add(name);
        for (const imported of chunks.get(name)?.imports ?? []) closure(imported, into);
        return into;
      };
      const gzipKb = (names: Iterable<string>) => {
        let bytes = 0;
        for (const name of names) bytes += gzipSync(chunks.get(name)?.code ?? "").length;
        return bytes / 1024;
      };
      const initial = new Set<string>();
      for (const chunk of chunks.values()) if (chunk.isEntry) closure(chunk.fileName, initial);
      // Chunks that import each other may run before what they import is defined: a blank page.
      for (const name of initial) {
        const imported = new Set<string>();
        for (const next of chunks.get(name)?.imports ?? []) closure(next, imported);
        if (imported.has(name)) this.error(`initial chunk ${name} imports itself through others`);
      }
      const kb = gzipKb(initial);
      const message = `initial JS: ${kb.toFixed(1)} KB gzip in ${initial.size} chunks (budget ${INITIAL_JS_BUDGET_KB} KB)`;
      if (kb > INITIAL_JS_BUDGET_KB) this.error(message);
      this.info(message);
      // What each lazy screen adds on top of the initial JS when it is opened first.
      const screens = [...chunks.values()]
        .filter((chunk) => chunk.isDynamicEntry)
        .map((chunk) => {
          const extra = [...closure(chunk.fileName)].filter((name) => !initial.has(name));
          return `${chunk.name} +${gzipKb(extra).toFixed(1)}`;
        });
      this.info(`screens, KB gzip on top of the initial JS: ${screens.join(", ")}`);
    },
  };
}

/** The production build React Router ships beside the development one its exports name. */
function reactRouterProduction() {
  const development = createRequire(import.meta.url).resolve("react-router");
  return join(development, "../../production/index.mjs");
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes a .br and a .gz beside every script, stylesheet and page of the build; the API sends
 * them to browsers that accept them (@fastify/static preCompressed), so that the code travels
 * compressed (the screens' 1.3 MB of scripts as about 0.4 MB) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: "jindu:precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      const files = Object.values(bundle).flatMap((file) => {
        const content = file.type === "chunk" ? file.code : file.source;
        return /\.(js|css|html|svg|json)$/.test(file.fileName) && content.length >= 1024
          ? [{ name: file.fileName, content: Buffer.from(content) }]
          : [];
      });
      await Promise.all(
        files.map(async ({ name, content }) => {
          const [br, gz] = await Promise.all([
            // Quality 9 is within a few per cent of 11 at a fraction of the build time.
            brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
            gzipAsync(content, { level: 9 }),
          ]);
          await writeFile(join(dir, `${name}.br`), br);
          await writeFile(join(dir, `${name}.gz`), gz);
        }),
      );
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), initialJsBudget(), precompress()],
  resolve: {
    alias: [
      { find: "@", replacement: fileURLToPath(new URL("./src", import.meta.url)) },
      // React Router 7's package exports name its development build for every condition
      // (remix-run/react-router#12532, #14753): its checks and warnings cost ~80 ms of the
      // first render here. Production builds take the production files it ships beside them.
      ...(mode === "production"
        ? [{ find: /^react-router$/, replacement: reactRouterProduction() }]
        : []),
    ],
  },
  server: {
    proxy: { "/api": api, "/healthz": api },
  },
  build: {
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group must not pull in what it imports: recharts shares small helpers with antd,
          // and dragging them into "charts" would make the chart library part of the first load.
          includeDependenciesRecursively: false,
          // Libraries change less often than our code: separate chunks stay cached across releases.
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            {
              name: "charts",
              test: /node_modules[\\/](recharts|d3-[a-z]+|victory-vendor|@reduxjs|immer|reselect|redux)[\\/]/,
              priority: 20,
            },
            {
              // The rest of what the first screen needs (antd's core, TanStack Query, i18next,
              // the shell's components) in one file rather than some twenty small ones: over
              // HTTP/1.1 a browser fetches six at a time, and each wave is a round trip. (A
              // separate query-i18n group imported a helper back from this chunk: a cycle that
              // left the page blank. The build now refuses such cycles.)
              name: "shell",
              tags: ["$initial"],
              priority: 10,
            },
          ],
        },
      },
    },
  },
}));
