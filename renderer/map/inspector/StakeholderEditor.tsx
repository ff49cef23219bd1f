import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { personName } from '@shared/i18n'
import type { DealCommand, StakeholderField, StakeholderFieldValue } from '@shared/commands'
import { BUYING_ROLES, INFLUENCES, MODES, STANCES, type Mode } from '@shared/model'
import { useDealStore } from '../../state/deal-store'
import { useWorkspaceStore } from '../../state/workspace-store'
import { CheckboxField, SelectField, TextField } from './fields'
import { StakeholderLines } from './StakeholderLines'
import { StanceIcon } from '../icons'
import { addReport } from '../map-operations'
import { RelationshipSections } from '../../relationships'

/** Every field of one stakeholder. */
export function StakeholderEditor({ id }: { id: string }) {
  const { t } = useTranslation('map')
  const s = useDealStore((st) => st.deal?.stakeholders.find((x) => x.id === id))
  const departments = useDealStore((st) => st.deal?.stakeholders)
  const competitors = useDealStore((st) => st.deal?.competitors)
  const roster = useWorkspaceStore((st) => st.roster)
  const departmentOptions = useMemo(() => [...new Set((departments ?? []).map((x) => x.department.trim()).filter(Boolean))].sort(), [departments])
  if (!s) return null

  /** One field visit (`mergeKey`) is one undo step; the command declares which fields merge. */
  const run = (command: DealCommand, mergeKey?: string): string | undefined => {
    // The field says a refusal on its own line (fields.tsx), so the map's toast does not too.
    const result = useDealStore.getState().dispatch(command, { saysRefusal: true, ...(mergeKey ? { mergeKey: `${id}-${mergeKey}` } : {}) })
    return result.ok ? undefined : t(`error.${result.error.code}`, { defaultValue: result.error.message })
  }
  const update = <K extends StakeholderField>(field: K, value: StakeholderFieldValue<K>, mergeKey?: string) =>
    run({ type: 'set-field', stakeholderId: id, field, value } as DealCommand, mergeKey)
  const seal = () => useDealStore.getState().sealHistory()
  const sellers = roster.filter((r) => !r.archived || s.ownerIds.includes(r.id))

  return (
    <form className="inspector" data-testid="stakeholder-inspector" aria-label={t('inspector.stakeholder', { name: s.name })} onSubmit={(e) => e.preventDefault()}>
      <h2 className="inspector-heading">
        <StanceIcon stance={s.stance} /> {personName(s, t)}
      </h2>
      <TextField label={t('field.name')} value={s.name} required testId="field-name" onChange={(v, k) => update('name', v, k)} onDone={seal} />
      <TextField label={t('field.title')} value={s.title} testId="field-title" onChange={(v, k) => update('title', v, k)} onDone={seal} />
      <TextField label={t('field.department')} value={s.department} list="department-options" testId="field-department" onChange={(v, k) => update('department', v, k)} onDone={seal} />
      <TextField label={t('field.email')} value={s.email ?? ''} testId="field-email" onChange={(v, k) => update('email', v, k)} onDone={seal} />
      <datalist id="department-options">
        {departmentOptions.map((d) => <option key={d} value={d} />)}
      </datalist>
      <SelectField label={t('field.buyingRole')} value={s.buyingRole} testId="field-buyingRole"
        options={BUYING_ROLES.map((r) => ({ value: r, label: t(`buyingRole.${r}`) }))}
        onChange={(v) => v && update('buyingRole', v)} />
      <SelectField label={t('field.stance')} value={s.stance} testId="field-stance"
        options={STANCES.map((r) => ({ value: r, label: t(`stance.${r}`) }))}
        onChange={(v) => v && update('stance', v)} />
      <SelectField label={t('field.influence')} value={s.influence} testId="field-influence"
        options={INFLUENCES.map((r) => ({ value: r, label: t(`influence.${r}`) }))}
        onChange={(v) => v && update('influence', v)} />
      <CheckboxField label={t('field.innerCircle')} checked={s.innerCircle} testId="field-innerCircle" onChange={(v) => update('innerCircle', v)} />
      <TextField label={t('field.favoredCompetitor')} value={s.favoredCompetitor ?? ''} list="competitor-options" testId="field-favoredCompetitor"
        onChange={(v, k) => update('favoredCompetitor', v.trim() ? v : null, k)} onDone={seal} />
      <datalist id="competitor-options">
        {(competitors ?? []).map((c) => <option key={c} value={c} />)}
      </datalist>
      <SelectField<Mode> label={t('field.mode')} value={s.mode ?? ''} testId="field-mode"
        options={[{ value: '', label: t('mode.none') }, ...MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))]}
        onChange={(v) => update('mode', v || null)} />
      <fieldset className="field owners" data-testid="field-owners">
        <legend>{t('field.owners')}</legend>
        {sellers.length === 0 && <p className="muted">{t('inspector.noSellers')}</p>}
        {sellers.map((seller) => (
          <label key={seller.id} className="owner-option">
            <input
              type="checkbox"
              checked={s.ownerIds.includes(seller.id)}
              onChange={(e) => run({ type: e.target.checked ? 'add-owner' : 'remove-owner', stakeholderId: id, sellerId: seller.id })}
            />
            {seller.name}
          </label>
        ))}
      </fieldset>
      <TextField label={t('field.notes')} value={s.notes} multiline maxLength={10_000} testId="field-notes" onChange={(v, k) => update('notes', v, k)} onDone={seal} />
      <RelationshipSections id={id} />
      <StakeholderLines id={id} />
      <div className="inspector-buttons">
        <button type="button" onClick={() => addReport(id)} data-testid="add-report">{t('inspector.addReport')}</button>
      </div>
    </form>
  )
}
