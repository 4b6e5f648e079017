// Composing a notice (category, urgency, title and body in Chinese and optionally Mongolian,
// target groups, validity) or correcting one (text and validity only). The server runs content
// security; this form explains its verdict: published, held for a leader, or refused and why.
import { useRef, useState } from 'react'
import { Image, Textarea, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { noticesContract, type GroupView, type OfficerNotice } from '../../../core/notices/contract'
import { CATEGORIES, LIMITS, Urgency, type Category } from '../../../core/notices/rules'
import { dayjs } from '../../../core/time'
import { usePageToast } from '../../../components/page-shell'
import { SectionCard } from '../../../components/section-card'
import { call, type CloudCallError } from '../../../services/cloud'
import { newRequestId, useAttemptKey } from '../../../services/request-id'
import * as z from 'zod/mini'
import { useFormDraft } from '../../../services/drafts'
import { submitOrQueue } from '../../../services/outbox'
import { asCloudError, useSession } from '../../../services/session'
import { retryTimeOf } from '../../../services/retry-time'
import { errorMessageKeyIn, type CatalogTranslate } from '../../../services/use-catalog-t'
import { officerNoticesCatalog, useOfficerNoticesT, type OfficerNoticesMessageKey } from './i18n'
import { chooseImage } from './image-file'
import { groupName } from './labels'

const VALID_DAYS = [1, 3, 7, 30, 90] as const
const COMPOSE_DRAFT = 'notices.compose'
/** A notice as kept on the device while composed or corrected (docs/offline.md). */
const StoredDraft = z.object({ category: z.enum(CATEGORIES), urgency: Urgency, titleZh: z.string(), titleMn: z.string(), bodyZh: z.string(), bodyMn: z.string(), targets: z.array(z.string()), days: z.number() })

interface Draft {
  category: Category
  urgency: Urgency
  titleZh: string
  titleMn: string
  bodyZh: string
  bodyMn: string
  targets: string[]
  days: number
}

const chars = (s: string) => [...s.trim()].length

function problemOf(d: Draft): OfficerNoticesMessageKey | null {
  if (!d.titleZh.trim() || !d.bodyZh.trim() || d.targets.length === 0) return 'on.form.missing'
  // Readers get the Mongolian version only when both its title and body exist (core/notices inLanguage).
  if (Boolean(d.titleMn.trim()) !== Boolean(d.bodyMn.trim())) return 'on.form.mongolianPair'
  if (chars(d.titleZh) > LIMITS.titleZh || chars(d.titleMn) > LIMITS.titleMn || chars(d.bodyZh) > LIMITS.body || chars(d.bodyMn) > LIMITS.body) return 'on.form.tooLong'
  return null
}

const text = (zh: string, mn: string) => ({ zh: zh.trim(), ...(mn.trim() ? { mn: mn.trim() } : {}) })

/** The refusal in the officer's words: content security's keyword, else the error code. */
function refusal(t: CatalogTranslate<OfficerNoticesMessageKey>, error: CloudCallError): string {
  if (error.details?.why === 'risky') {
    const keyword = error.details.keyword
    return typeof keyword === 'string' ? t('on.form.risky', { keyword }) : t('on.form.riskyNoKeyword')
  }
  return t(errorMessageKeyIn(officerNoticesCatalog, error, 'on'), retryTimeOf(error))
}

export interface NoticeFormProps {
  /** The groups the officer may publish to; ignored when correcting. */
  groups: GroupView[]
  /** Set to correct an existing notice instead of composing a new one. */
  correcting?: OfficerNotice
  onDone: (message: string) => void
  onCancel?: () => void
}

export function NoticeForm({ groups, correcting, onDone, onCancel }: NoticeFormProps) {
  const t = useOfficerNoticesT()
  const toast = usePageToast()
  const { language } = useSession()
  const [draft, setDraft] = useState<Draft>(() => ({
    category: correcting?.category ?? 'anti_fraud',
    urgency: correcting?.urgency ?? 'normal',
    titleZh: correcting?.title.zh ?? '',
    titleMn: correcting?.title.mn ?? '',
    bodyZh: correcting?.body.zh ?? '',
    bodyMn: correcting?.body.mn ?? '',
    targets: correcting?.targets ?? (groups.length === 1 ? [groups[0].id] : []),
    days: 7,
  }))
  // A new notice and a correction in progress each keep their own draft.
  const kept = useFormDraft(correcting ? `notices.correct.${correcting.id}` : COMPOSE_DRAFT, draft, {
    restore: (stored) => {
      const parsed = StoredDraft.safeParse(stored)
      if (parsed.success) setDraft(parsed.data)
    },
  })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [images, setImages] = useState<Array<{ fileID: string; preview: string }>>([])
  const [uploading, setUploading] = useState(false)
  const imageUpload = useAttemptKey()
  // One request id per content sent: pressing publish again after a lost answer publishes once,
  // and a changed draft is a new notice.
  const attempt = useRef<{ content: string; requestId: string } | null>(null)
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setProblem(null)
  }
  const toggleTarget = (id: string) => set({ targets: draft.targets.includes(id) ? draft.targets.filter((g) => g !== id) : [...draft.targets, id] })

  const addImage = () => {
    setProblem(null)
    chooseImage().then((chosen) => {
      if (!chosen) return
      setUploading(true)
      // The same picture again after a failure is the same attempt: a lost answer stores one file.
      call(noticesContract, 'uploadImage', { base64: chosen.base64, requestId: imageUpload.keyFor(chosen.base64) })
        .then(
          ({ fileID }) => {
            imageUpload.settled()
            setImages((list) => [...list, { fileID, preview: chosen.preview }])
          },
          () => setProblem(t('on.form.imageFailed')),
        )
        .then(() => setUploading(false))
    })
  }

  const requestIdFor = (content: string) => {
    if (attempt.current?.content !== content) attempt.current = { content, requestId: newRequestId() }
    return attempt.current.requestId
  }

  const submit = () => {
    const issue = problemOf(draft)
    if (issue) return setProblem(t(issue))
    const validUntil = dayjs().add(draft.days, 'day').toISOString()
    const title = text(draft.titleZh, draft.titleMn)
    const body = text(draft.bodyZh, draft.bodyMn)
    setBusy(true)
    const request: Promise<string> = correcting
      ? call(noticesContract, 'correct', { noticeId: correcting.id, title, body, validUntil }).then(() => {
          kept.clear()
          return t('on.form.corrected')
        })
      : submitOrQueue(noticesContract, 'publish', { category: draft.category, urgency: draft.urgency, title, body, targets: draft.targets, validUntil, images: images.map((i) => i.fileID), requestId: requestIdFor(JSON.stringify({ draft, images })) }, { kind: 'notice', draftKey: COMPOSE_DRAFT }).then((submitted) => {
          attempt.current = null
          // Queued: the draft stays until the outbox has sent it.
          if (submitted.status === 'queued') return t('outbox.queued')
          kept.clear()
          return t(submitted.data.status === 'held' ? 'on.form.held' : 'on.form.published')
        })
    request
      .then(
        (message) => {
          toast(message)
          onDone(message)
        },
        (err: unknown) => setProblem(refusal(t, asCloudError(err))),
      )
      .then(() => setBusy(false))
  }

  return (
    <SectionCard className="on-form" title={correcting ? t('on.form.correctTitle') : t('on.form.title')} tone="police">
      {correcting ? null : (
        <>
          <View className="on-field">
            <View className="on-field-label">{t('on.form.category')}</View>
            <View className="on-chips">
              {CATEGORIES.map((c) => (
                <Button key={c} className={`on-category-${c}`} size="small" type={draft.category === c ? 'primary' : 'default'} onClick={() => set({ category: c })}>
                  {t(`on.category.${c}`)}
                </Button>
              ))}
            </View>
          </View>
          <View className="on-field">
            <View className="on-field-label">{t('on.form.urgency')}</View>
            <View className="on-chips">
              {(['normal', 'urgent'] as const).map((u) => (
                <Button key={u} className={`on-urgency-${u}`} size="small" type={draft.urgency === u ? (u === 'urgent' ? 'danger' : 'primary') : 'default'} onClick={() => set({ urgency: u })}>
                  {t(u === 'urgent' ? 'on.form.urgent' : 'on.form.normal')}
                </Button>
              ))}
            </View>
          </View>
        </>
      )}
      <View className="on-field fq-horizontal">
        <View className="on-field-label">{t('on.form.titleZh')}</View>
        <Input className="on-title-zh" value={draft.titleZh} maxLength={LIMITS.titleZh} onChange={(titleZh) => set({ titleZh })} />
      </View>
      <View className="on-field fq-horizontal">
        <View className="on-field-label">{t('on.form.bodyZh')}</View>
        <Textarea className="on-textarea on-body-zh" value={draft.bodyZh} maxlength={LIMITS.body} onInput={(e) => set({ bodyZh: e.detail.value })} />
      </View>
      <View className="on-field">
        <View className="on-field-label">{t('on.form.titleMn')}</View>
        <Input className="on-title-mn" value={draft.titleMn} maxLength={LIMITS.titleMn} onChange={(titleMn) => set({ titleMn })} />
      </View>
      <View className="on-field">
        <View className="on-field-label">{t('on.form.bodyMn')}</View>
        <Textarea className="on-textarea on-body-mn" value={draft.bodyMn} maxlength={LIMITS.body} onInput={(e) => set({ bodyMn: e.detail.value })} />
      </View>
      {correcting ? null : (
        <View className="on-field">
          <View className="on-field-label">{t('on.form.targets')}</View>
          {groups.length === 0 ? <View className="fq-muted">{t('on.form.noGroups')}</View> : null}
          <View className="on-chips">
            {groups.map((g) => (
              <Button key={g.id} className={`on-target on-target-${g.id}`} size="small" type={draft.targets.includes(g.id) ? 'primary' : 'default'} onClick={() => toggleTarget(g.id)}>
                {groupName(t, language, g.id, g)}
                {g.members === null ? '' : ` (${g.members})`}
              </Button>
            ))}
          </View>
        </View>
      )}
      {correcting ? null : (
        <View className="on-field">
          <View className="on-field-label">{t('on.form.images')}</View>
          <View className="on-chips">
            {images.map((image) => (
              <View key={image.fileID} className="on-image">
                <Image className="on-image-preview" src={image.preview} mode="aspectFill" />
                <Button size="small" onClick={() => setImages((list) => list.filter((i) => i.fileID !== image.fileID))}>
                  {t('on.form.removeImage')}
                </Button>
              </View>
            ))}
          </View>
          {uploading ? <View className="fq-muted">{t('on.form.uploading')}</View> : null}
          {images.length < LIMITS.images ? (
            <Button className="on-add-image" size="small" loading={uploading} disabled={uploading || busy} onClick={addImage}>
              {t('on.form.addImage')}
            </Button>
          ) : null}
        </View>
      )}
      <View className="on-field">
        <View className="on-field-label">{t('on.form.validFor')}</View>
        <View className="on-chips">
          {VALID_DAYS.map((days) => (
            <Button key={days} className={`on-valid-${days}`} size="small" type={draft.days === days ? 'primary' : 'default'} onClick={() => set({ days })}>
              {t('on.form.days', { days })}
            </Button>
          ))}
        </View>
      </View>
      {problem ? <View className="fq-field-error on-form-problem">{problem}</View> : null}
      {busy ? <View className="fq-muted">{t('on.form.checking')}</View> : null}
      <View className="fq-actions">
        <Button className="on-submit" type="primary" loading={busy} disabled={busy || uploading} onClick={submit}>
          {correcting ? t('on.form.saveCorrection') : t('on.form.submit')}
        </Button>
        {onCancel ? (
          <Button className="on-form-cancel" disabled={busy} onClick={onCancel}>
            {t('on.form.cancel')}
          </Button>
        ) : null}
      </View>
    </SectionCard>
  )
}
