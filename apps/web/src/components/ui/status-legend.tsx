import { Space } from "antd";
import { STATUS_ORDER } from "@/config/status";
import { StatusTag } from "./status-tag";

export function StatusLegend() {
  return (
    <Space size={[6, 6]} wrap>
      {STATUS_ORDER.map((status) => (
        <StatusTag key={status} status={status} />
      ))}
    </Space>
  );
}
