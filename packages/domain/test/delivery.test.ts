import { describe, expect, it } from "vitest";
import {
  type DeliveryMessage,
  dingtalkPayload,
  emailText,
  webhookPayload,
  wecomPayload,
} from "../src/index.js";

const message: DeliveryMessage = {
  kind: "month_returned",
  titleZh: "温州市2023年2月月报被退回",
  titleEn: "Wenzhou 2023-02 was returned",
  body: "棚改数据与台账不符，请核对",
  link: "/entry?region=330300&year=2023&month=2",
};
const url = "https://jindu.example.gov.cn/entry?region=330300&year=2023&month=2";

describe("what each channel says", () => {
  it("企业微信: markdown with the title in bold, the reason and the link", () => {
    expect(wecomPayload(message, url)).toEqual({
      msgtype: "markdown",
      markdown: {
        content: `**温州市2023年2月月报被退回**\n棚改数据与台账不符，请核对\n[打开进度](${url})`,
      },
    });
  });

  it("钉钉: markdown with its title field", () => {
    expect(dingtalkPayload(message, url)).toEqual({
      msgtype: "markdown",
      markdown: {
        title: "温州市2023年2月月报被退回",
        text: `### 温州市2023年2月月报被退回\n\n棚改数据与台账不符，请核对\n\n[打开进度](${url})`,
      },
    });
  });

  it("webhook: the event as JSON in both languages", () => {
    expect(webhookPayload(message, url, "month_returned:330300:2023-2:v3")).toEqual({
      event: "month_returned:330300:2023-2:v3",
      kind: "month_returned",
      title: { zh: "温州市2023年2月月报被退回", en: "Wenzhou 2023-02 was returned" },
      body: "棚改数据与台账不符，请核对",
      url,
    });
  });

  it("e-mail: Chinese then English, without an empty line for a missing body", () => {
    const mail = emailText({ ...message, body: null }, url);
    expect(mail.subject).toBe("温州市2023年2月月报被退回 / Wenzhou 2023-02 was returned");
    expect(mail.text).toBe(
      `温州市2023年2月月报被退回\n\nWenzhou 2023-02 was returned\n\n打开 / Open: ${url}`,
    );
  });
});
