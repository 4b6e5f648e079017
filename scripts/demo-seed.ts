// Demo data: the county bureau 乌拉特后旗公安局 (docs/bureau.md) whose first station is a
// border-town station modelled on 潮格温都尔镇派出所 in ../shared/domain (5 gacha and 2
// communities, bilingual service, one responsible community officer per community), with two
// invented stations beside it. Names of people are invented. The demo identities have fixed
// openids, listed in the README.
import { validateBureau } from '../src/core/bureau/validate'
import type { BureauJurisdiction } from '../src/core/bureau/schema'
import { bureauOfficerRecords } from '../src/core/bureau/views'
import { validateJurisdiction } from '../src/core/jurisdiction/validate'
import type { Jurisdiction } from '../src/core/jurisdiction/schema'
import { versionRecord } from '../cloudfunctions/_shared/jurisdiction-record'
import { counterRecord, serviceRecord } from '../cloudfunctions/booking/records'
import { dayjs, STATION_TIME_ZONE } from '../src/core/time'
import { databaseSpec } from './database-spec'
import demoBureauDocument from './demo-bureau.json'
import demoJurisdictionDocument from './demo-jurisdiction.json'
import { demoNoticeReaders, demoNotices } from './demo-notices'
import { demoCounters, demoServices } from './demo-services'
import { demoMediation } from './demo-mediation'
import { demoVolunteerDocuments } from './demo-volunteers'
import { addDemoStatsHistory } from './demo-stats'

const SEEDED_AT = new Date('2026-11-01T00:00:00Z')

interface DemoUser {
  openid: string
  roles: string[]
  displayName: string
  language: 'zh' | 'mn'
  communityId: string | null
  officerId: string | null
}

/** The first station alone (format 1), as the deployment held it before bureaus: unit fixtures and the migration's test start from it. */
export function demoJurisdiction(): Jurisdiction {
  const result = validateJurisdiction(demoJurisdictionDocument)
  if (!result.ok) throw new Error(`scripts/demo-jurisdiction.json is invalid: ${JSON.stringify(result.issues)}`)
  return result.value
}

/** The demo bureau (scripts/demo-bureau.json), validated as an admin's import would be. */
export function demoBureau(): BureauJurisdiction {
  const result = validateBureau(demoBureauDocument)
  if (!result.ok) throw new Error(`scripts/demo-bureau.json is invalid: ${JSON.stringify(result.issues)}`)
  return result.value
}

/**
 * The file's rosters cover a fixed week (unit tests pin it). A demo seeded on another day moves
 * them by whole days so that they start today in the station's zone: someone is on duty now, and
 * the leave period lies ahead. Every station moves by the same days.
 */
export function rosterFromToday<J extends { stations: Array<{ roster: Jurisdiction['roster'] }> }>(bureau: J, today: Date): J {
  const first = bureau.stations.flatMap((s) => s.roster.duty.map((d) => d.start)).sort()[0]
  if (!first) return bureau
  const days = dayjs(today).tz(STATION_TIME_ZONE).startOf('day').diff(dayjs(first).tz(STATION_TIME_ZONE).startOf('day'), 'day')
  const shift = (iso: string) => dayjs(iso).add(days, 'day').toISOString()
  const moved = <T extends { start: string; end: string }>(periods: T[]) => periods.map((p) => ({ ...p, start: shift(p.start), end: shift(p.end) }))
  return { ...bureau, stations: bureau.stations.map((s) => ({ ...s, roster: { duty: moved(s.roster.duty), leave: moved(s.roster.leave) } })) }
}

const OFFICER_OPENIDS: Record<string, string> = {
  'officer-1': 'demo-officer-1',
  'officer-2': 'demo-officer-2',
  'officer-chief': 'demo-leader-1',
  'officer-bb-1': 'demo-officer-bb-1',
  'officer-bb-chief': 'demo-leader-bb-1',
  'bureau-chief': 'demo-bureau-leader',
}

const demoUsers: DemoUser[] = [
  { openid: 'demo-resident-1', roles: ['resident'], displayName: '其木格', language: 'mn', communityId: 'gacha-bayanbulag', officerId: null },
  { openid: 'demo-resident-2', roles: ['resident'], displayName: '张桂兰', language: 'zh', communityId: 'community-chaoge', officerId: null },
  { openid: 'demo-officer-1', roles: ['resident', 'officer'], displayName: '巴特尔', language: 'mn', communityId: null, officerId: 'officer-1' },
  { openid: 'demo-officer-2', roles: ['resident', 'officer'], displayName: '王磊', language: 'zh', communityId: null, officerId: 'officer-2' },
  { openid: 'demo-leader-1', roles: ['resident', 'officer', 'station_leader'], displayName: '胡建军', language: 'zh', communityId: null, officerId: 'officer-chief' },
  { openid: 'demo-volunteer-1', roles: ['resident', 'volunteer'], displayName: '额尔敦', language: 'mn', communityId: 'gacha-ulaanhad', officerId: null },
  { openid: 'demo-admin', roles: ['resident', 'admin'], displayName: '系统管理员', language: 'zh', communityId: null, officerId: null },
  // The second station, 巴音宝力格镇派出所: its community officer and its chief.
  { openid: 'demo-officer-bb-1', roles: ['resident', 'officer'], displayName: '其木格', language: 'mn', communityId: null, officerId: 'officer-bb-1' },
  { openid: 'demo-leader-bb-1', roles: ['resident', 'officer', 'station_leader'], displayName: '高志远', language: 'zh', communityId: null, officerId: 'officer-bb-chief' },
  // A resident of the second station: bound to 阿拉坦社区, so 巴音宝力格镇派出所's counters come first.
  { openid: 'demo-resident-bb-1', roles: ['resident'], displayName: '乌云', language: 'zh', communityId: 'community-altan', officerId: null },
  // The bureau's chief (bureau staff, no station): the bureau's dashboard, the stations compared.
  { openid: 'demo-bureau-leader', roles: ['resident', 'officer', 'bureau_leader'], displayName: '张志刚', language: 'zh', communityId: null, officerId: 'bureau-chief' },
]

const STATION_OF_COMMUNITY = new Map(demoBureau().stations.flatMap((s) => s.communities.map((c) => [c.id, s.station.id] as const)))

export const DEMO_OPENIDS = demoUsers.map((u) => u.openid)

/** Every declared collection, with the demo documents where there are any. */
export function demoSeed(today: Date = new Date()): Record<string, Array<Record<string, unknown>>> {
  const bureau = rosterFromToday(demoBureau(), today)
  const documents: Record<string, Array<Record<string, unknown>>> = {
    jurisdiction_versions: [versionRecord(1, bureau, 'demo-admin', SEEDED_AT)],
    jurisdiction_current: [{ _id: 'current', version: 1, updatedAt: SEEDED_AT }],
    officers: bureauOfficerRecords(bureau).map(({ id, ...record }) => ({ _id: id, ...record, active: true, openid: OFFICER_OPENIDS[id] ?? null })),
    users: demoUsers.map((u) => ({
      _id: u.openid,
      roles: u.roles,
      displayName: u.displayName,
      language: u.language,
      elderMode: false,
      privacyAcceptedVersion: null,
      privacyAcceptedAt: null,
      communityId: u.communityId,
      communityBinding: u.communityId ? { via: 'list', at: SEEDED_AT, located: null } : null,
      stationId: u.communityId ? (STATION_OF_COMMUNITY.get(u.communityId) ?? null) : null,
      officerId: u.officerId,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    })),
    // Slots are not seeded: the booking function generates them (timer, or on the first listSlots).
    booking_services: demoServices().map(serviceRecord),
    booking_counters: demoCounters().map(counterRecord),
    mediation_cases: demoMediation(today),
    ...demoVolunteerDocuments(today, SEEDED_AT),
    notices: demoNotices(today),
    notice_readers: demoNoticeReaders(),
  }
  addDemoStatsHistory(documents, today)
  return Object.fromEntries(databaseSpec().map(({ name }) => [name, documents[name] ?? []]))
}

export default demoSeed
