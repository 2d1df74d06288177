import { managesRole, type Role, withinScope } from "./security.js";

/*
 * What an account may look like: the rules every way of creating or changing one checks (the
 * accounts form, the API's single create and edit, the bulk import), so that they cannot differ.
 */

export const USERNAME_MIN = 2;
export const USERNAME_MAX = 64;
export const USERNAME_PATTERN = "^[A-Za-z0-9._@-]+$";
export const DISPLAY_NAME_MAX = 64;
/** Digits with the usual separators: a mobile (13812345678), a landline (0571-87654321), +86. */
export const PHONE_MAX = 32;
export const PHONE_PATTERN = "^\\+?[0-9][0-9 ()-]{4,31}$";
export const EMAIL_MAX = 254;
export const EMAIL_PATTERN = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";

/**
 * Which roles answer for a region: a bureau always (its city or county), officials and leaders
 * unless nationwide, the three privileged roles never.
 */
export const ROLE_REGION: Record<Role, "required" | "optional" | "none"> = {
  reporter: "required",
  province: "optional",
  leader: "optional",
  admin: "none",
  auditor: "none",
  security: "none",
};

export type AccountScopeRule =
  | "role_not_yours"
  | "region_required"
  | "region_not_allowed"
  | "region_unknown"
  | "region_outside_scope";

export interface AccountScopeProblem {
  field: "role" | "regionCode";
  rule: AccountScopeRule;
  message: string;
}

/**
 * Whether an account of `actor` may give `account` its role and region: the role within the
 * actor's duties (三员分立), a region where the role needs one and none where it has none, a
 * region that exists (`regionChain`: the region and its ancestors, empty when it does not exist)
 * and within the actor's own scope (an actor with a region gives no region outside it, and no
 * nationwide account). Null when all is well.
 */
export function accountScopeProblem(
  actor: { role: Role; regionCode: string | null },
  account: { role: Role; regionCode: string | null },
  regionChain: readonly string[],
): AccountScopeProblem | null {
  const { role, regionCode } = account;
  if (!managesRole(actor.role, role)) {
    return {
      field: "role",
      rule: "role_not_yours",
      message: `a ${actor.role} may not give the role ${role}`,
    };
  }
  const needs = ROLE_REGION[role];
  if (regionCode === null) {
    if (needs === "required") {
      return {
        field: "regionCode",
        rule: "region_required",
        message: `a ${role} account needs its region`,
      };
    }
    if (needs === "optional" && actor.regionCode !== null) {
      return {
        field: "regionCode",
        rule: "region_outside_scope",
        message: `a nationwide account is outside your scope ${actor.regionCode}`,
      };
    }
    return null;
  }
  if (needs === "none") {
    return {
      field: "regionCode",
      rule: "region_not_allowed",
      message: `a ${role} account has no region`,
    };
  }
  if (regionChain.length === 0) {
    return {
      field: "regionCode",
      rule: "region_unknown",
      message: `region ${regionCode} does not exist`,
    };
  }
  if (!withinScope(actor.regionCode, regionChain)) {
    return {
      field: "regionCode",
      rule: "region_outside_scope",
      message: `region ${regionCode} is outside your scope ${actor.regionCode}`,
    };
  }
  return null;
}
