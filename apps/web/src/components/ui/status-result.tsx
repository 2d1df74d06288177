import { CloseCircleFilled, ExclamationCircleFilled, WarningFilled } from "@ant-design/icons";
import type { ReactNode } from "react";

const ICONS = {
  error: <CloseCircleFilled />,
  warning: <WarningFilled />,
  info: <ExclamationCircleFilled />,
};

/**
 * antd's Result as the shell needs it (error, warning, info), without its 403/404/500
 * illustrations, which would make a third of the first download (~10 KB gzip) for screens that
 * are rarely shown. Looks the same (styles.css, .status-result).
 */
export function StatusResult({
  status,
  title,
  subTitle,
  extra,
  "data-testid": testId,
}: {
  status: keyof typeof ICONS;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <div className={`status-result status-result-${status}`} data-testid={testId}>
      <div className="status-result-icon" aria-hidden>
        {ICONS[status]}
      </div>
      <div className="status-result-title">{title}</div>
      {subTitle ? <div className="status-result-subtitle">{subTitle}</div> : null}
      {extra ? <div className="status-result-extra">{extra}</div> : null}
    </div>
  );
}
