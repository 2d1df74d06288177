import { describe, expect, it } from "vitest";
import { WriteQueue } from "../../../../src/plugins/app/write-queue.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("WriteQueue: changes wait their turn in order", () => {
  it("runs at most `concurrency` at once, in arrival order, and counts the waiting", async () => {
    const queue = new WriteQueue(2, 3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const jobs = [0, 1, 2, 3, 4].map((n) =>
      queue.run(async () => {
        started.push(n);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return n;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(queue.full).toBe(true); // 3 waiting of at most 3
    while (releases.length > 0 || started.length < 5) {
      releases.shift()?.();
      await tick();
    }
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(queue.full).toBe(false);
  });

  it("frees its slot when a change fails", async () => {
    const queue = new WriteQueue(1, 10);
    await expect(queue.run(async () => Promise.reject(new Error("refused")))).rejects.toThrow();
    expect(await queue.run(async () => "next")).toBe("next");
  });
});
