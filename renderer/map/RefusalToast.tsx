import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'

/** Says why an edit was refused (a line to oneself, a duplicate line…). */
export function RefusalToast() {
  const { t } = useTranslation('map')
  const refusal = useDealStore((s) => s.lastRefusal)
  const [visible, setVisible] = useState<number>()
  useEffect(() => {
    if (!refusal) return
    setVisible(refusal.seq)
    const timer = setTimeout(() => setVisible(undefined), 5000)
    return () => clearTimeout(timer)
  }, [refusal])
  if (!refusal || visible !== refusal.seq) return null
  return (
    <div className="toast" role="alert" data-testid="refusal-toast">
      {t(`error.${refusal.code}`, { defaultValue: refusal.message })}
    </div>
  )
}
