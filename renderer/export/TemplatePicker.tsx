import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useWorkspaceStore } from '../state/workspace-store'
import { templateRefusal } from './template-words'

/**
 * The workspace's company template: which one the slides go into (or the app's own design),
 * chosen in main's file dialog and remembered for the workspace. A file that is no template
 * is refused with the reason, and the template chosen before stays.
 */
export function TemplatePicker({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('export')
  const template = useWorkspaceStore((s) => s.deckTemplate)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const choose = async () => {
    setBusy(true)
    setProblem(null)
    const choice = await useWorkspaceStore.getState().pickDeckTemplate()
    setBusy(false)
    if (choice.kind === 'refused') setProblem(templateRefusal(choice.error))
  }
  const clear = async () => {
    setProblem(null)
    await useWorkspaceStore.getState().clearDeckTemplate()
  }

  return (
    <fieldset className="export-template" disabled={disabled || busy} data-testid="export-template">
      <legend>{t('template.legend')}</legend>
      <p className="export-template-current" data-testid="export-template-name">
        {template ? t('template.chosen', { name: template.name }) : t('template.none')}
      </p>
      <p className="muted">{t('template.help')}</p>
      <div className="export-image-buttons">
        <button type="button" onClick={() => void choose()} data-testid="export-template-choose">{t(template ? 'template.change' : 'template.choose')}</button>
        {template && <button type="button" onClick={() => void clear()} data-testid="export-template-clear">{t('template.clear')}</button>}
      </div>
      {problem && <p className="notice notice-error" role="alert" data-testid="export-template-error">{problem}</p>}
    </fieldset>
  )
}
