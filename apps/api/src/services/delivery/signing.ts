import { createHmac } from "node:crypto";

/**
 * 钉钉's signed request (加签): HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, base64,
 * sent as the `timestamp` and `sign` query parameters (open.dingtalk.com, 自定义机器人安全设置).
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/** The robot's URL with its signature; without a secret, the URL as configured. */
export function dingtalkSignedUrl(url: string, secret: string | undefined, timestampMs: number) {
  if (!secret) return url;
  const signed = new URL(url);
  signed.searchParams.set("timestamp", String(timestampMs));
  signed.searchParams.set("sign", dingtalkSign(secret, timestampMs));
  return signed.toString();
}

/**
 * The generic webhook's signature: `sha256=` and the hex HMAC-SHA256 of "timestamp.body" keyed by
 * the channel's secret, so a receiver can check both who sent it and that it is fresh.
 */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex")}`;
}
