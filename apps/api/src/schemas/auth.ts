import {
  DISPLAY_NAME_MAX,
  EMAIL_MAX,
  EMAIL_PATTERN,
  PHONE_MAX,
  PHONE_PATTERN,
  USERNAME_MAX,
  USERNAME_MIN,
  USERNAME_PATTERN,
} from "@jindu/domain";
import { type Static, Type } from "typebox";
import { Id, RegionCode } from "./common.js";

export const RoleSchema = Type.Union([
  Type.Literal("admin"),
  Type.Literal("province"),
  Type.Literal("reporter"),
  Type.Literal("leader"),
  Type.Literal("auditor"),
  Type.Literal("security"),
]);

export const SessionUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionCode: Type.Union([Type.String(), Type.Null()]),
  mustChangePassword: Type.Boolean(),
  mustSetUpSecondFactor: Type.Boolean(),
});

export const SessionResponse = Type.Object({
  user: SessionUser,
  /** Send it back in the X-CSRF-Token header with every request that changes something. */
  csrfToken: Type.String(),
  /** The session ends after this many seconds without a request. */
  idleTimeoutSeconds: Type.Integer(),
  /** How long before that the dashboard warns and offers to stay signed in. */
  idleWarningSeconds: Type.Integer(),
  /** When the session ends unless another request comes first. */
  expiresAt: Type.String({ format: "date-time" }),
});
export type SessionResponse = Static<typeof SessionResponse>;

const Username = Type.String({
  minLength: USERNAME_MIN,
  maxLength: USERNAME_MAX,
  pattern: USERNAME_PATTERN,
});
const DisplayName = Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX });
/** How to reach the person; optional, null to clear. */
const Phone = Type.Union([
  Type.String({ maxLength: PHONE_MAX, pattern: PHONE_PATTERN }),
  Type.Null(),
]);
const Email = Type.Union([
  Type.String({ maxLength: EMAIL_MAX, pattern: EMAIL_PATTERN }),
  Type.Null(),
]);

export const LoginBody = Type.Object(
  {
    username: Username,
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ pattern: "^[0-9]{6}$", maxLength: 6 })),
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const TotpSetupResponse = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpVerifyBody = Type.Object(
  { code: Type.String({ pattern: "^[0-9]{6}$", maxLength: 6 }) },
  { additionalProperties: false },
);

export const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionCode: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  passwordChangedAt: Type.String({ format: "date-time" }),
  createdAt: Type.String({ format: "date-time" }),
});
export type UserView = Static<typeof UserView>;

export const UserListResponse = Type.Object({ users: Type.Array(UserView) });

export const UserCreate = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    role: RoleSchema,
    regionCode: Type.Union([RegionCode, Type.Null()]),
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    role: Type.Optional(RoleSchema),
    regionCode: Type.Optional(Type.Union([RegionCode, Type.Null()])),
    phone: Type.Optional(Phone),
    email: Type.Optional(Email),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserParams = Type.Object({ id: Id });
export const ResetPasswordBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const AuditQuery = Type.Object(
  {
    username: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 128 })),
    entity: Type.Optional(Type.String({ maxLength: 64 })),
    result: Type.Optional(
      Type.Union([Type.Literal("success"), Type.Literal("failure"), Type.Literal("denied")]),
    ),
    from: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
    to: Type.Optional(Type.String({ format: "date-time", maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
    /** Entries to skip, for paging: page n of size s is offset (n − 1) × s. */
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: "date-time" }),
  username: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  /** What the id names, for a reader: an account's name, a month's region and date. */
  entityName: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
  oldValue: Type.Unknown(),
  newValue: Type.Unknown(),
  result: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditResponse = Type.Object({
  entries: Type.Array(AuditEntry),
  /** How many entries the filter matches, across all pages. */
  total: Type.Integer(),
});
export type AuditResponse = Static<typeof AuditResponse>;

/** The values the log's filters can take, for the filter lists. */
export const AuditFacetsResponse = Type.Object({
  usernames: Type.Array(Type.String()),
  actions: Type.Array(Type.String()),
  entities: Type.Array(Type.String()),
});
export type AuditFacetsResponse = Static<typeof AuditFacetsResponse>;
