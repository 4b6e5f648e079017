// Turns a deployment that holds one station's data into station 1 of a bureau (docs/bureau.md ›
// Migration). Two parts, each idempotent and resumable:
//
// 1. Jurisdiction: when the current version is a single-station document (format 1), it is
//    stored again as a bureau of that station (bureauFromStation, every id unchanged) under the
//    next version number, marked `migratedFrom`, and the pointer is switched to it. A cut-off
//    run finds its version by `migratedFrom` and only switches. A current bureau changes nothing.
// 2. Records that belong to a place get `stationId`, in batches in `_id` order. After each batch
//    the last `_id` is saved in a progress document (`migration-bureau` beside the jurisdiction
//    pointer), so a cut-off run resumes where it stopped; each update is conditional on the
//    record having no `stationId` yet, so a batch done twice changes nothing. Everything stored
//    before bureaus belongs to the one station; users take the station of their community (a
//    community the jurisdiction no longer has leaves the user unstamped: they bind again).
//    `stationReason` is not invented for records routed before bureaus: it stays absent.
//
//   npx tsx scripts/migrate-bureau.ts --dry-run        prints what it will change, writes nothing
//   npx tsx scripts/migrate-bureau.ts [--duty-phone 0478-…]   migrates (production: TCB_ENV,
//        TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY); the duty phone is needed when the
//        station's document has none (it becomes the bureau duty desk's)
//   npx tsx scripts/migrate-bureau.ts --service-url URL --env ENV   the local emulator
import * as z from 'zod/mini'
import { isSingleStationDocument } from '../src/core/bureau/convert'
import { validateBureau } from '../src/core/bureau/validate'
import type { BureauJurisdiction } from '../src/core/bureau/schema'
import { versionDocId, versionRecord } from '../cloudfunctions/_shared/jurisdiction-record'
import { runMigration } from './migration-cli'

type Query = {
  where(q: unknown): Query
  orderBy(field: string, order: 'asc' | 'desc'): Query
  field(f: Record<string, boolean>): Query
  limit(n: number): Query
  get(): Promise<{ data: unknown[] }>
  count(): Promise<{ total: number }>
  update(u: { data: unknown }): Promise<{ stats: { updated: number } }>
}
interface Db {
  command: { in(v: unknown[]): unknown; gt(v: unknown): unknown; neq(v: unknown): unknown; exists(v: boolean): unknown; and(...v: unknown[]): unknown }
  collection(name: string): Query & {
    doc(id: string): { get(): Promise<{ data: unknown }>; set(d: { data: unknown }): Promise<unknown> }
    add(d: { data: unknown }): Promise<unknown>
  }
}

/** Every collection whose records belong to a place. Users are stamped by their community. */
export const STAMPED_COLLECTIONS = [
  'requests',
  'mediation_cases',
  'mediation_rectifications',
  'requests_rectifications',
  'home_visits',
  'booking_counters',
  'booking_slots',
  'bookings',
  'notices',
  'volunteer_teams',
  'volunteer_activities',
  'volunteer_attendance',
  'volunteers',
  'officers',
  'users',
] as const
type Stamped = (typeof STAMPED_COLLECTIONS)[number]

/**
 * Where a stored `stationId: null` means "bureau-wide" (written by the functions since bureaus: a
 * bureau-wide volunteer team, its activities and check-ins), not "from before bureaus": left alone,
 * so a run resumed after such records exist does not give them to the first station.
 */
const NULL_IS_BUREAU_WIDE: ReadonlySet<string> = new Set(['volunteer_teams', 'volunteer_activities', 'volunteer_attendance'])

export interface BureauMigrationReport {
  dryRun: boolean
  jurisdiction: { from: number; to: number; station: string } | { already: 'bureau'; version: number } | { resumed: number }
  /** Records given a station (a dry run: records that would be). */
  stamped: Partial<Record<Stamped, number>>
  /** Users whose community the jurisdiction does not have: left for them to bind again. */
  usersUnknownCommunity: number
  /** False when `maxUpdates` stopped the run: run again to resume. */
  complete: boolean
}

const POINTER_ID = 'current'
const PROGRESS_ID = 'migration-bureau'
const Pointer = z.object({ version: z.number().check(z.int()) })
const StoredVersion = z.object({ version: z.number().check(z.int()), documentJson: z.string() })
const Progress = z.object({ cursors: z.record(z.string(), z.string()), finished: z.array(z.string()) })
type Progress = z.infer<typeof Progress>

async function readDoc<T extends z.ZodMiniType>(db: Db, collection: string, id: string, schema: T): Promise<z.output<T> | null> {
  try {
    const { data } = await db.collection(collection).doc(id).get()
    const doc = Array.isArray(data) ? data[0] : data
    return doc == null ? null : schema.parse(doc)
  } catch (error) {
    if (/not exist|not found/i.test(String((error as Error).message))) return null
    throw error
  }
}

export async function migrateBureau(
  db: Db,
  options: { dryRun: boolean; now: Date; dutyPhone?: string; batch?: number; maxUpdates?: number; log?: (line: string) => void },
): Promise<BureauMigrationReport> {
  const log = options.log ?? (() => undefined)
  const batch = options.batch ?? 100
  const { bureau, report: jurisdiction } = await migrateJurisdiction(db, options, log)
  const report: BureauMigrationReport = { dryRun: options.dryRun, jurisdiction, stamped: {}, usersUnknownCommunity: 0, complete: true }
  const stationId = bureau.stations[0].station.id
  const stationOfCommunity = new Map(bureau.stations.flatMap((s) => s.communities.map((c) => [c.id, s.station.id] as const)))
  const officerStation = new Map(bureau.stations.flatMap((s) => s.officers.map((o) => [o.id, s.station.id] as const)))

  const progress: Progress = (await readDoc(db, 'jurisdiction_current', PROGRESS_ID, Progress)) ?? { cursors: {}, finished: [] }
  const saveProgress = async () => {
    if (!options.dryRun) await db.collection('jurisdiction_current').doc(PROGRESS_ID).set({ data: { ...progress, updatedAt: options.now } })
  }
  let budget = options.maxUpdates ?? Infinity
  const _ = db.command

  for (const name of STAMPED_COLLECTIONS) {
    if (progress.finished.includes(name)) continue
    let stamped = 0
    let cursor = progress.cursors[name]
    for (;;) {
      if (budget <= 0) {
        report.complete = false
        break
      }
      const filter = cursor === undefined ? {} : { _id: _.gt(cursor) }
      const asked = Math.min(batch, budget)
      const { data } = await db.collection(name).where(filter).orderBy('_id', 'asc').field({ _id: true, stationId: true, communityId: true }).limit(asked).get()
      const rows = z.array(z.object({ _id: z.string(), stationId: z.optional(z.nullable(z.string())), communityId: z.optional(z.nullable(z.string())) })).parse(data)
      if (rows.length === 0) break
      // Group the batch by the station each record takes (one update per station).
      const byStation = new Map<string, string[]>()
      for (const row of rows) {
        if (row.stationId !== undefined && (row.stationId !== null || NULL_IS_BUREAU_WIDE.has(name))) continue
        let station: string | null = stationId
        if (name === 'users') {
          if (!row.communityId) continue
          station = stationOfCommunity.get(row.communityId) ?? null
          if (station === null) {
            report.usersUnknownCommunity++
            continue
          }
        } else if (name === 'officers') {
          // Bureau staff have no station; every officer of a one-station deployment is the station's.
          station = officerStation.get(row._id) ?? null
          if (station === null) continue
        } else if (row.communityId) {
          station = stationOfCommunity.get(row.communityId) ?? stationId
        }
        byStation.set(station, [...(byStation.get(station) ?? []), row._id])
      }
      for (const [station, ids] of byStation) {
        if (options.dryRun) {
          stamped += ids.length
          continue
        }
        // Conditional: a record stamped meanwhile (by a concurrent run, or a new binding) is left alone.
        const result = await db.collection(name).where({ _id: _.in(ids), stationId: _.exists(false) }).update({ data: { stationId: station } })
        const nulls = NULL_IS_BUREAU_WIDE.has(name) ? 0 : (await db.collection(name).where({ _id: _.in(ids), stationId: null }).update({ data: { stationId: station } })).stats.updated
        stamped += result.stats.updated + nulls
      }
      budget -= rows.length
      cursor = rows[rows.length - 1]._id
      progress.cursors[name] = cursor
      await saveProgress()
      // Fewer than asked: the collection's end. (A batch shortened by the update budget is not.)
      if (rows.length < asked) break
    }
    if (stamped > 0) report.stamped[name] = stamped
    log(`${name}: ${stamped} record(s) ${options.dryRun ? 'would get' : 'got'} a station`)
    if (!report.complete) break
    progress.finished.push(name)
    await saveProgress()
  }
  return report
}

async function migrateJurisdiction(
  db: Db,
  options: { dryRun: boolean; now: Date; dutyPhone?: string },
  log: (line: string) => void,
): Promise<{ bureau: BureauJurisdiction; report: BureauMigrationReport['jurisdiction'] }> {
  const pointer = await readDoc(db, 'jurisdiction_current', POINTER_ID, Pointer)
  if (!pointer) throw new Error('No jurisdiction was ever imported: nothing to migrate. Import the bureau document instead.')
  const current = await readDoc(db, 'jurisdiction_versions', versionDocId(pointer.version), StoredVersion)
  if (!current) throw new Error(`The pointer names version ${pointer.version}, which is missing.`)
  const document = JSON.parse(current.documentJson) as Record<string, unknown>
  if (!isSingleStationDocument(document)) {
    const parsed = validateBureau(document)
    if (!parsed.ok) throw new Error(`The current version ${pointer.version} is not a valid bureau: ${JSON.stringify(parsed.issues.slice(0, 5))}`)
    log(`jurisdiction: version ${pointer.version} is already a bureau (${parsed.value.stations.length} station(s))`)
    return { bureau: parsed.value, report: { already: 'bureau', version: pointer.version } }
  }
  const station = document.station as Record<string, unknown>
  const withPhone = station.dutyPhone === undefined && options.dutyPhone ? { ...document, station: { ...station, dutyPhone: options.dutyPhone } } : document
  const converted = validateBureau(withPhone)
  if (!converted.ok) {
    const needsPhone = converted.issues.some((i) => i.path.join('.') === 'station.dutyPhone')
    throw new Error(
      needsPhone
        ? 'The station has no duty phone, which becomes the bureau duty desk’s: pass --duty-phone with the number.'
        : `Version ${pointer.version} does not convert to a bureau: ${JSON.stringify(converted.issues.slice(0, 5))}`,
    )
  }
  const bureau = converted.value
  // A run cut off after storing the converted version finds it as the newest version (an import
  // since then would have moved the pointer, which the switch below refuses).
  const { data } = await db.collection('jurisdiction_versions').orderBy('version', 'desc').field({ version: true, migratedFrom: true }).limit(1).get()
  const newest = z.array(z.object({ version: z.number().check(z.int()), migratedFrom: z.optional(z.number().check(z.int())) })).parse(data)[0]
  const earlier = newest.migratedFrom === pointer.version ? newest : null
  const to = earlier?.version ?? newest.version + 1
  log(`jurisdiction: version ${pointer.version} (station ${bureau.stations[0].station.id}) ${options.dryRun ? 'would become' : 'becomes'} version ${to}, bureau ${bureau.bureau.id} with that one station`)
  if (options.dryRun) return { bureau, report: { from: pointer.version, to, station: bureau.stations[0].station.id } }
  if (!earlier) await db.collection('jurisdiction_versions').add({ data: { ...versionRecord(to, bureau, 'migrate-bureau', options.now), migratedFrom: pointer.version } })
  const switched = await db.collection('jurisdiction_current').where({ _id: POINTER_ID, version: pointer.version }).update({ data: { version: to, updatedAt: options.now } })
  if (switched.stats.updated !== 1) throw new Error('The current version changed while migrating (an import or rollback): run the migration again.')
  return { bureau, report: earlier ? { resumed: to } : { from: pointer.version, to, station: bureau.stations[0].station.id } }
}

if (require.main === module) runMigration<Db>((db, { dryRun, flag }) => migrateBureau(db, { dryRun, now: new Date(), dutyPhone: flag('--duty-phone'), log: (line) => console.log(line) }))
