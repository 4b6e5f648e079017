// scripts/migrate-bureau.ts on demo data written the old way (one station: a format-1
// jurisdiction version, records and users without a station): a dry run prints what it will
// change and writes nothing; a run cut off by its update limit resumes where it stopped; the
// migrated deployment is station 1 of a bureau; a second run changes nothing.
import { demoJurisdiction } from '../../scripts/demo-seed'
import { migrateBureau } from '../../scripts/migrate-bureau'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import type { BureauStations } from '../../src/core/jurisdiction/contract'

let cloud: TestCloud
let db: Parameters<typeof migrateBureau>[0]
const NOW = new Date('2026-12-01T00:00:00Z')

/** Rewrites the seeded deployment as it was before bureaus: what production holds today. */
async function writeTheOldWay() {
  const station = demoJurisdiction()
  // Records routed before bureaus carry no station; users bound before carry none either.
  const unstamp = (docs: Array<Record<string, unknown>>) => docs.map(({ stationId: _s, stationReason: _r, ...rest }) => rest)
  const collections = ['mediation_cases', 'home_visits', 'users', 'officers', 'booking_counters', 'notices', 'volunteer_teams'] as const
  const old: Record<string, Array<Record<string, unknown>>> = {}
  for (const name of collections) old[name] = unstamp(await cloud.stored(name))
  await cloud.emulator.seed({
    ...old,
    jurisdiction_versions: [{ _id: 'v1', version: 1, importedAt: NOW, importedBy: 'demo-admin', communities: station.communities.length, officers: station.officers.length, documentJson: JSON.stringify(station) }],
    jurisdiction_current: [{ _id: 'current', version: 1, updatedAt: NOW }],
  })
}

beforeAll(async () => {
  cloud = await startTestCloud()
  const sdk = (await import('wx-server-sdk')).default
  db = sdk.database() as unknown as typeof db
  await writeTheOldWay()
})
afterAll(() => cloud.stop())

const unstamped = async (name: string) => (await cloud.stored(name)).filter((d) => d.stationId === undefined || d.stationId === null)

it('turns one station’s deployment into station 1 of a bureau: dry run, cut off, resumed, then nothing more', async () => {
  const cases = (await cloud.stored('mediation_cases')).length
  expect(cases).toBeGreaterThan(0)
  expect(await unstamped('mediation_cases')).toHaveLength(cases)
  // The deployment routes while still unmigrated: a stored format-1 version reads as a bureau of one.
  expect(expectOk(await cloud.call<BureauStations>('demo-resident-1', 'jurisdiction', { action: 'listStations' })).stations.map((s) => s.id)).toEqual(['station-chaogewendur'])

  const lines: string[] = []
  cloud.resetWrites()
  const dry = await migrateBureau(db, { dryRun: true, now: NOW, log: (l) => lines.push(l) })
  expect(cloud.writes()).toBe(0)
  expect(dry).toMatchObject({ dryRun: true, jurisdiction: { from: 1, to: 2, station: 'station-chaogewendur' }, stamped: { mediation_cases: cases }, complete: true })
  expect(lines[0]).toBe('jurisdiction: version 1 (station station-chaogewendur) would become version 2, bureau bureau-station-chaogewendur with that one station')
  expect(lines).toContain(`mediation_cases: ${cases} record(s) would get a station`)

  // Cut off half-way through the cases (a limit on updates, as a crash would stop it).
  const half = Math.ceil(cases / 2)
  const cut = await migrateBureau(db, { dryRun: false, now: NOW, batch: 5, maxUpdates: half })
  expect(cut).toMatchObject({ complete: false, jurisdiction: { from: 1, to: 2 } })
  const left = (await unstamped('mediation_cases')).length
  expect(left).toBeGreaterThan(0)
  expect(left).toBeLessThan(cases)

  // Meanwhile the migrated functions create a bureau-wide team (stationId null): the resumed run must not give it to the first station.
  await db.collection('volunteer_teams').add({ data: { _id: 'team-bureau-wide', name: { zh: '全旗反诈宣传队', mn: 'ᠪᠦᠬᠦ ᠬᠣᠰᠢᠭᠤ' }, description: { zh: '', mn: '' }, order: 9, stationId: null } })
  const resumed = await migrateBureau(db, { dryRun: false, now: NOW, batch: 5 })
  expect(resumed).toMatchObject({ complete: true, jurisdiction: { already: 'bureau', version: 2 } })
  // Only what the cut-off run left: nothing is stamped twice.
  expect(resumed.stamped.mediation_cases).toBe(left)

  expect(await unstamped('mediation_cases')).toHaveLength(0)
  expect((await cloud.stored('mediation_cases')).every((c) => c.stationId === 'station-chaogewendur')).toBe(true)
  for (const name of ['home_visits', 'booking_counters', 'notices']) expect(await unstamped(name)).toHaveLength(0)
  expect((await unstamped('volunteer_teams')).map((t) => [t._id, t.stationId])).toEqual([['team-bureau-wide', null]])
  const [resident] = await cloud.stored('users', { _id: 'demo-resident-1' })
  expect(resident).toMatchObject({ communityId: 'gacha-bayanbulag', stationId: 'station-chaogewendur' })
  // Users bound to no community stay without a station.
  const [admin] = await cloud.stored('users', { _id: 'demo-admin' })
  expect(admin.stationId ?? null).toBeNull()
  const [officer] = await cloud.stored('officers', { _id: 'officer-1' })
  expect(officer.stationId).toBe('station-chaogewendur')

  // The current version is a bureau of that one station, every id unchanged (the station's admin exports its section).
  const exported = expectOk(await cloud.call<{ version: number; bureau: { id: string; stations: Array<{ id: string }> }; document: { version: number; communities: Array<{ id: string }> } }>('demo-admin', 'jurisdiction', { action: 'exportJurisdiction' }))
  expect(exported).toMatchObject({ version: 2, bureau: { id: 'bureau-station-chaogewendur', stations: [{ id: 'station-chaogewendur' }] }, document: { version: 1 } })
  expect(exported.document.communities.map((c) => c.id)).toEqual(demoJurisdiction().communities.map((c) => c.id))

  // A second run changes nothing.
  const before = JSON.stringify(await cloud.stored('mediation_cases'))
  cloud.resetWrites()
  const again = await migrateBureau(db, { dryRun: false, now: NOW })
  expect(again).toMatchObject({ complete: true, stamped: {}, jurisdiction: { already: 'bureau', version: 2 } })
  expect(cloud.writes()).toBe(0)
  expect(JSON.stringify(await cloud.stored('mediation_cases'))).toBe(before)
})
