import { Button, Empty, Input, Popconfirm, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import {
  type ChannelView,
  useDeleteChannel,
  useSaveChannel,
  useTestChannel,
} from "../api/channels";
import "@/features/channels/locales";
import "@/features/notifications/locales";
import { useMessage } from "@/lib/feedback";

/** Sends a test now; for e-mail, to an address typed beside the button. */
function TestButton({ channel }: { channel: ChannelView }) {
  const { t } = useTranslation();
  const message = useMessage();
  const test = useTestChannel();
  const [recipient, setRecipient] = useState("");
  const run = () =>
    test.mutate(
      { id: channel.id, ...(recipient ? { recipient } : {}) },
      {
        onSuccess: (r) =>
          r.ok
            ? message.success(t("channels.testOk"))
            : message.error(t("channels.testFailed", { error: r.error ?? r.status })),
        onError: (error) =>
          message.error(t("channels.testFailed", { error: errorText(error, t, "save") })),
      },
    );
  return (
    <Space.Compact>
      {channel.kind === "smtp" ? (
        <Input
          size="small"
          style={{ width: 180 }}
          placeholder={t("channels.testTo")}
          aria-label={t("channels.testTo")}
          value={recipient}
          onChange={(e) => setRecipient(e.target.value)}
        />
      ) : null}
      <Button
        size="small"
        onClick={run}
        loading={test.isPending}
        data-testid={`test-${channel.id}`}
      >
        {t("channels.test")}
      </Button>
    </Space.Compact>
  );
}

export function ChannelsTable({
  channels,
  onEdit,
}: {
  channels: ChannelView[];
  onEdit: (channel: ChannelView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const provinces = useRegions().data?.regions ?? [];
  const save = useSaveChannel();
  const remove = useDeleteChannel();
  const provinceName = (code: string | null) => {
    if (code === null) return t("channels.allProvinces");
    const p = provinces.find((x) => x.code === code);
    return p ? nameOf(p, language) : code;
  };
  return (
    <Table
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={channels}
      data-testid="channels"
      locale={{ emptyText: <Empty description={t("channels.empty")} /> }}
      scroll={{ x: 900 }}
      columns={[
        { title: t("channels.name"), dataIndex: "name" },
        {
          title: t("channels.kind"),
          dataIndex: "kind",
          render: (kind: string) => <Tag>{t(`channels.kindNames.${kind}`)}</Tag>,
        },
        {
          title: t("channels.province"),
          dataIndex: "provinceCode",
          render: (code: string | null, c) => (c.kind === "smtp" ? "—" : provinceName(code)),
        },
        {
          title: t("channels.kinds"),
          dataIndex: "kinds",
          render: (kinds: string[]) =>
            kinds.length === 0
              ? t("channels.allKinds")
              : kinds.map((k) => t(`notifications.kinds.${k}`)).join("、"),
        },
        {
          title: t("channels.enabled"),
          dataIndex: "enabled",
          width: 80,
          render: (enabled: boolean, c) => (
            <Switch
              size="small"
              checked={enabled}
              aria-label={`${c.name} · ${t("channels.enabled")}`}
              onChange={(on) => save.mutate({ id: c.id, body: { enabled: on } })}
            />
          ),
        },
        {
          title: t("channels.actions"),
          key: "actions",
          render: (_: unknown, c) => (
            <Space wrap>
              <TestButton channel={c} />
              <Button size="small" onClick={() => onEdit(c)}>
                {t("channels.edit")}
              </Button>
              <Popconfirm
                title={t("channels.removeConfirm", { name: c.name })}
                onConfirm={() => remove.mutate(c.id)}
              >
                <Button size="small" danger>
                  {t("channels.remove")}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
