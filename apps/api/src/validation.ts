import type { FastifyInstance, FastifySchemaValidationError } from "fastify";
import { badRequest } from "./errors.js";
import { type SchemaCode, validatorFactory } from "./precompiled-schemas.js";

/**
 * How requests are checked against their route schemas (issue 12, F14 and F15).
 *
 * Fastify's one Ajv coerces everything: `null` became 0 and `true` 1 in JSON bodies, and "0x10"
 * became 16 in URLs. So bodies are not coerced at all (JSON carries its own types), and
 * querystrings and path parameters, which are text, become numbers only from plain decimals:
 * no hex, binary, exponents, spaces, "Infinity" or "" (Ajv's own coercion accepts all of those).
 */

/** A plain decimal as people type it: -12, 0, 3.5. */
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const isNumeric = (s: JsonSchema): boolean =>
  [s.type].flat().some((t) => t === "integer" || t === "number") ||
  Boolean(s.anyOf?.some(isNumeric) || s.oneOf?.some(isNumeric));

const ajvOptions = { removeAdditional: false, useDefaults: true, allErrors: false } as const;

/** `code`: validators compiled at build time (src/precompiled-schemas.ts), or to store them. */
export function useStrictValidation(app: FastifyInstance, code?: SchemaCode) {
  const factory = validatorFactory(code);
  const schemas = app.getSchemas() as Parameters<typeof factory>[0];
  const forBody = factory(schemas, { customOptions: { ...ajvOptions, coerceTypes: false } });
  const forText = factory(schemas, { customOptions: { ...ajvOptions, coerceTypes: true } });

  app.setValidatorCompiler((route) => {
    if (route.httpPart === "body") return forBody(route);
    const validate = forText(route);
    const numeric = Object.entries((route.schema as JsonSchema).properties ?? {})
      .filter(([, s]) => isNumeric(s))
      .map(([key]) => key);
    if (numeric.length === 0) return validate;
    const check = (data: Record<string, unknown> | null): boolean => {
      for (const key of numeric) {
        const raw = data?.[key];
        if (typeof raw === "string" && !DECIMAL.test(raw)) {
          check.errors = [
            {
              instancePath: `/${key}`,
              schemaPath: `#/properties/${key}`,
              keyword: "pattern",
              params: { pattern: DECIMAL.source },
              message: "must be a plain decimal number",
            },
          ];
          return false;
        }
      }
      const ok = validate(data) as boolean;
      check.errors = validate.errors as FastifySchemaValidationError[] | null | undefined;
      return ok;
    };
    check.errors = null as FastifySchemaValidationError[] | null | undefined;
    return check;
  });
}

/**
 * PostgreSQL cannot store a NUL character in text, and no field of ours has a use for one: any
 * in the path, the query or a JSON body is refused, naming the field. Registered after the
 * authentication plugin, so that strangers still learn nothing about the input.
 */
export function refuseNulCharacters(app: FastifyInstance) {
  // Synchronous (issue 16): no promise per request for a scan that never waits.
  app.addHook("preValidation", (request, _reply, done) => {
    const field = nulField(request.params) ?? nulField(request.query) ?? nulField(request.body);
    if (field !== undefined) {
      return done(
        badRequest(`${field || "body"} must not contain a NUL character`, field || "body"),
      );
    }
    done();
  });
}

/** The path of the first string holding a NUL character, or undefined. */
function nulField(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulField(v, path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return path ? `${path}.${k}` : k;
      const found = nulField(v, path ? `${path}.${k}` : k);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
