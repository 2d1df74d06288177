import { Typography } from "antd";
import type { ReactNode } from "react";

export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? <div className="page-title-extra">{extra}</div> : null}
    </div>
  );
}
