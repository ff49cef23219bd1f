import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { exportMapImage, type ImageOutcome, type ImageTask } from './image-export'

/** The map as a picture: PNG at 2×, SVG, or a PNG on the clipboard — always the whole map. */
export function MapImageButtons({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('export')
  const [busy, setBusy] = useState<ImageTask | null>(null)
  const [outcome, setOutcome] = useState<ImageOutcome | null>(null)
  const run = async (task: ImageTask) => {
    setBusy(task)
    setOutcome(null)
    const result = await exportMapImage(task)
    setBusy(null)
    setOutcome(result.silent ? null : result)
  }
  const button = (task: ImageTask, label: string) => (
    <button type="button" disabled={disabled || busy !== null} data-testid={`export-image-${task}`} onClick={() => void run(task)}>{label}</button>
  )
  return (
    <section className="export-images" aria-labelledby="export-images-title">
      <h3 id="export-images-title">{t('image.title')}</h3>
      <p className="muted">{t('image.help')}</p>
      <div className="export-image-buttons">
        {button('png', t('image.png'))}
        {button('svg', t('image.svg'))}
        {button('copy', t('image.copy'))}
      </div>
      {busy && (
        <div className="export-progress" role="status">
          <progress aria-label={t('progressLabel')} />
          <span>{t(busy === 'copy' ? 'image.copying' : 'image.drawing')}</span>
        </div>
      )}
      {outcome && (
        <p className={`notice ${outcome.tone === 'error' ? 'notice-error' : 'export-saved'}`} role={outcome.tone === 'error' ? 'alert' : 'status'} data-testid="export-image-result">
          {outcome.text}
        </p>
      )}
    </section>
  )
}
