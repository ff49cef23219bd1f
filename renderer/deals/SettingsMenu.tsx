import { useTranslation } from 'react-i18next'
import { useWorkspaceStore } from '../state/workspace-store'

/** Language and theme, right on the start screen. */
export function SettingsMenu() {
  const { t } = useTranslation('common')
  const settings = useWorkspaceStore((s) => s.settings)
  const update = (patch: Parameters<ReturnType<typeof useWorkspaceStore.getState>['updateSettings']>[0]) =>
    void useWorkspaceStore.getState().updateSettings(patch).catch((e: unknown) => console.error(e))
  return (
    <div className="settings-inline">
      <label>
        {t('settings.language')}
        <select data-testid="language-select" value={settings.language} onChange={(e) => update({ language: e.target.value as typeof settings.language })}>
          <option value="system">{t('settings.system')}</option>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <label>
        {t('settings.theme')}
        <select data-testid="theme-select" value={settings.theme} onChange={(e) => update({ theme: e.target.value as typeof settings.theme })}>
          <option value="system">{t('settings.system')}</option>
          <option value="light">{t('settings.light')}</option>
          <option value="dark">{t('settings.dark')}</option>
        </select>
      </label>
    </div>
  )
}
