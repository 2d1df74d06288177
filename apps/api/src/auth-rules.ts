import type { Role } from "@jindu/domain";
import type { FastifyRequest } from "fastify";
import { ApiError } from "./errors.js";
import type { AuthRule } from "./plugins/app/auth.js";

/** Every role; for the catalogue everyone signed in may read. */
export const EVERYONE: readonly Role[] = [
  "admin",
  "province",
  "reporter",
  "leader",
  "auditor",
  "security",
];
/** Those who read figures: officials, bureaus, leadership. */
export const READERS: readonly Role[] = ["province", "reporter", "leader"];
/** Those who enter figures: bureaus, and the province for its regions. */
export const ENTRY: readonly Role[] = ["province", "reporter"];
export const PROVINCE: readonly Role[] = ["province"];

type Source = "params" | "query" | "body";

/** The region a request names in one of its parts. */
export function regionIn(
  source: Source,
  key: string,
): (request: FastifyRequest) => string | undefined {
  return (request: FastifyRequest) => {
    const part = request[source] as Record<string, unknown> | undefined;
    const value = part?.[key];
    return typeof value === "string" ? value : undefined;
  };
}

/** Who may call a route, and over which region named where. */
export function rule(
  roles: readonly Role[],
  region?: { in: Source; key: string; reach?: "own" | "province" },
): AuthRule {
  return region
    ? { roles, region: { of: regionIn(region.in, region.key), reach: region.reach ?? "own" } }
    : { roles };
}

/**
 * The caller's own region (null: the whole country), for answers that depend on who asks:
 * figures awaiting approval are shown only within it (issue 12, F10).
 */
export function viewerScope(request: FastifyRequest): string | null {
  if (!request.user) throw new ApiError(401, "sign in first");
  return request.user.regionCode;
}
