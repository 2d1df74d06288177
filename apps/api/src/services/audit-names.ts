import { auditObjects, type Database } from "@jindu/db";
import { auditEntityWords, type Words } from "@jindu/domain";

interface Named {
  entity: string | null;
  entityId: string | null;
}

const idNumber = (text: string | null) => (text && /^\d{1,9}$/.test(text) ? Number(text) : null);
const userIdOf = (e: Named) =>
  e.entity === "user" ? idNumber(e.entityId) : idNumber(e.entityId?.replace(/^user:/, "") ?? null);

/**
 * Names the objects an audit page's entries speak of, in both languages: an account by its
 * name, a target by indicator, region and year, a record by its region, a channel by its name;
 * any region code or indicator code inside an id (a month's "330300/2020/10") by its name.
 * Null where there is nothing to name (a file, a filter).
 */
export async function auditObjectNames(
  db: Database,
  entries: readonly Named[],
): Promise<(Words | null)[]> {
  const ids = (entity: string) =>
    entries
      .flatMap((e) => (e.entity === entity ? [idNumber(e.entityId)] : []))
      .filter((id): id is number => id !== null);
  const rows = await auditObjects(db, {
    users: entries.map(userIdOf).filter((id): id is number => id !== null),
    targets: ids("target"),
    supervision: ids("supervision"),
    channels: ids("notification_channel"),
  });
  const region = new Map(rows.regions.map((r) => [r.code, r]));
  const indicator = new Map(rows.indicators.map((i) => [i.code, i]));
  const user = new Map(rows.users.map((u) => [u.id, u]));
  const target = new Map(rows.targets.map((t) => [t.id, t]));
  const record = new Map(rows.supervision.map((s) => [s.id, s]));
  const channel = new Map(rows.channels.map((c) => [c.id, c]));
  /** Region and indicator codes in an id, each replaced by its name. */
  const spelled = (text: string): Words | null => {
    let known = false;
    const say = (lang: "zh" | "en") =>
      text
        .split("/")
        .map((part) => {
          const named = region.get(part) ?? indicator.get(part);
          if (named) known = true;
          if (!named) return part;
          return lang === "zh" ? named.nameZh : named.nameEn;
        })
        .join(" · ");
    const words = { zh: say("zh"), en: say("en") };
    return known ? words : null;
  };
  return entries.map((e) => {
    const id = idNumber(e.entityId);
    const uid = userIdOf(e);
    if (uid !== null && (e.entity === "user" || e.entityId?.startsWith("user:"))) {
      const u = user.get(uid);
      return u
        ? { zh: `${u.displayName}（${u.username}）`, en: `${u.displayName} (${u.username})` }
        : null;
    }
    if (e.entity === "target" && id !== null) {
      const t = target.get(id);
      const r = t && region.get(t.regionCode);
      const i = t && indicator.get(t.indicatorCode);
      if (t && r && i) {
        return {
          zh: `${r.nameZh} · ${i.nameZh} · ${t.year}年`,
          en: `${r.nameEn} · ${i.nameEn} · ${t.year}`,
        };
      }
    }
    if (e.entity === "supervision" && id !== null) {
      const s = record.get(id);
      const r = s && region.get(s.regionCode);
      if (s && r) {
        const kind = auditEntityWords("supervision");
        return { zh: `${r.nameZh} · ${kind?.zh} #${id}`, en: `${r.nameEn} · ${kind?.en} #${id}` };
      }
    }
    if (e.entity === "notification_channel" && id !== null) {
      const c = channel.get(id);
      return c ? { zh: c.name, en: c.name } : null;
    }
    return e.entityId ? spelled(e.entityId) : null;
  });
}
