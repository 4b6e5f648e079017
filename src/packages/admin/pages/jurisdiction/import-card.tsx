// Importing a jurisdiction file: choose it, see what it holds, then let the cloud validate the
// whole document. Only a fully valid document becomes the new version; otherwise every problem
// is listed field by field (its path in the document and what is wrong) and nothing changed.
// Validating a county-sized file takes seconds, so the wait shows what is happening and for how long.
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import * as z from 'zod/mini'
import type { FieldIssue } from '../../../../core/envelope'
import { jurisdictionContract, MAX_IMPORT_BYTES } from '../../../../core/jurisdiction/contract'
import { SectionCard } from '../../../../components/section-card'
import { call } from '../../../../services/cloud'
import { useAttemptKey } from '../../../../services/request-id'
import { asCloudError } from '../../../../services/session'
import { errorMessageKeyIn } from '../../../../services/use-catalog-t'
import { adminCatalog, useAdminT } from '../../i18n'
import { formatBytes, pickJsonFile } from './json-file'

/** Enough to fix a file in one sitting; the rest appear once these are fixed. */
const SHOWN_ISSUES = 50

/** Only to say what the file holds before importing; the cloud validates everything. */
const StationOutline = z.object({ communities: z.array(z.unknown()), officers: z.array(z.unknown()) })
/** A bureau (format 2) counts its stations' communities and officers and its own staff. */
const Outline = z.union([
  z.pipe(
    z.object({ stations: z.array(StationOutline), officers: z._default(z.array(z.unknown()), []) }),
    z.transform((b) => ({
      communities: b.stations.reduce((n, s) => n + s.communities.length, 0),
      officers: b.officers.length + b.stations.reduce((n, s) => n + s.officers.length, 0),
    })),
  ),
  z.pipe(StationOutline, z.transform((s) => ({ communities: s.communities.length, officers: s.officers.length }))),
])

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; name: string }
  | { step: 'ready'; name: string; size: number; document: unknown; communities: number | null; officers: number | null }
  | { step: 'importing'; name: string; size: number; startedAt: number }
  | { step: 'done'; version: number; communities: number; officers: number }
  | { step: 'invalid'; name: string; issues: FieldIssue[] }
  | { step: 'failed'; message: string }

export interface ImportCardProps {
  onImported: () => void
}

export function ImportCard({ onImported }: ImportCardProps) {
  const t = useAdminT()
  const [state, setState] = useState<ImportState>({ step: 'idle' })
  const [elapsed, setElapsed] = useState(0)
  const attempt = useAttemptKey()

  useEffect(() => {
    if (state.step !== 'importing') return
    setElapsed(0)
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - state.startedAt) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [state])

  const choose = async () => {
    let picked
    try {
      picked = await pickJsonFile()
    } catch {
      return setState({ step: 'failed', message: t('jurisdiction.import.readFailed') })
    }
    if (!picked) return
    if (picked.size > MAX_IMPORT_BYTES) {
      return setState({ step: 'failed', message: t('jurisdiction.import.tooLarge', { size: formatBytes(picked.size), max: formatBytes(MAX_IMPORT_BYTES) }) })
    }
    setState({ step: 'reading', name: picked.name })
    let text: string
    try {
      text = await picked.read()
    } catch {
      return setState({ step: 'failed', message: t('jurisdiction.import.readFailed') })
    }
    let document: unknown
    try {
      document = JSON.parse(text)
    } catch {
      return setState({ step: 'failed', message: t('jurisdiction.import.notJson') })
    }
    const outline = Outline.safeParse(document)
    setState({
      step: 'ready',
      name: picked.name,
      size: picked.size,
      document,
      communities: outline.success ? outline.data.communities : null,
      officers: outline.success ? outline.data.officers : null,
    })
  }

  const importIt = async (ready: Extract<ImportState, { step: 'ready' }>) => {
    setState({ step: 'importing', name: ready.name, size: ready.size, startedAt: Date.now() })
    try {
      // One key per attempt: pressing again after a lost answer answers the first import.
      const result = await call(jurisdictionContract, 'importJurisdiction', { document: ready.document, requestId: attempt.keyFor(ready.document) })
      attempt.settled()
      setState({ step: 'done', ...result })
      onImported()
    } catch (err) {
      const error = asCloudError(err)
      if (error.code === 'INVALID_ARGUMENT' && error.issues && error.issues.length > 0) setState({ step: 'invalid', name: ready.name, issues: error.issues })
      else setState({ step: 'failed', message: t(errorMessageKeyIn(adminCatalog, error, 'jurisdiction.import')) })
    }
  }

  return (
    <SectionCard className="jurisdiction-import" title={t('jurisdiction.import.title')}>
      <View className="fq-text">{t('jurisdiction.import.hint')}</View>
      {state.step === 'reading' ? <View className="fq-muted fq-note">{t('jurisdiction.import.reading', { name: state.name })}</View> : null}
      {state.step === 'ready' ? (
        <View className="fq-notice jurisdiction-import-ready">
          {t('jurisdiction.import.ready', {
            name: state.name,
            size: formatBytes(state.size),
            communities: state.communities ?? '?',
            officers: state.officers ?? '?',
          })}
        </View>
      ) : null}
      {state.step === 'importing' ? (
        <View className="fq-notice jurisdiction-import-progress" role="status">
          <Loading type="circular" direction="horizontal" />
          <View className="fq-text">{t('jurisdiction.import.checking', { name: state.name, size: formatBytes(state.size) })}</View>
          <View className="fq-muted">{t('jurisdiction.import.elapsed', { seconds: elapsed })}</View>
        </View>
      ) : null}
      {state.step === 'done' ? (
        <View className="fq-notice is-ok jurisdiction-import-done" role="status">
          {t('jurisdiction.import.done', { version: state.version, communities: state.communities, officers: state.officers })}
        </View>
      ) : null}
      {state.step === 'failed' ? (
        <View className="fq-notice is-alarm jurisdiction-import-failed" role="alert">
          {state.message}
        </View>
      ) : null}
      {state.step === 'invalid' ? (
        <View className="fq-notice is-alarm jurisdiction-import-invalid" role="alert">
          <View className="fq-text">{t('jurisdiction.import.invalid', { count: state.issues.length })}</View>
          {state.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
            <View key={i} className="jurisdiction-issue">
              <View className="jurisdiction-issue-path">{issue.path.join('.')}</View>
              <View className="jurisdiction-issue-message">{issue.message}</View>
            </View>
          ))}
          {state.issues.length > SHOWN_ISSUES ? <View className="fq-muted">{t('jurisdiction.import.more', { count: state.issues.length - SHOWN_ISSUES })}</View> : null}
        </View>
      ) : null}
      <View className="fq-actions">
        {state.step === 'ready' ? (
          <Button className="jurisdiction-import-confirm" type="primary" onClick={() => void importIt(state)}>
            {t('jurisdiction.import.confirm')}
          </Button>
        ) : null}
        <Button
          className="jurisdiction-import-choose"
          type={state.step === 'ready' ? 'default' : 'primary'}
          disabled={state.step === 'importing' || state.step === 'reading'}
          onClick={() => void choose()}
        >
          {t(state.step === 'idle' ? 'jurisdiction.import.choose' : 'jurisdiction.import.again')}
        </Button>
      </View>
    </SectionCard>
  )
}
