export * from "./backup.js";
export * from "./client.js";
export * from "./migrations.js";
export { GENERIC_PLANS } from "./prepared.js";
export * from "./queries/index.js";
export * from "./roles.js";
export type {
  BaseMap,
  Chase,
  Delivery,
  DeliveryAttachment,
  DeliveryStatus,
  Indicator,
  Notification,
  NotificationChannel,
  ProvinceProfile,
  Region,
  Report,
  Submission,
  Target,
  User,
} from "./schema.js";
export * as schema from "./schema.js";
export { seedDatabase } from "./seed/index.js";
export * from "./unavailable.js";
