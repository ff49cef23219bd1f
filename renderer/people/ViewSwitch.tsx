import { useTranslation } from 'react-i18next'
import { usePeopleViewStore, type PeopleView } from './view-store'
import './people.css'

/** Map or table: two views of the same people, next to each other in the deal's main area. */
export function ViewSwitch() {
  const { t } = useTranslation('people')
  const view = usePeopleViewStore((s) => s.view)
  const views: PeopleView[] = ['map', 'table']
  return (
    <div className="view-switch" role="tablist" aria-label={t('viewSwitch')}>
      {views.map((v) => (
        <button key={v} type="button" role="tab" aria-selected={view === v} data-testid={`view-${v}`} onClick={() => usePeopleViewStore.getState().setView(v)}>
          {t(`view.${v}`)}
        </button>
      ))}
    </div>
  )
}
