// "My data": the resident exports everything the station stores about them (a JSON file in the
// browser, the clipboard in WeChat) or deletes their account — after typing a phrase and saying
// yes once more, since deletion cannot be undone. What is removed and what is kept without their
// identity is said before they decide.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { accountFunctionContract, DELETE_CONFIRMATION, type DeletionReport, type MyData } from '../../../../core/privacy/contract'
import { STAFF } from '../../../../core/roles'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageShell, usePageToast } from '../../../../components/page-shell'
import { SectionCard } from '../../../../components/section-card'
import { SessionGate } from '../../../../components/session-gate'
import { call } from '../../../../services/cloud'
import { asCloudError, useSession } from '../../../../services/session'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { handOutJson } from '../../../admin/pages/jurisdiction/json-file'
import { rightsCatalog, useRightsT } from '../../i18n'

/** Records in the export: every list's entries, plus the user, volunteer profile and subscription. */
const recordsIn = (data: MyData) =>
  Object.values(data).reduce<number>((sum, value) => sum + (Array.isArray(value) ? value.length : value && typeof value === 'object' ? 1 : 0), 0)

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

function ExportCard() {
  const t = useRightsT()
  const toast = usePageToast()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const run = () => {
    setBusy(true)
    setDone(null)
    call(accountFunctionContract, 'exportMyData', {})
      .then(async (data) => {
        const file = `my-data-${data.exportedAt.slice(0, 10)}.json`
        const how = await handOutJson(file, JSON.stringify(data, null, 2))
        setDone(t(how === 'saved' ? 'rights.export.saved' : 'rights.export.copied', { file, count: recordsIn(data) }))
      })
      .catch((err: unknown) => toast(t(errorMessageKeyIn(rightsCatalog, asCloudError(err), 'rights'))))
      .then(() => setBusy(false))
  }
  return (
    <SectionCard className="rights-export" title={t('rights.export.title')}>
      <View className="fq-text">{t('rights.export.body')}</View>
      {busy ? <View className="fq-muted rights-working">{t('rights.working')}</View> : null}
      {done ? <View className="fq-notice rights-export-done">{done}</View> : null}
      <View className="fq-actions">
        <Button className="rights-export-action" type="primary" loading={busy} onClick={run}>
          {t('rights.export.action')}
        </Button>
      </View>
    </SectionCard>
  )
}

function DeleteCard({ staff }: { staff: boolean }) {
  const t = useRightsT()
  const toast = usePageToast()
  const { refresh } = useSession()
  const phrase = t('rights.delete.phrase')
  const [typed, setTyped] = useState('')
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<DeletionReport | null>(null)
  const matches = typed.trim() === phrase

  const remove = () => {
    setBusy(true)
    call(accountFunctionContract, 'deleteMyAccount', { confirm: DELETE_CONFIRMATION })
      .then(setReport, (err: unknown) => toast(t(errorMessageKeyIn(rightsCatalog, asCloudError(err), 'rights'))))
      .then(() => {
        setBusy(false)
        setAsking(false)
      })
  }

  if (report) {
    return (
      <SectionCard className="rights-delete rights-deleted" title={t('rights.delete.title')}>
        <View className="fq-notice rights-delete-done">{t('rights.delete.done', { removed: total(report.removed), kept: total(report.anonymised) })}</View>
        <View className="fq-actions">
          <Button className="rights-delete-home" type="primary" onClick={() => void refresh().then(() => Taro.reLaunch({ url: '/pages/index/index' }))}>
            {t('rights.delete.home')}
          </Button>
        </View>
      </SectionCard>
    )
  }
  return (
    <SectionCard className="rights-delete" title={t('rights.delete.title')}>
      <View className="fq-text rights-delete-removed">{t('rights.delete.removed')}</View>
      <View className="fq-text rights-delete-kept">{t('rights.delete.kept')}</View>
      {staff ? (
        <View className="fq-notice is-warning rights-delete-staff">{t('rights.delete.staff')}</View>
      ) : (
        <>
          <View className="fq-muted">{t('rights.delete.phraseHint', { phrase })}</View>
          <View className="fq-horizontal">
            <Input className="rights-delete-phrase" placeholder={phrase} value={typed} maxLength={40} onChange={setTyped} />
          </View>
          {typed.trim() && !matches ? <View className="fq-field-error">{t('rights.delete.phraseMismatch', { phrase })}</View> : null}
          {busy ? <View className="fq-muted rights-working">{t('rights.working')}</View> : null}
          <View className="fq-actions">
            <Button className="rights-delete-action" type="danger" disabled={!matches} onClick={() => setAsking(true)}>
              {t('rights.delete.action')}
            </Button>
          </View>
        </>
      )}
      {asking ? (
        <ConfirmDialog className="rights-delete-confirm" title={t('rights.delete.confirmTitle')} confirmLabel={t('rights.delete.confirm')} cancelLabel={t('rights.delete.cancel')} busy={busy} onConfirm={remove} onCancel={() => setAsking(false)}>
          {t('rights.delete.confirmBody')}
        </ConfirmDialog>
      ) : null}
    </SectionCard>
  )
}

export default function PrivacyRightsPage() {
  const t = useRightsT()
  return (
    <PageShell name="privacy-rights" title={t('rights.title')}>
      <SessionGate>
        {(profile) => (
          <>
            <View className="fq-text rights-intro">{t('rights.intro')}</View>
            <ExportCard />
            <DeleteCard staff={profile.officer !== null || profile.roles.some((r) => STAFF.includes(r))} />
          </>
        )}
      </SessionGate>
    </PageShell>
  )
}
