// A station leader hands a request to another officer, with a note saying why; the note and the
// change are logged on the request for whoever reads it next.
import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { jurisdictionContract, type RoutedRequestView } from '../../../core/jurisdiction/contract'
import type { Language } from '../../../core/ids'
import type { OfficerKind } from '../../../core/jurisdiction/schema'
import { LANGUAGE_NAME_KEYS } from '../../../components/officer-contact-card'
import { usePageToast } from '../../../components/page-shell'
import { call } from '../../../services/cloud'
import { asCloudError } from '../../../services/session'
import { errorMessageKeyIn } from '../../../services/use-catalog-t'
import { officerCatalog, useOfficerT } from '../i18n'

/** reassignRequest's limit on the note. */
const MAX_NOTE = 200

export interface StationOfficer {
  id: string
  name: string
  title: string
  kind: OfficerKind
  languages: Language[]
}

export interface ReassignFormProps {
  request: RoutedRequestView
  officers: StationOfficer[]
  onDone: (updated: RoutedRequestView) => void
  /** The request changed under us (closed, reassigned by someone else): reload the list. */
  onStale: () => void
  onCancel: () => void
}

export function ReassignForm({ request, officers, onDone, onStale, onCancel }: ReassignFormProps) {
  const t = useOfficerT()
  const toast = usePageToast()
  const [officerId, setOfficerId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const choices = officers.filter((o) => o.id !== request.assignee.id)

  const submit = async () => {
    const text = note.trim()
    if (!officerId) return setProblem(t('leader.reassign.chooseOfficer'))
    if (!text || text.length > MAX_NOTE) return setProblem(t('leader.reassign.noteRequired'))
    setBusy(true)
    setProblem(null)
    try {
      const updated = await call(jurisdictionContract, 'reassignRequest', { requestId: request.id, officerId, note: text })
      toast(t('leader.reassign.done', { name: updated.assignee.name }))
      onDone(updated)
    } catch (err) {
      const error = asCloudError(err)
      toast(t(errorMessageKeyIn(officerCatalog, error, 'leader.reassign')))
      if (error.code === 'FAILED_PRECONDITION' || error.code === 'CONFLICT' || error.code === 'NOT_FOUND') onStale()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="reassign-form">
      <View className="fq-muted">{t('leader.reassign.to')}</View>
      <View className="reassign-officers">
        {choices.map((officer) => (
          <View
            key={officer.id}
            className={`fq-option reassign-officer reassign-officer-${officer.id} ${officer.id === officerId ? 'is-current' : ''}`}
            role="radio"
            aria-checked={officer.id === officerId}
            onClick={() => {
              setOfficerId(officer.id)
              setProblem(null)
            }}
          >
            <View className="fq-option-name">{officer.name}</View>
            <View className="fq-muted">
              {t(`officer.kind.${officer.kind}`)}
              {t('common.listSeparator')}
              {officer.languages.map((l) => t(LANGUAGE_NAME_KEYS[l])).join(t('common.listSeparator'))}
            </View>
          </View>
        ))}
      </View>
      <View className="fq-muted fq-note">{t('leader.reassign.note')}</View>
      <View className="fq-horizontal fq-textarea-field">
        <Textarea
          className="reassign-note"
          value={note}
          maxlength={MAX_NOTE}
          autoHeight
          placeholder={t('leader.reassign.notePlaceholder')}
          onInput={(e) => {
            setNote(e.detail.value)
            setProblem(null)
          }}
        />
      </View>
      {problem ? <View className="fq-field-error reassign-problem">{problem}</View> : null}
      <View className="fq-actions">
        <Button className="reassign-submit" type="primary" loading={busy} onClick={() => void submit()}>
          {t('leader.reassign.submit')}
        </Button>
        <Button className="reassign-cancel" disabled={busy} onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  )
}
