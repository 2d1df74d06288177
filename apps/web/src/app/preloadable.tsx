import { Skeleton } from "antd";
import { type ComponentType, useEffect, useState } from "react";

type Module = { default: ComponentType };

export interface PreloadableScreen {
  /** Starts downloading the screen's code (once; again after a failure). */
  preload: () => Promise<Module>;
  loaded?: ComponentType;
}

/** A screen whose code may be downloaded before it renders (see dashboard-screens.ts). */
export function preloadable(load: () => Promise<Module>): PreloadableScreen {
  let pending: Promise<Module> | undefined;
  const screen: PreloadableScreen = {
    preload: () => {
      pending ??= load().then(
        (module) => {
          screen.loaded = module.default;
          return module;
        },
        (error: unknown) => {
          // Shown by the route's error screen; a later visit may try again.
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
  return screen;
}

/**
 * Renders a preloadable screen: at once when its code is there, else the layout's skeleton until
 * it is. Not React.lazy: a lazy component suspends, and React 19 holds the content that follows
 * a Suspense fallback back for its throttle (300 ms), on the first screen of every visit.
 */
export function Preloaded({ screen }: { screen: PreloadableScreen }) {
  const [Component, setComponent] = useState<ComponentType | undefined>(() => screen.loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (Component) return;
    let mounted = true;
    screen.preload().then(
      (module) => mounted && setComponent(() => module.default),
      (failure: unknown) => mounted && setError(failure ?? new Error("screen failed to load")),
    );
    return () => {
      mounted = false;
    };
  }, [Component, screen]);
  // The route's error screen (a chunk that could not be downloaded offers to reload).
  if (error) throw error;
  if (!Component) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <Component />;
}
