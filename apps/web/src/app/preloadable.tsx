import { type ComponentType, type LazyExoticComponent, lazy, useState } from "react";

export interface PreloadableScreen {
  /** Starts downloading the screen's code (once; again after a failure). */
  preload: () => Promise<unknown>;
  loaded?: ComponentType;
  lazy: LazyExoticComponent<ComponentType>;
}

/**
 * React.lazy for a screen whose code may be downloaded before it renders (see router.tsx). A
 * lazy component suspends on its first render even when its module is there already, and React
 * then holds the content back for its fallback throttle (300 ms): once downloaded, the screen
 * renders at once instead (<Preloaded>).
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>): PreloadableScreen {
  let pending: Promise<{ default: ComponentType }> | undefined;
  const screen: PreloadableScreen = {
    preload: () => {
      pending ??= load().then(
        (module) => {
          screen.loaded = module.default;
          return module;
        },
        (error: unknown) => {
          // React keeps the failure of its own call; a later preload may try again.
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    lazy: lazy(() => screen.preload() as Promise<{ default: ComponentType }>),
  };
  return screen;
}

export function Preloaded({ screen }: { screen: PreloadableScreen }) {
  // Chosen once: switching from the lazy wrapper to the module would remount the screen.
  const [Component] = useState<ComponentType>(() => screen.loaded ?? screen.lazy);
  return <Component />;
}
