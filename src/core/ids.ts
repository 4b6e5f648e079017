// Identifier shapes. Ids are plain tokens so a Mongo operator object or a path can never pass as one.
import * as z from 'zod/mini'

/** A client's key for one attempt at an action: a retry with the same key takes effect once. */
export const RequestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be a request id of 16–64 letters, digits, - or _ (a UUID)'))
export const DocId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, - or _'))
export const Language = z.enum(['zh', 'mn'])
export type Language = z.infer<typeof Language>
export const LOCALES = { zh: 'zh-Hans', mn: 'mn-Mong' } as const

/** Short human text fields: bounded so a megabyte string is refused at the edge. */
export const ShortText = (max = 64) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))
