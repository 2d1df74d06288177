import { type Database, insertUser } from "@jindu/db";
import { type Role, requiresSecondFactor } from "@jindu/domain";
import { hashPassword } from "./auth.js";

/** Demo accounts share one password and, where a second factor is required, one TOTP secret. */
export const DEMO_PASSWORD = "Jindu@2026";
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
}[] = [
  { username: "admin", displayName: "系统管理员 Administrator", role: "admin", regionCode: null },
  {
    username: "zhejiang",
    displayName: "浙江省住建厅 Zhejiang official",
    role: "province",
    regionCode: "330000",
  },
  {
    username: "guangdong",
    displayName: "广东省住建厅 Guangdong official",
    role: "province",
    regionCode: "440000",
  },
  {
    username: "wenzhou",
    displayName: "温州市住建局 Wenzhou bureau",
    role: "reporter",
    regionCode: "330300",
  },
  {
    username: "hangzhou",
    displayName: "杭州市住建局 Hangzhou bureau",
    role: "reporter",
    regionCode: "330100",
  },
  {
    username: "leader",
    displayName: "浙江省厅领导 Zhejiang leadership",
    role: "leader",
    regionCode: "330000",
  },
  {
    username: "national",
    displayName: "全国视图 National view (leadership)",
    role: "leader",
    regionCode: null,
  },
  { username: "auditor", displayName: "安全审计员 Auditor", role: "auditor", regionCode: null },
  {
    username: "security",
    displayName: "安全保密管理员 Security officer",
    role: "security",
    regionCode: null,
  },
];

/** Creates the demo accounts that do not exist yet; never touches existing ones. */
export async function seedDemoUsers(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    const secondFactor = requiresSecondFactor(user.role);
    await insertUser(db, {
      ...user,
      passwordHash,
      mustChangePassword: false,
      totpSecret: secondFactor ? DEMO_TOTP_SECRET : null,
      totpEnabled: secondFactor,
    });
  }
}
