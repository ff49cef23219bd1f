import { useTranslation } from 'react-i18next'
import type { BadRow, CrmImportPlan } from '@shared/import'
import { formatNumber } from '../i18n/format'

/** People and rows listed by name; tens of thousands of list items would freeze the page. */
const SHOWN = 50

/** Who will be added, which rows are left out and why, and which lines could not be drawn. */
export function CsvPreview({ plan }: { plan: CrmImportPlan }) {
  const { t } = useTranslation('import')
  // A too-long row names the field at fault: say it in the user's language.
  const moreRows = (count: number) => t('csv.moreRows', { count, n: formatNumber(count) })
  const detailOf = (b: BadRow): string => (b.reason === 'too-long' ? t(`csv.fields.${b.detail === 'name' ? 'fullName' : b.detail}`) : b.detail ?? '')
  return (
    <div className="csv-preview" data-testid="csv-preview">
      <p data-testid="csv-summary">{t('csv.summary', { people: plan.stakeholders.length, lines: plan.links.length, bad: plan.badRows.length })}</p>
      {plan.cleanedRows > 0 && <p className="notice" role="status" data-testid="csv-cleaned">{t('csv.cleaned', { count: plan.cleanedRows })}</p>}
      <ul className="csv-people">
        {plan.stakeholders.slice(0, SHOWN).map((s) => (
          <li key={s.id}><strong>{s.name}</strong>{s.title && ` · ${s.title}`}{s.department && ` · ${s.department}`}</li>
        ))}
        {plan.stakeholders.length > SHOWN && <li className="muted">{t('csv.more', { count: plan.stakeholders.length - SHOWN })}</li>}
      </ul>
      {plan.badRows.length > 0 && (
        <>
          <h3>{t('csv.badRows')}</h3>
          <ul className="csv-bad-rows" data-testid="csv-bad-rows">
            {plan.badRows.slice(0, SHOWN).map((b) => (
              <li key={b.row}>{t('csv.rowReason', { row: b.row, reason: t(`csv.reason.${b.reason}`, { detail: detailOf(b) }) })}</li>
            ))}
            {plan.badRows.length > SHOWN && <li className="muted">{moreRows(plan.badRows.length - SHOWN)}</li>}
          </ul>
        </>
      )}
      {plan.linkWarnings.length > 0 && (
        <>
          <h3>{t('csv.linkWarnings')}</h3>
          <ul className="csv-link-warnings" data-testid="csv-link-warnings">
            {plan.linkWarnings.slice(0, SHOWN).map((w) => (
              <li key={w.row}>{t('csv.rowReason', { row: w.row, reason: t(`csv.reason.${w.reason}`, { detail: w.detail }) })}</li>
            ))}
            {plan.linkWarnings.length > SHOWN && <li className="muted">{moreRows(plan.linkWarnings.length - SHOWN)}</li>}
          </ul>
        </>
      )}
    </div>
  )
}
