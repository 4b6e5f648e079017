// The officers collection: officer records an admin maintains; `openid` is bound by an invite.
import * as z from 'zod/mini'
import { Language } from '../../src/core/ids'
import type { OfficerSummary } from '../../src/core/account/contract'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import { readDoc } from './documents'

export const OfficerDoc = z.object({
  _id: z.string(),
  name: z.string(),
  title: z.string(),
  languages: z.array(Language),
  communityIds: z.array(z.string()),
  openid: z.nullable(z.string()),
  /** false once a jurisdiction import no longer lists the officer. */
  active: z._default(z.boolean(), true),
  /** The officer's station as the last import recorded it; null for bureau staff (and records from before bureaus). */
  stationId: z._default(z.nullable(z.string()), null),
})
export type OfficerDoc = z.infer<typeof OfficerDoc>

export const officers = () => db.collection(COLLECTIONS.officers)

export const getOfficer = (id: string) => readDoc(officers(), id, OfficerDoc)

export const toOfficerSummary = (doc: OfficerDoc): OfficerSummary => ({
  id: doc._id,
  name: doc.name,
  title: doc.title,
  languages: doc.languages,
  communityIds: doc.communityIds,
})
