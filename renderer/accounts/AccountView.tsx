import { useTranslation } from 'react-i18next'
import { CoverageMeters } from '../insights'
import { useWorkspaceStore } from '../state/workspace-store'
import { Modal } from '../ui/Modal'
import { useAccountStore } from './account-store'
import { AccountOrgChart } from './AccountOrgChart'
import { AccountDeals, DepartmentsReached, LinkCandidates, RelationshipHeatmap, sellerNamer, WhoKnowsWhom } from './AccountSections'
import './accounts.css'

/**
 * The account view (docs/method.md, "Accounts"): one customer across all its deals — the
 * whole org chart, deep / broad / transparent over every person, departments reached and by
 * whom, the relationship heatmap across our sellers, the deals, and who knows whom.
 */
export function AccountView() {
  const { t } = useTranslation('accounts')
  const customer = useAccountStore((s) => s.viewCustomer)
  const overview = useAccountStore((s) => s.overview)
  const error = useAccountStore((s) => s.viewError)
  const roster = useWorkspaceStore((s) => s.roster)
  if (customer === null) return null
  const close = () => useAccountStore.getState().closeView()
  const sellerName = sellerNamer(roster)
  return (
    // A native modal (ui/Modal): Esc closes it wherever the focus is, even after the button
    // that had it is gone (a confirmed candidate leaves the list), and focus stays inside.
    <Modal className="account-view" label={t('title', { customer })} testId="account-view" onClose={close}>
      <header className="account-header">
        <h2>{t('title', { customer: overview?.customer ?? customer })}</h2>
        {overview && (
          <span className="account-counts" data-testid="account-counts">
            {t('people', { count: overview.people })} · {t('deals', { count: overview.deals.length })}
            {overview.accountOnly > 0 && <> · {t('accountOnly', { count: overview.accountOnly })}</>}
          </span>
        )}
        <button type="button" autoFocus onClick={close} data-testid="account-view-close">{t('close')}</button>
      </header>
      {error ? <p role="alert" className="field-error">{error}</p> : !overview ? <p role="status">{t('loading')}</p> : (
        <div className="account-body">
          <div className="account-column">
            <CoverageMeters coverage={overview.coverage} />
            <p className="muted account-coverage-help">{t('coverageHelp')}</p>
            <LinkCandidates overview={overview} />
            <DepartmentsReached overview={overview} sellerName={sellerName} />
            <AccountDeals overview={overview} />
            <WhoKnowsWhom overview={overview} sellerName={sellerName} />
          </div>
          <div className="account-column account-wide">
            <section className="account-section">
              <h3>{t('orgChart')}</h3>
              <AccountOrgChart overview={overview} label={t('orgChart')} />
            </section>
            <RelationshipHeatmap overview={overview} sellerName={sellerName} />
          </div>
        </div>
      )}
    </Modal>
  )
}
