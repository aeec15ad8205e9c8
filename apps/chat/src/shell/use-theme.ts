import { useEffect, useState } from "react";

export type Theme = "light" | "dark";

const STORAGE_KEY = "colloquy.theme";

function initialTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "light" || stored === "dark") return stored;
  } catch {
    // No storage: follow the system.
  }
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The colour theme, applied as `data-theme` on <html> (the UI package's variables follow it) and remembered. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      window.localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Not remembered.
    }
  }, [theme]);
  return [theme, setTheme];
}
