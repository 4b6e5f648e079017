// The current jurisdiction: the bureau document (format 2: the bureau, its staff and every
// station's part, docs/bureau.md). Each import is stored whole as a version document; a
// one-document pointer names the current version, so switching versions (import or rollback) is
// one atomic update and earlier versions stay for rollback. A warm instance keeps the parsed
// document, the bureau's routing index and the rosters split per station, per version, so
// routing costs one small read of the pointer.
import * as z from 'zod/mini'
import { buildBureauIndex, splitRoster, type BureauIndex } from '../../src/core/bureau/route'
import type { BureauJurisdiction } from '../../src/core/bureau/schema'
import { bureauOfficerRecords, wholeBureau } from '../../src/core/bureau/views'
import type { Jurisdiction } from '../../src/core/jurisdiction/schema'
import type { RouteRoster } from '../../src/core/routing/contract'
import { AppError } from '../../src/core/envelope'
import type { Dayjs } from '../../src/core/time'
import { _, db } from './cloud'
import { COLLECTIONS } from './collections'
import { isDuplicateKey, readDoc } from './documents'
import { VersionDoc, versionDocId } from './jurisdiction-record'
import type { Join } from './users'

export { VersionDoc, versionDocId, versionRecord } from './jurisdiction-record'

export const POINTER_ID = 'current'

const Pointer = z.object({ _id: z.string(), version: z.number().check(z.int()), updatedAt: z.date() })
export interface Loaded {
  version: number
  importedAt: Date
  bureau: BureauJurisdiction
  /** The whole bureau read as one jurisdiction (lookups by id; see wholeBureau). */
  jurisdiction: Jurisdiction
  /** Routing across the bureau (routeInBureau), built once per version. */
  bureauIndex: BureauIndex
  /** Each station's duty and leave with no open cases counted: add a function's own counts per call. */
  rosters: Record<string, RouteRoster>
  /** The bureau-wide leave list, for the duty desk. */
  leave: RouteRoster['leave']
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
  if (version === null) throw new AppError('FAILED_PRECONDITION', 'The bureau has not imported its jurisdiction yet.')
  if (cache?.version === version) return cache
  const doc = await readDoc(db.collection(COLLECTIONS.jurisdictionVersions), versionDocId(version), VersionDoc)
  if (!doc) throw new AppError('INTERNAL', `Jurisdiction version ${version} is missing.`)
  cache = loaded(version, doc.importedAt, doc.documentJson)
  return cache
}

function loaded(version: number, importedAt: Date, bureau: BureauJurisdiction): Loaded {
  const jurisdiction = wholeBureau(bureau)
  const bureauIndex = buildBureauIndex(bureau)
  const rosters = splitRoster(bureauIndex, { duty: jurisdiction.roster.duty, leave: jurisdiction.roster.leave, openCases: {} })
  return { version, importedAt, bureau, jurisdiction, bureauIndex, rosters, leave: jurisdiction.roster.leave }
}

/** Each station's roster with a function's own open-case counts (mediation weighs them; requests do not). */
export const rostersWithOpenCases = (current: Loaded, openCases: Record<string, number>): Record<string, RouteRoster> =>
  Object.fromEntries(Object.entries(current.rosters).map(([id, r]) => [id, { ...r, openCases }]))

/**
 * Points the bureau at `version`. The update is conditional on the version the caller saw, so
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
 * Copies each officer's name, languages, communities and station into the officers collection,
 * where the WeChat identity bound by an invite lives. Idempotent: a crash half-way is mended by
 * re-running.
 */
export async function syncOfficerRecords(bureau: BureauJurisdiction) {
  const officers = db.collection(COLLECTIONS.officers)
  const records = bureauOfficerRecords(bureau)
  for (const { id, ...record } of records) {
    const result = (await officers.where({ _id: id }).update({ data: { ...record, active: true } })) as { stats: { updated: number } }
    if (result.stats.updated === 0) {
      try {
        await officers.add({ data: { _id: id, ...record, active: true, openid: null } })
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
      }
    }
  }
  await officers.where({ _id: _.nin(records.map((r) => r.id)) }).update({ data: { active: false } })
}

/**
 * The leadership a record of `stationId` answers to: the station's leaders; for a record no
 * station took (the duty desk's), the bureau leadership, or the desk itself when the bureau names
 * no leaders.
 */
export function leadershipOf(current: Loaded, stationId: string | null): string[] {
  const section = current.bureau.stations.find((s) => s.station.id === stationId)
  if (section) return section.station.leadershipOfficerIds
  const { leadershipOfficerIds, dutyDesk } = current.bureau.bureau
  return leadershipOfficerIds.length > 0 ? leadershipOfficerIds : dutyDesk.officerIds
}
