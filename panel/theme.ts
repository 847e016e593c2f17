// Light or dark to match DevTools, or the OS when the panel runs outside DevTools. Exposed as
// `data-theme` on <html>; styles.css keys all its colour variables on that attribute.

export type Theme = 'light' | 'dark';

/** Chrome reports `default` or `dark`, Firefox `light` or `dark`; undefined outside DevTools. */
export function resolveTheme(devtoolsTheme: string | undefined, prefersDark: boolean): Theme {
  if (devtoolsTheme !== undefined) return devtoolsTheme === 'dark' ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

export interface ThemeSource {
  themeName?: string;
  /** Firefox only; Chrome has no change event, so its panels take the theme they load with. */
  onThemeChanged?: { addListener(listener: (themeName: string) => void): void };
}

/** Sets `data-theme` now and whenever DevTools or the OS switches theme. */
export function followTheme(
  root: HTMLElement,
  panels: ThemeSource | undefined,
  prefersDark: MediaQueryList,
): void {
  let devtoolsTheme = panels?.themeName;
  const apply = (): void => {
    root.dataset.theme = resolveTheme(devtoolsTheme, prefersDark.matches);
  };
  apply();
  panels?.onThemeChanged?.addListener((name) => {
    devtoolsTheme = name;
    apply();
  });
  prefersDark.addEventListener('change', apply);
}
