// Content security (内容安全) for free text that another person will read: WeChat's
// security.msgSecCheck, version 2, run by the runtime before the action, for the fields
// ./free-text.ts declares per action.
// A risky verdict refuses the call before anything is stored; `review` passes (the text is
// staff-written or reaches staff first; mediation and notices, whose actions check their main text
// themselves, hold or flag it). When WeChat cannot answer, the call fails: unchecked text is not stored.
import * as z from 'zod/mini'
import { AppError, type FieldIssue } from '../../src/core/envelope'
import { cloud } from './cloud'
import { FREE_TEXT, textsAt, type FoundText as Found } from './free-text'

/** msgSecCheck v2 reads at most 2,500 characters of content per call. */
const MAX_CONTENT = 2500

/** Texts joined into as few calls as the content limit allows (a field is never split). */
function batches(found: Found[]): Found[][] {
  const out: Found[][] = []
  let size = 0
  for (const item of found) {
    const length = [...item.text].length + 1
    if (out.length === 0 || size + length > MAX_CONTENT) {
      out.push([])
      size = 0
    }
    out[out.length - 1].push(item)
    size += length
  }
  return out
}

const Answer = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']) }),
  detail: z.optional(z.array(z.looseObject({ keyword: z.optional(z.string()) }))),
})

async function verdict(openid: string, scene: number, batch: Found[]) {
  let raw: unknown
  try {
    raw = await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content: batch.map((f) => f.text).join('\n') })
  } catch (error) {
    console.error('[content-security] msgSecCheck failed', (error as { errCode?: number }).errCode, (error as Error).message)
    throw new AppError('INTERNAL', 'Content security could not check the text; try again in a moment.')
  }
  const parsed = Answer.safeParse(raw)
  if (!parsed.success) throw new AppError('INTERNAL', 'Content security gave an answer this version does not understand.')
  return { suggest: parsed.data.result.suggest, keyword: parsed.data.detail?.find((d) => d.keyword)?.keyword }
}

/**
 * Checks the action's declared free-text fields (none: no call). A risky text refuses the call
 * with INVALID_ARGUMENT naming the field (the one holding WeChat's keyword, when it names one).
 */
export async function checkFreeText(functionName: string, action: string, input: unknown, openid: string): Promise<void> {
  const rule = FREE_TEXT[functionName]?.[action]
  if (!rule) return
  const found = rule.fields.flatMap((field) => textsAt(input, field))
  const verdicts = await Promise.all(batches(found).map(async (batch) => ({ batch, ...(await verdict(openid, rule.scene, batch)) })))
  const risky = verdicts.find((v) => v.suggest === 'risky')
  if (!risky) return
  const culprits = risky.keyword ? risky.batch.filter((f) => f.text.includes(risky.keyword!)) : []
  const issues: FieldIssue[] = (culprits.length ? culprits : risky.batch).map((f) => ({ path: f.path, message: 'did not pass content security' }))
  throw new AppError('INVALID_ARGUMENT', 'The text did not pass content security; change it and try again.', issues, { why: 'content' })
}
