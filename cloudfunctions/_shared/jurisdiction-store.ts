// The current jurisdiction. Each import is stored whole as a version document; a one-document
// pointer names the current version, so switching versions (import or rollback) is one atomic
// update and earlier versions stay for rollback. A warm instance keeps the parsed document and
// its spatial index per version, so routing costs one small read of the pointer.
import * as z from 'zod/mini'
import type { Jurisdiction } from '../../src/core/jurisdiction/schema'
import { officerRecords } from '../../src/core/jurisdiction/views'
import { buildJurisdictionIndex, type JurisdictionIndex } from '../../src/core/routing'
import { AppError } from '../../src/core/envelope'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey, readDoc } from './documents'
import { VersionDoc, versionDocId } from './jurisdiction-record'
import type { Join } from './users'

export { VersionDoc, versionDocId, versionRecord } from './jurisdiction-record'

const POINTER_ID = 'current'

const Pointer = z.object({ _id: z.string(), version: z.number().check(z.int()), updatedAt: z.date() })
interface Loaded {
  version: number
  importedAt: Date
  jurisdiction: Jurisdiction
  index: JurisdictionIndex
}
let cache: Loaded | null = null

export async function currentVersionNumber(): Promise<number | null> {
  const pointer = await readDoc(db.collection(COLLECTIONS.jurisdictionCurrent), POINTER_ID, Pointer)
  return pointer?.version ?? null
}

/** The pointer to the current version, as a join onto the runtime's user read (withJoins): pass what it found to loadCurrent. */
export const currentPointerJoin = (): Join => ({ from: COLLECTIONS.jurisdictionCurrent, match: { _id: POINTER_ID }, limit: 1 })

/**
 * The current jurisdiction, or FAILED_PRECONDITION when none was ever imported. `pointerSeen`:
 * what currentPointerJoin found, so a warm instance reads nothing more.
 */
export async function loadCurrent(pointerSeen?: unknown[]): Promise<Loaded> {
  const version = pointerSeen ? (z.array(Pointer).check(z.maxLength(1)).parse(pointerSeen)[0]?.version ?? null) : await currentVersionNumber()
  if (version === null) throw new AppError('FAILED_PRECONDITION', 'The station has not imported its jurisdiction yet.')
  if (cache?.version === version) return cache
  const doc = await readDoc(db.collection(COLLECTIONS.jurisdictionVersions), versionDocId(version), VersionDoc)
  if (!doc) throw new AppError('INTERNAL', `Jurisdiction version ${version} is missing.`)
  cache = { version, importedAt: doc.importedAt, jurisdiction: doc.documentJson, index: buildJurisdictionIndex(doc.documentJson) }
  return cache
}

/**
 * Points the station at `version`. The update is conditional on the version the caller saw, so
 * two admins importing at once cannot both win: the later one gets CONFLICT and retries.
 */
export async function switchCurrent(expected: number | null, version: number, now: Dayjs) {
  const pointers = db.collection(COLLECTIONS.jurisdictionCurrent)
  if (expected === null) {
    try {
      await pointers.add({ data: { _id: POINTER_ID, version, updatedAt: now.toDate() } })
      return
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('CONFLICT', 'Another import finished first; reload and try again.')
      throw error
    }
  }
  const result = (await pointers.where({ _id: POINTER_ID, version: expected }).update({ data: { version, updatedAt: now.toDate() } })) as { stats: { updated: number } }
  if (result.stats.updated !== 1) throw new AppError('CONFLICT', 'Another import or rollback finished first; reload and try again.')
}

/**
 * Copies each officer's name, languages and communities into the officers collection, where the
 * WeChat identity bound by an invite lives. Idempotent: a crash half-way is mended by re-running.
 */
export async function syncOfficerRecords(jurisdiction: Jurisdiction) {
  const officers = db.collection(COLLECTIONS.officers)
  for (const { id, ...record } of officerRecords(jurisdiction)) {
    const result = (await officers.where({ _id: id }).update({ data: { ...record, active: true } })) as { stats: { updated: number } }
    if (result.stats.updated === 0) {
      try {
        await officers.add({ data: { _id: id, ...record, active: true, openid: null } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    }
  }
  const ids = jurisdiction.officers.map((o) => o.id)
  await officers.where({ _id: _.nin(ids) }).update({ data: { active: false } })
}
