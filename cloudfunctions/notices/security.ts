// Content security (内容安全) before anything is published: security.msgSecCheck version 2, once
// per language written. The strictest verdict decides (src/core/notices/rules.ts).
import * as z from 'zod/mini'
import { AppError } from '../../src/core/envelope'
import { strictestVerdict, type NoticeBody, type NoticeTitle, type SecurityVerdict } from '../../src/core/notices/rules'
import { cloud } from '../_shared/cloud'

const Answer = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number() }),
  detail: z.optional(z.array(z.looseObject({ keyword: z.optional(z.string()) }))),
})

/** Scene 3 ("forum"): public posts that many people read; the author must have opened the app within 2 hours. */
const SCENE_PUBLIC_POST = 3

async function check(openid: string, title: string, content: string): Promise<SecurityVerdict> {
  let raw: unknown
  try {
    raw = await cloud.openapi.security.msgSecCheck({ openid, scene: SCENE_PUBLIC_POST, version: 2, title, content })
  } catch (error) {
    console.error('[notices] msgSecCheck failed', (error as { errCode?: number }).errCode, (error as Error).message)
    throw new AppError('INTERNAL', 'Content security could not check the text; try again in a moment.')
  }
  const parsed = Answer.safeParse(raw)
  if (!parsed.success) throw new AppError('INTERNAL', 'Content security gave an answer this version does not understand.')
  const keyword = parsed.data.detail?.find((d) => d.keyword)?.keyword
  return { suggest: parsed.data.result.suggest, label: parsed.data.result.label, ...(keyword ? { keyword } : {}) }
}

export async function checkContent(openid: string, title: NoticeTitle, body: NoticeBody): Promise<SecurityVerdict> {
  const verdicts = [await check(openid, title.zh, body.zh)]
  if (title.mn || body.mn) verdicts.push(await check(openid, title.mn ?? title.zh, body.mn ?? body.zh))
  return strictestVerdict(verdicts)
}

/** A risky verdict refuses the text with the reason, and nothing is stored. */
export function refuseRisky(verdict: SecurityVerdict): never {
  throw new AppError('FAILED_PRECONDITION', `Content security refused the text${verdict.keyword ? ` (“${verdict.keyword}”)` : ''}; change it and try again.`, undefined, {
    why: 'risky',
    label: verdict.label,
    ...(verdict.keyword ? { keyword: verdict.keyword } : {}),
  })
}
