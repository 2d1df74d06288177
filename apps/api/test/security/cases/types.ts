import type { Role } from "@jindu/domain";

export const ALL: Role[] = ["admin", "province", "reporter", "leader", "auditor", "security"];
export const READERS: Role[] = ["province", "reporter", "leader"];
export const ENTRY: Role[] = ["province", "reporter"];
export const PROVINCE: Role[] = ["province"];

/** One account per role: Zhejiang's official, leader and Wenzhou's bureau; global admin and auditor. */
export const ACCOUNT: Record<Role, string> = {
  admin: "sysadmin",
  province: "zj_official",
  reporter: "wz_reporter",
  leader: "zj_leader",
  auditor: "inspector",
  security: "secofficer",
};

/** {in}: a region every scoped role reaches (Wenzhou); {out}: one none does (Guangzhou). */
export interface Case {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  route: string;
  url: string;
  roles: Role[] | "public";
  body?: object;
  upload?: boolean;
  /** The case names a region: out of scope it must be refused. */
  scoped?: boolean;
  /** The roles a scoped case holds to a region (default: all it allows; the admin has none). */
  scopedRoles?: Role[];
}
