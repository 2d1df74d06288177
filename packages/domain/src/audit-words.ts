/**
 * The audit log in words, for an auditor rather than a developer: each action the API records
 * ("POST /api/users", "login") as 创建用户 / "Create user", each kind of entity as a noun, and
 * the reasons the API gives for refusals in both languages. One table, so that the screen, its
 * .xlsx and any report say the same.
 */
export interface Words {
  zh: string;
  en: string;
}

const w = (zh: string, en: string): Words => ({ zh, en });

export const AUDIT_ACTIONS: Readonly<Record<string, Words>> = {
  login: w("登录", "Sign in"),
  logout: w("退出登录", "Sign out"),
  "POST /api/auth/login": w("登录", "Sign in"),
  "POST /api/auth/logout": w("退出登录", "Sign out"),
  "POST /api/auth/password": w("修改密码", "Change password"),
  "POST /api/auth/totp/setup": w("开始绑定验证器", "Start authenticator enrolment"),
  "POST /api/auth/totp/verify": w("绑定验证器", "Enrol authenticator"),
  "GET /api/audit": w("查看审计日志", "Read the audit log"),
  "GET /api/audit/export": w("导出审计日志", "Export the audit log"),
  "GET /api/users": w("查看用户列表", "Read the user list"),
  "GET /api/export/month": w("导出月度数据", "Export a month's figures"),
  "POST /api/users": w("创建用户", "Create user"),
  "PATCH /api/users/:id": w("修改用户", "Change user"),
  "POST /api/users/:id/unlock": w("解锁用户", "Unlock user"),
  "POST /api/users/:id/reset-password": w("重置密码", "Reset password"),
  "POST /api/users/:id/reset-second-factor": w("重置验证器", "Reset authenticator"),
  "POST /api/users/import": w("批量导入用户", "Import users"),
  "POST /api/indicators": w("新增指标", "Add indicator"),
  "PATCH /api/indicators/:code": w("修改指标", "Change indicator"),
  "DELETE /api/indicators/:code": w("删除指标", "Delete indicator"),
  "PUT /api/indicators/:code/profile": w("修改全国季节分布", "Change national seasonal profile"),
  "PUT /api/indicators/:code/profiles/:province": w(
    "修改本省季节分布",
    "Change province's seasonal profile",
  ),
  "DELETE /api/indicators/:code/profiles/:province": w(
    "删除本省季节分布",
    "Remove province's seasonal profile",
  ),
  "POST /api/targets": w("新增目标任务", "Add target"),
  "PATCH /api/targets/:id": w("修改目标任务", "Change target"),
  "PUT /api/targets/decomposition": w("分解目标任务", "Split target among regions"),
  "PUT /api/targets/plans": w("保存规划目标", "Save multi-year plan"),
  "POST /api/targets/import": w("导入目标任务", "Import targets"),
  "PUT /api/task-lists/:code/:year": w("保存年度任务清单", "Save year's task list"),
  "POST /api/task-lists/:code/:year/copy": w("复制上年任务清单", "Copy last year's task list"),
  "PUT /api/reports/:indicator/:region/:year/:month": w("填报数据", "Enter figure"),
  "PUT /api/submissions/:region/:year/:month": w("保存月度报表", "Save month"),
  "POST /api/submissions/:region/:year/:month/submit": w("报送月度报表", "Submit month"),
  "POST /api/submissions/:region/:year/:month/approve": w("审核通过", "Approve month"),
  "POST /api/submissions/:region/:year/:month/return": w("退回修改", "Return month"),
  "POST /api/submissions/:region/:year/:month/reopen": w("重新打开", "Reopen month"),
  "POST /api/import": w("批量导入数据", "Import figures"),
  "POST /api/import/annotated": w("检查导入文件", "Check import file"),
  "POST /api/completeness/:parent/:year/:month/chase": w("催报", "Send reminder to report"),
  "POST /api/supervision": w("新建督办", "Open supervision"),
  "POST /api/supervision/:id/answer": w("反馈整改措施", "Answer supervision"),
  "PUT /api/supervision/:id/minutes": w("记录约谈纪要", "Record interview minutes"),
  "POST /api/supervision/:id/close": w("督办销号", "Close supervision"),
  "PUT /api/settings/provinces/:code": w("修改四眼审核设置", "Change four-eyes setting"),
  "PUT /api/settings/provinces/:code/reporting": w("修改报送规则", "Change reporting rules"),
  "PUT /api/settings/provinces/:code/supervision": w("修改督办阶梯", "Change supervision ladder"),
  "POST /api/channels": w("新增通知渠道", "Add notification channel"),
  "PATCH /api/channels/:id": w("修改通知渠道", "Change notification channel"),
  "DELETE /api/channels/:id": w("删除通知渠道", "Delete notification channel"),
  "POST /api/channels/:id/test": w("测试通知渠道", "Test notification channel"),
  "PUT /api/notifications/preferences": w("修改通知设置", "Change notification settings"),
  "POST /api/notifications/:id/read": w("标记通知已读", "Mark notification read"),
  "POST /api/notifications/read-all": w("全部通知标为已读", "Mark all notifications read"),
  "PUT /api/base-maps/:province": w("上传底图", "Upload base map"),
  "DELETE /api/base-maps/:province": w("删除底图", "Remove base map"),
};

export const AUDIT_ENTITIES: Readonly<Record<string, Words>> = {
  session: w("会话", "Session"),
  user: w("用户", "User"),
  "user-import": w("用户导入文件", "Accounts file"),
  indicator: w("指标", "Indicator"),
  "seasonal-profile": w("季节分布", "Seasonal profile"),
  "province-profile": w("本省季节分布", "Province's profile"),
  target: w("目标任务", "Target"),
  "target-decomposition": w("目标分解", "Target split"),
  "target-plan": w("规划目标", "Multi-year plan"),
  "target-import": w("目标导入文件", "Targets file"),
  task_list: w("任务清单", "Task list"),
  report: w("填报数据", "Figure"),
  submission: w("月度报表", "Month"),
  import: w("导入文件", "Import file"),
  "import-check": w("导入检查", "Import check"),
  chase: w("催报", "Reminder"),
  supervision: w("督办", "Supervision"),
  province_setting: w("省份设置", "Province setting"),
  province_reporting: w("报送规则", "Reporting rules"),
  province_supervision_ladder: w("督办阶梯", "Supervision ladder"),
  notification: w("通知", "Notification"),
  notification_channel: w("通知渠道", "Notification channel"),
  notification_preferences: w("通知设置", "Notification settings"),
  base_map: w("底图", "Base map"),
  audit_log: w("审计日志", "Audit log"),
};

/** Reasons the API records for refusals, as the auditor reads them. */
const REASONS: Readonly<Record<string, Words>> = {
  "unknown user": w("用户不存在", "unknown user"),
  "account disabled": w("账号已停用", "account disabled"),
  "wrong password": w("密码错误", "wrong password"),
  "account locked": w("账号已锁定", "account locked"),
  "second factor missing": w("未输入验证码", "second factor missing"),
  "second factor reused": w("验证码已使用过", "second factor reused"),
  "wrong second factor": w("验证码错误", "wrong second factor"),
};

const ROLE_NAMES: Readonly<Record<string, string>> = {
  admin: "系统管理员",
  province: "省厅账号",
  reporter: "填报单位",
  leader: "领导",
  auditor: "安全审计员",
  security: "安全保密管理员",
};

/** "POST /api/users/" and "POST /api/users" are the same route. */
const routeKey = (action: string) => (action.length > 1 ? action.replace(/\/$/, "") : action);

/** The action in words, or null for one this table does not know (shown as recorded). */
export function auditActionWords(action: string): Words | null {
  return AUDIT_ACTIONS[routeKey(action)] ?? null;
}

export function auditEntityWords(entity: string | null): Words | null {
  return entity ? (AUDIT_ENTITIES[entity] ?? null) : null;
}

/**
 * A refusal's reason in the reader's language: the known ones translated, "a province account
 * may not do this" and the like kept (the API's messages are English), HTTP codes named.
 */
export function auditReasonWords(reason: string | null): Words | null {
  if (!reason) return null;
  const known = REASONS[reason];
  if (known) return known;
  const role = /^an? (\w+) account may not do this$/.exec(reason);
  if (role?.[1]) return w(`${ROLE_NAMES[role[1]] ?? role[1]}无此权限`, reason);
  const region = /^region (\d{6}) is outside your scope$/.exec(reason);
  if (region) return w(`地区 ${region[1]} 超出本账号的管辖范围`, reason);
  if (reason.endsWith("(separation of duties)"))
    return w("三员分立：该类账号不由本角色管理", reason);
  const http = /^HTTP (\d{3})$/.exec(reason);
  if (http) return w(`请求失败（HTTP ${http[1]}）`, reason);
  return w(reason, reason);
}
