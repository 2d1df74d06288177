import { startTransition, useEffect, useState } from "react";

/**
 * False until the browser has painted what this component first rendered, then true in a
 * transition (rendered in slices that let the browser paint and answer between them). For the
 * parts of a screen that can come a moment later than its main figures: on a cold load the
 * overview's tiles were in the page at 0.98 s but on screen only at 1.2 s, because the map,
 * the movers and their answers were rendered in the same breath.
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
