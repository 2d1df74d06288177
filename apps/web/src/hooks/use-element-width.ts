import { useLayoutEffect, useRef, useState } from "react";

/**
 * An element's width in whole pixels, measured before the browser paints and kept up to date.
 * For small charts: Recharts' ResponsiveContainer measures after the paint, so the chart
 * appeared one render (and a frame) later than the rest of the screen.
 */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.round(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
