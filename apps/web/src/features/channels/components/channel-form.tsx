import { CHANNEL_KINDS, NOTIFICATION_KINDS } from "@jindu/domain";
import { Form, Input, InputNumber, Modal, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { useRegions } from "@/features/catalogue/api/get-regions";
import { useLanguage } from "@/hooks/use-language";
import { errorText } from "@/lib/error-text";
import { nameOf } from "@/utils/format";
import { type ChannelView, useSaveChannel } from "../api/channels";
import "@/features/channels/locales";
import "@/features/notifications/locales";
import { useMessage } from "@/lib/feedback";

interface Values {
  kind: ChannelView["kind"];
  name: string;
  provinceCode: string | null;
  kinds: string[];
  enabled: boolean;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from?: string;
  url?: string;
  secret?: string;
}

const CONFIG_KEYS = [
  "host",
  "port",
  "secure",
  "user",
  "password",
  "from",
  "url",
  "secret",
] as const;

/**
 * Adds or edits a channel. What a channel needs depends on its kind; passwords, secrets and the
 * robot's address are write-only: left empty on an edit, they stay as they were.
 */
export function ChannelForm({
  channel,
  onClose,
}: {
  /** The channel to edit; null to add one. */
  channel: ChannelView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? channel?.kind ?? "smtp";
  const save = useSaveChannel();
  const provinces = useRegions().data?.regions ?? [];
  const editing = channel !== null;

  const onFinish = (values: Values) => {
    const config: Record<string, unknown> = {};
    for (const key of CONFIG_KEYS) {
      const value = values[key];
      if (value !== undefined && value !== "" && value !== null) config[key] = value;
    }
    const common = {
      name: values.name,
      provinceCode: values.provinceCode ?? null,
      kinds: values.kinds as never,
      enabled: values.enabled,
    };
    const body = editing ? { ...common, config } : { ...common, kind: values.kind, config };
    save.mutate(
      { id: channel?.id ?? null, body: body as never },
      {
        onSuccess: () => {
          message.success(t("channels.saved"));
          onClose();
        },
        onError: (error) =>
          message.error(t("channels.failed", { message: errorText(error, t, "save") })),
      },
    );
  };

  const secretPlaceholder = editing && channel.secretSet ? t("channels.keepSecret") : undefined;
  return (
    <Modal
      open
      title={editing ? t("channels.edit") : t("channels.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        data-testid="channel-form"
        initialValues={{
          kind: channel?.kind ?? "smtp",
          name: channel?.name ?? "",
          provinceCode: channel?.provinceCode ?? null,
          kinds: channel?.kinds ?? [],
          enabled: channel?.enabled ?? true,
          host: channel?.config.host,
          port: channel?.config.port,
          secure: channel?.config.secure ?? false,
          user: channel?.config.user,
          from: channel?.config.from,
        }}
      >
        <Form.Item name="kind" label={t("channels.kind")} rules={[{ required: true }]}>
          <Select
            disabled={editing}
            data-testid="channel-kind"
            options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`channels.kindNames.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t("channels.name")} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="channel-name" />
        </Form.Item>
        {kind === "smtp" ? (
          <>
            <Form.Item
              name="host"
              label={t("channels.host")}
              rules={[{ required: true, max: 253 }]}
            >
              <Input placeholder="smtp.example.gov.cn" data-testid="channel-host" />
            </Form.Item>
            <Form.Item name="port" label={t("channels.port")}>
              <InputNumber min={1} max={65535} precision={0} placeholder="25 / 465" />
            </Form.Item>
            <Form.Item name="secure" label={t("channels.secure")} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="user" label={t("channels.user")} rules={[{ max: 254 }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={t("channels.password")} rules={[{ max: 200 }]}>
              <Input.Password autoComplete="new-password" placeholder={secretPlaceholder} />
            </Form.Item>
            <Form.Item
              name="from"
              label={t("channels.from")}
              rules={[{ required: true, max: 254 }]}
            >
              <Input placeholder="进度系统 <jindu@example.gov.cn>" data-testid="channel-from" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="url"
              label={t("channels.url")}
              extra={
                editing
                  ? `${channel.config.url ?? ""} · ${t("channels.urlHelp")}`
                  : t("channels.urlHelp")
              }
              rules={[{ required: !editing, type: "url", max: 500 }]}
            >
              <Input
                placeholder={
                  kind === "wecom"
                    ? "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
                    : kind === "dingtalk"
                      ? "https://oapi.dingtalk.com/robot/send?access_token=…"
                      : "https://sms-gateway.example.gov.cn/jindu"
                }
                data-testid="channel-url"
              />
            </Form.Item>
            {kind !== "wecom" ? (
              <Form.Item
                name="secret"
                label={t("channels.secret")}
                extra={
                  kind === "dingtalk" ? t("channels.dingSecretHelp") : t("channels.hookSecretHelp")
                }
                rules={[{ max: 200 }]}
              >
                <Input.Password autoComplete="new-password" placeholder={secretPlaceholder} />
              </Form.Item>
            ) : null}
            <Form.Item
              name="provinceCode"
              label={t("channels.province")}
              extra={t("channels.scopeHelp")}
            >
              <Select
                allowClear
                placeholder={t("channels.allProvinces")}
                options={provinces.map((p) => ({ value: p.code, label: nameOf(p, language) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="kinds" label={t("channels.kinds")}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t("channels.allKinds")}
            options={NOTIFICATION_KINDS.map((k) => ({
              value: k,
              label: t(`notifications.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t("channels.enabled")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
