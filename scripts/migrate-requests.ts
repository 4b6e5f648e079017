// Moves jurisdiction's old routed requests (routed_requests, from the removed askOfficer) into the
// requests desk's collection, as consultations by the same residents. Idempotent: each new id is
// derived from the old one, so a second run (or a run after a cut-off) inserts only what is
// missing. The old documents are left in place for the operator to drop after checking.
//
//   npx tsx scripts/migrate-requests.ts --dry-run              counts, writes nothing
//   npx tsx scripts/migrate-requests.ts                        migrates (production: the cloud
//        environment in TCB_ENV, credentials in TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY)
//   npx tsx scripts/migrate-requests.ts --service-url URL --env ENV   the local emulator
import { DEFAULT_REQUESTS_CONFIG } from '../src/core/requests/config'
import { migratedId, migratedRequest, RoutedRequestDoc } from '../cloudfunctions/requests/migrated-record'
import { runMigration } from './migration-cli'

interface Db {
  collection(name: string): {
    orderBy(field: string, order: 'asc' | 'desc'): { where(q: unknown): unknown; skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } }
    where(q: unknown): { limit(n: number): { get(): Promise<{ data: unknown[] }> } }
    add(doc: { data: unknown }): Promise<unknown>
  }
}

export interface MigrationReport {
  read: number
  alreadyMigrated: number
  migrated: number
  dryRun: boolean
}

const PAGE = 100

export async function migrateRoutedRequests(db: Db, options: { dryRun: boolean; now: Date; calendar?: typeof DEFAULT_REQUESTS_CONFIG.calendar }): Promise<MigrationReport> {
  const report: MigrationReport = { read: 0, alreadyMigrated: 0, migrated: 0, dryRun: options.dryRun }
  for (let page = 0; ; page++) {
    const { data } = await db.collection('routed_requests').orderBy('createdAt', 'asc').skip(page * PAGE).limit(PAGE).get()
    if (data.length === 0) break
    const olds = data.map((d) => RoutedRequestDoc.parse(d))
    report.read += olds.length
    const ids = olds.map((o) => migratedId(o._id))
    const { data: existing } = await db.collection('requests').where({ _id: (db as unknown as { command: { in(v: string[]): unknown } }).command.in(ids) }).limit(PAGE).get()
    const done = new Set(existing.map((e) => (e as { _id: string })._id))
    for (const old of olds) {
      if (done.has(migratedId(old._id))) {
        report.alreadyMigrated++
        continue
      }
      if (!options.dryRun) {
        try {
          await db.collection('requests').add({ data: migratedRequest(old, options.calendar ?? DEFAULT_REQUESTS_CONFIG.calendar, options.now) })
        } catch (error) {
          // Inserted meanwhile by a concurrent run: already migrated.
          if (!/E11000|duplicate key/i.test(String((error as Error).message))) throw error
          report.alreadyMigrated++
          continue
        }
      }
      report.migrated++
    }
    if (data.length < PAGE) break
  }
  return report
}

if (require.main === module) runMigration<Db>((db, { dryRun }) => migrateRoutedRequests(db, { dryRun, now: new Date() }))
