import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { AjvCompiler, StandaloneValidator } from "@fastify/ajv-compiler";
import { SerializerSelector, StandaloneSerializer } from "@fastify/fast-json-stringify-compiler";

/**
 * Route schemas compiled when the server is built, not at every start (issue 16): compiling the
 * request validators (Ajv) and response serializers (fast-json-stringify) of every route took
 * about half of the start-up. apps/api/build.ts builds the app once with `{ mode: "write" }`,
 * which compiles as usual and hands each function's source to `store` (Fastify's standalone
 * mode); the sources are bundled into dist/compiled-schemas.js, which the built server loads and
 * passes as `{ mode: "read" }`.
 *
 * Each function is found by a hash of everything its code depends on: the route (method, URL,
 * part or status), its schema, the shared schemas and the compiler options. A schema that differs
 * from the build's (or a route the build did not see) hashes to a key with no code and is compiled
 * at start as before, so a stale build can be slower, never wrong. From the sources (tsx, Vitest)
 * there is nothing precompiled and everything compiles as it always did.
 */
export interface PrecompiledSchemas {
  /** By key: a function returning the module.exports of the stored code. */
  validators: Record<string, () => unknown>;
  serializers: Record<string, () => unknown>;
}

export type SchemaCode =
  | {
      mode: "read";
      schemas: PrecompiledSchemas;
      /** Filled with the route schemas that had no stored code and were compiled here. */
      compiledAtStart: string[];
    }
  | { mode: "write"; store: (kind: "validator" | "serializer", key: string, code: string) => void };

const keyOf = (...parts: unknown[]) =>
  createHash("sha256").update(JSON.stringify(parts)).digest("base64url");

interface ValidatorRoute {
  schema: unknown;
  method: string;
  url: string;
  httpPart: string;
}
type ValidatorFactory = ReturnType<typeof AjvCompiler>;

/** A factory like @fastify/ajv-compiler's AjvCompiler() that restores or stores compiled code. */
export function validatorFactory(code: SchemaCode | undefined): ValidatorFactory {
  const compiling = AjvCompiler();
  if (!code) return compiling;
  return ((external: unknown, options: { customOptions: Record<string, unknown> }) => {
    const shared = JSON.stringify([external, options.customOptions]);
    const key = (route: ValidatorRoute) =>
      keyOf(shared, route.httpPart, route.method, route.url, route.schema);
    if (code.mode === "write") {
      const storing = StandaloneValidator({
        readMode: false,
        storeFunction: (route, source) =>
          code.store("validator", key(route as ValidatorRoute), source),
      });
      // (StandaloneValidator adds its `code` option to the options it is given: a copy.)
      return storing(external as never, { customOptions: { ...options.customOptions } } as never);
    }
    let compile: ReturnType<ValidatorFactory> | undefined;
    return (route: ValidatorRoute) => {
      const restore = code.schemas.validators[key(route)];
      if (restore) return restore();
      code.compiledAtStart.push(`${route.method} ${route.url} ${route.httpPart}`);
      compile ??= compiling(external as never, options as never);
      return compile(route as never);
    };
  }) as unknown as ValidatorFactory;
}

interface SerializerRoute {
  schema?: unknown;
  method: string;
  url: string;
  httpStatus: string;
  contentType?: string;
}
type SerializerFactory = ReturnType<typeof SerializerSelector>;

/** A serializer factory (Fastify's schemaController.compilersFactory.buildSerializer) likewise. */
export function serializerFactory(code: SchemaCode | undefined): SerializerFactory | undefined {
  if (!code) return undefined;
  const compiling = SerializerSelector();
  return ((external: unknown, options: Record<string, unknown> = {}) => {
    const shared = JSON.stringify([external, options]);
    const key = (route: SerializerRoute) =>
      keyOf(
        shared,
        route.httpStatus,
        route.contentType ?? "",
        route.method,
        route.url,
        route.schema,
      );
    if (code.mode === "write") {
      const storing = StandaloneSerializer({
        readMode: false,
        storeFunction: (route, source) =>
          code.store("serializer", key(route as SerializerRoute), source),
      });
      // Validators of anyOf/oneOf inlined as code too, rather than compiled again at start.
      return storing(external, { ...options, inlineValidators: true } as never);
    }
    let compile: ReturnType<SerializerFactory> | undefined;
    return (route: SerializerRoute) => {
      const restore = code.schemas.serializers[key(route)];
      if (restore) {
        // Its code runs at the route's first answer: most of the stored code is serializers'.
        let serialize: ((doc: unknown) => string) | undefined;
        return (doc: unknown) => {
          serialize ??= restore() as (doc: unknown) => string;
          return serialize(doc);
        };
      }
      code.compiledAtStart.push(`${route.method} ${route.url} response ${route.httpStatus}`);
      compile ??= compiling(external, options);
      return compile(route as never);
    };
  }) as unknown as SerializerFactory;
}

/**
 * The precompiled schemas beside the built server (dist/compiled-schemas.js), or undefined from
 * the sources or a build without them.
 */
export async function loadPrecompiledSchemas(bundle: string): Promise<SchemaCode | undefined> {
  if (!bundle.endsWith(".js")) return undefined;
  const file = new URL("./compiled-schemas.js", bundle);
  if (!existsSync(file)) return undefined;
  const schemas = (await import(file.href)) as PrecompiledSchemas;
  return { mode: "read", schemas, compiledAtStart: [] };
}
