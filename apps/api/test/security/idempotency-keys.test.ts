import { describe, expect, it } from "vitest";
import { useTestApp } from "../helper.js";
import { multipartFile } from "../spreadsheet-helpers.js";

const t = useTestApp();
const figure = "/api/reports/shantytown_starts/330300/2023/4";

describe("F16: an Idempotency-Key belongs to its account, route and body", () => {
  it("F16: another account's same key is a key of its own, never a replay of the first account's answer", async () => {
    const key = { "idempotency-key": "f16-shared-key-0001" };
    const first = await t.api.inject({
      method: "PUT",
      url: figure,
      payload: { value: 11, version: 0 },
      headers: key,
    });
    expect(first.statusCode, first.body).toBe(200);

    const wenzhou = await t.as("wz_reporter");
    const other = await wenzhou.inject({
      method: "PUT",
      url: figure,
      payload: { value: 12, version: first.json().version },
      headers: key,
    });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.headers["idempotent-replay"]).toBeUndefined();
    expect(other.json().value).toBe(12);

    // Each account's retry replays its own answer.
    const retry = await wenzhou.inject({
      method: "PUT",
      url: figure,
      payload: { value: 12, version: first.json().version },
      headers: key,
    });
    expect(retry.headers["idempotent-replay"]).toBe("true");
    expect(retry.json()).toEqual(other.json());
    const firstRetry = await t.api.inject({
      method: "PUT",
      url: figure,
      payload: { value: 11, version: 0 },
      headers: key,
    });
    expect(firstRetry.headers["idempotent-replay"]).toBe("true");
    expect(firstRetry.json()).toEqual(first.json());
  });

  it("F16: the same key with a different body is refused with 409, and nothing changes", async () => {
    const key = { "idempotency-key": "f16-body-key-0002" };
    const url = "/api/reports/shantytown_starts/330300/2023/5";
    const first = await t.api.inject({
      method: "PUT",
      url,
      payload: { value: 21, version: 0 },
      headers: key,
    });
    expect(first.statusCode, first.body).toBe(200);
    const changed = await t.api.inject({
      method: "PUT",
      url,
      payload: { value: 22, version: 0 },
      headers: key,
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({
      field: "Idempotency-Key",
      rule: "idempotency_key_reused",
      message: expect.stringMatching(/different body/),
    });
    expect((await t.api.inject(url)).json().value).toBe(21);
  });

  it("F16: an import under the same key with another file is refused too", async () => {
    const key = { "idempotency-key": "f16-import-key-0003" };
    const url = "/api/import?parent=330300&year=2023&month=6&dryRun=true";
    const csv = (n: number) => Buffer.from(`region,name,shantytown_starts\n330300,温州市,${n}\n`);
    const send = (n: number) => {
      const { payload, headers } = multipartFile("wenzhou.csv", csv(n));
      return t.api.inject({ method: "POST", url, payload, headers: { ...headers, ...key } });
    };
    const first = await send(31);
    expect(first.statusCode, first.body).toBe(200);
    const again = await send(31);
    expect(again.headers["idempotent-replay"]).toBe("true");
    const other = await send(32);
    expect(other.statusCode).toBe(409);
    expect(other.json().rule).toBe("idempotency_key_reused");
  });

  it("F16: the same body with its fields in another order is the same request", async () => {
    const key = { "idempotency-key": "f16-order-key-0004" };
    const url = "/api/reports/shantytown_starts/330300/2023/7";
    const first = await t.api.inject({
      method: "PUT",
      url,
      payload: '{"value":41,"explanation":"f16","version":0}',
      headers: { ...key, "content-type": "application/json" },
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await t.api.inject({
      method: "PUT",
      url,
      payload: '{"version":0,"explanation":"f16","value":41}',
      headers: { ...key, "content-type": "application/json" },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers["idempotent-replay"]).toBe("true");
    expect(again.json()).toEqual(first.json());
  });

  it("F16: two requests at once under one key with different bodies: one changes, the other is refused", async () => {
    const key = { "idempotency-key": "f16-race-key-0005" };
    const url = "/api/reports/shantytown_starts/330300/2023/8";
    const [a, b] = await Promise.all(
      [51, 52].map((value) =>
        t.api.inject({ method: "PUT", url, payload: { value, version: 0 }, headers: key }),
      ),
    );
    const answers = [a, b].map((r) => r?.statusCode).sort();
    expect(answers, `${a?.body} ${b?.body}`).toEqual([200, 409]);
    const changed = [a, b].find((r) => r?.statusCode === 200);
    const refused = [a, b].find((r) => r?.statusCode === 409);
    // Both are based on version 0 (F20): whichever check meets the second first refuses it, the
    // key's (reused with another body) or the figure's version (changed meanwhile).
    expect(refused?.json().message).toMatch(/Idempotency-Key|changed meanwhile/);
    expect((await t.api.inject(url)).json().value).toBe(changed?.json().value);
    const history = (await t.api.inject(`${url}/history`)).json();
    expect(history.revisions).toHaveLength(1);
  });
});
