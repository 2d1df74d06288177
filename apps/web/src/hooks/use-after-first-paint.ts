import { startTransition, useEffect, useState } from "react";

/**
 * False until the browser has painted what this component first rendered, then true in a
 * transition (rendered in slices that let the browser paint and answer between them). For the
 * parts of a screen that can come a moment later than its main figures: on the bench's cold
 * load the overview's tiles were painted at 1.00 s with the map and the movers rendered in the
 * same breath, at 0.92 s with them a frame later. (A hidden tab runs no frames: such cards wait
 * until it is shown.)
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame's callback runs before its paint; a task queued from it runs after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}
