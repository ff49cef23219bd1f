import { useEffect } from 'react'
import { useWorkspaceStore } from '../state/workspace-store'

/** Applies the theme setting (following the OS when 'system') as `data-theme` on <html>. */
export function useTheme(): void {
  const theme = useWorkspaceStore((s) => s.settings.theme)
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)')
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && !!media?.matches)
      document.documentElement.dataset.theme = dark ? 'dark' : 'light'
    }
    apply()
    media?.addEventListener?.('change', apply)
    return () => media?.removeEventListener?.('change', apply)
  }, [theme])
}
