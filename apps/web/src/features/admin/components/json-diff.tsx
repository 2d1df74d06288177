import { useTranslation } from "react-i18next";
import "@/features/admin/locales";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const show = (value: unknown) =>
  value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 1);

/**
 * An audit entry's old and new values side by side. Objects are compared field by field, with
 * the changed fields highlighted; anything else is shown whole.
 */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const none = <span className="admin-muted">{t("admin.audit.none")}</span>;
  if ((isRecord(before) || before == null) && (isRecord(after) || after == null)) {
    const old = before ?? {};
    const now = after ?? {};
    const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])];
    return (
      <table className="admin-diff" data-testid="audit-diff">
        <thead>
          <tr>
            <th />
            <th>{t("admin.audit.oldValue")}</th>
            <th>{t("admin.audit.newValue")}</th>
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 ? (
            <tr>
              <td />
              <td>{none}</td>
              <td>{none}</td>
            </tr>
          ) : null}
          {keys.map((key, index) => {
            const a = show(old[key]);
            const b = show(now[key]);
            const changed = before != null && after != null && a !== b;
            // A side with no value at all (a creation's before) says so once, across all rows.
            const gap = (
              <td rowSpan={keys.length} className="admin-diff-gap">
                {none}
              </td>
            );
            return (
              <tr key={key} className={changed ? "admin-diff-changed" : undefined}>
                <th scope="row">{key}</th>
                {before == null ? (
                  index === 0 ? (
                    gap
                  ) : null
                ) : (
                  <td data-testid="audit-old">
                    <pre>{a}</pre>
                  </td>
                )}
                {after == null ? (
                  index === 0 ? (
                    gap
                  ) : null
                ) : (
                  <td data-testid="audit-new">
                    <pre>{b}</pre>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }
  return (
    <div className="admin-diff-whole" data-testid="audit-diff">
      <div>
        <strong>{t("admin.audit.oldValue")}</strong>
        {before == null ? none : <pre data-testid="audit-old">{show(before)}</pre>}
      </div>
      <div>
        <strong>{t("admin.audit.newValue")}</strong>
        {after == null ? none : <pre data-testid="audit-new">{show(after)}</pre>}
      </div>
    </div>
  );
}
