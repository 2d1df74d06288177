import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import uploads from "../src/plugins/external/multipart.js";

/**
 * @fastify/multipart watches every answer (a 'close' listener, to remove files saved to disk if
 * the client goes away); plugins/external/multipart.ts keeps that to uploads (issue 16).
 */
describe("the upload plugin's hooks", () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(uploads);
    app.post("/echo", async (request, reply) => {
      const watching = reply.raw.listenerCount("close");
      if (!request.isMultipart()) return { watching, file: null };
      const file = await request.file();
      return { watching, file: file ? (await file.toBuffer()).toString() : null };
    });
    app.get("/read", async (_request, reply) => ({ watching: reply.raw.listenerCount("close") }));
    await app.ready();
  });
  afterAll(() => app.close());

  const boundary = "----jindu";
  const multipartBody = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="a.csv"',
    "Content-Type: text/csv",
    "",
    "region,value",
    `--${boundary}--`,
    "",
  ].join("\r\n");

  it("run for an upload, which is still read, and not for other requests", async () => {
    const upload = await app.inject({
      method: "POST",
      url: "/echo",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: multipartBody,
    });
    const json = await app.inject({ method: "POST", url: "/echo", payload: { a: 1 } });
    const read = await app.inject("/read");
    expect(upload.json().file).toBe("region,value");
    expect(json.json().file).toBeNull();
    // One listener more on the upload's answer: multipart's own, and only there.
    expect(upload.json().watching).toBe(json.json().watching + 1);
    expect(read.json().watching).toBe(json.json().watching);
  });
});
