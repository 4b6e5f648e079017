// Demo history for the station dashboard: eight weeks of counter bookings (served, no-shows,
// cancellations), door-to-door visits already done and one patrol held six weeks ago with its
// check-ins, so the dashboard's booking, response-time and volunteer figures are real from the
// first start (the disputes and notices come from their own demo data). Visitors and patrol
// volunteers use their own openids and a team no demo volunteer is in, so no demo identity's
// bookings, requests, records or leaderboard change. The bureau's second station, 巴音宝力格镇派出所,
// gets door-to-door visits and disputes of its own, so the bureau leader's comparison shows two
// stations with figures (its counter bookings come with its counters, which are not seeded yet).
import { bookingRecord, type SlotDoc } from '../cloudfunctions/booking/records'
import type { HomeVisitDoc } from '../cloudfunctions/booking/store/visits'
import { attendanceId, untouchedActivity, type ActivityDoc, type AttendanceDoc } from '../cloudfunctions/volunteers/records'
import { localDay } from '../src/core/stats/period'
import { mediationCaseRecord } from './demo-mediation'
import { demoCounters, demoServices } from './demo-services'
import { protect } from '../cloudfunctions/_shared/personal-data'

/** Each of the 40 past visitors has their own phone (the desk finds bookings by phone), sealed once. */
const visitorPhones = Array.from({ length: 40 }, (_, n) => protect('phone', `13700${String(n).padStart(6, '0')}`))

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WEEKS = 8

function demoStatsDocuments(today: Date) {
  const counter = demoCounters()[0]
  const services = demoServices().filter((s) => ['id-card-renewal', 'household-move-in', 'residence-permit'].includes(s.id))
  // Two to six bookings a working day, at 10:00 station time (02:00 UTC).
  const bookings = Array.from({ length: WEEKS * 7 }, (_, d) => d + 1)
    .filter((daysAgo) => new Date(today.getTime() - daysAgo * DAY).getUTCDay() % 6 !== 0)
    .flatMap((daysAgo) =>
      Array.from({ length: 2 + (daysAgo % 5) }, (_, i) => {
        const id = `demo-history-bk-${daysAgo}-${i}`
        const startsAt = new Date(Math.floor((today.getTime() - daysAgo * DAY) / DAY) * DAY + 2 * HOUR + i * 1_800_000)
        const slot: SlotDoc = { _id: `demo-history-slot-${daysAgo}-${i}`, counterId: counter.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), localDate: localDay(startsAt), localTime: '10:00', capacity: 4, remaining: 0, closed: false, closedReason: null, languages: counter.languages, holders: [] }
        const visitor = (daysAgo * 7 + i) % 40
        const doc = bookingRecord({ id, openid: `demo-history-visitor-${visitor}`, requestDigest: id, seat: `void:${id}`, code: String(200000 + daysAgo * 10 + i), slot, service: services[(daysAgo + i) % services.length], counter, applicant: { relation: 'self', name: '来访群众', phone: visitorPhones[visitor], idNumber: null }, language: i % 3 === 0 ? 'mn' : 'zh', now: new Date(startsAt.getTime() - 2 * DAY) })
        const outcome = i === 4 ? { status: 'no_show' as const, noShowAt: doc.endsAt } : i === 3 ? { status: 'cancelled' as const, cancelledAt: doc.createdAt } : { status: 'checked_in' as const, checkedInAt: startsAt, checkedInBy: 'officer-2' }
        return { ...doc, checkinKey: `void:${id}`, ...outcome }
      }),
    )
  const communities = [
    ['gacha-bayanbulag', 'officer-1'],
    ['community-chaoge', 'officer-2'],
    ['gacha-ulaanhad', 'officer-1'],
  ] as const
  const visits: HomeVisitDoc[] = Array.from({ length: 9 }, (_, i) => {
    const createdAt = new Date(today.getTime() - (3 + i * 5) * DAY)
    const [communityId, officerId] = communities[i % communities.length]
    const doneAt = new Date(createdAt.getTime() + 2 * DAY)
    return {
      _id: `demo-history-visit-${i}`,
      requesterOpenid: `demo-history-visitor-${i}`,
      requestDigest: `demo-history-visit-${i}`,
      serviceId: 'residence-permit',
      service: { name: services[2].name },
      person: { relation: 'self', name: '行动不便的老人', phone: visitorPhones[i], idNumber: null },
      reason: 'age',
      note: null,
      addressText: '嘎查牧户',
      location: null,
      communityId,
      language: i % 2 === 0 ? 'mn' : 'zh',
      status: 'done',
      assigneeOfficerId: officerId,
      decision: { communityId, districtId: null, gridCellId: null, assignee: { officerId, as: 'community_officer' }, communityOfficerId: officerId, escalation: { level2: ['officer-chief'], level3: [] }, steps: [] },
      stationId: 'station-chaogewendur',
      stationReason: { kind: 'community', communityId, method: 'given' },
      routeReason: { zh: '按社区分派', mn: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ' },
      jurisdictionVersion: 1,
      proposals: [],
      proposalSeq: 1,
      proposalRounds: [],
      scheduled: null,
      outcome: { result: 'completed', note: '', at: doneAt, by: officerId },
      respondedAt: new Date(createdAt.getTime() + (2 + (i % 4) * 3) * HOUR),
      createdAt,
      updatedAt: doneAt,
    }
  })
  const patrolStart = new Date(Math.floor((today.getTime() - 45 * DAY) / DAY) * DAY + 1 * HOUR)
  const patrolEnd = new Date(patrolStart.getTime() + 3 * HOUR)
  const patrollers = [1, 2, 3, 4].map((n) => `demo-history-volunteer-${n}`)
  const patrol: ActivityDoc = {
    _id: 'demo-history-patrol',
    kind: 'patrol',
    title: { zh: '红袖标街面巡逻' },
    description: { zh: '镇区主街巡逻。' },
    place: { label: { zh: '镇政府广场' }, communityId: 'community-chaoge', point: null, radiusMeters: 300 },
    startsAt: patrolStart,
    endsAt: patrolEnd,
    deadline: new Date(patrolStart.getTime() - 3 * HOUR),
    capacity: 5,
    skills: [],
    teamIds: ['team-veterans'],
    seriesId: null,
    code: '480213',
    ...untouchedActivity(),
    entries: patrollers.map((openid) => ({ openid, teamId: 'team-veterans', at: new Date(patrolStart.getTime() - 2 * DAY), waited: false })),
    count: patrollers.length,
    createdBy: 'demo-officer-2',
    createdAt: new Date(patrolStart.getTime() - 7 * DAY),
    updatedAt: patrolEnd,
  }
  // Three of the four came and served the three hours.
  const attendance: AttendanceDoc[] = patrollers.slice(0, 3).map((openid) => ({
    _id: attendanceId(patrol._id, openid),
    activityId: patrol._id,
    openid,
    teamId: 'team-veterans',
    kind: 'patrol',
    title: patrol.title,
    startsAt: patrolStart,
    year: Number(localDay(patrolStart).slice(0, 4)),
    month: localDay(patrolStart).slice(0, 7),
    method: 'code',
    checkedInAt: patrolStart,
    checkedOutAt: patrolEnd,
    minutes: 180,
    points: 3,
    corrections: [],
    updatedAt: patrolEnd,
  }))
  const second = secondStationHistory(today, services[2].name)
  return { bookings, home_visits: [...visits, ...second.visits], mediation_cases: second.cases, volunteer_activities: [patrol], volunteer_attendance: attendance }
}

const SECOND_STATION = 'station-bayanbolag'

/**
 * 巴音宝力格镇派出所's history: six door-to-door visits done in 阿拉坦社区 and 乌力吉社区 (其木格
 * and 刘洋), and four disputes of the past six weeks, two settled at level 1, one still in
 * mediation and one escalated to the station's leadership. Applicants and visitors are invented.
 */
function secondStationHistory(today: Date, serviceName: HomeVisitDoc['service']['name']) {
  const places = [
    ['community-altan', 'officer-bb-1'],
    ['community-olzii', 'officer-bb-2'],
  ] as const
  const visits: HomeVisitDoc[] = Array.from({ length: 6 }, (_, i) => {
    const createdAt = new Date(today.getTime() - (4 + i * 6) * DAY)
    const [communityId, officerId] = places[i % places.length]
    const doneAt = new Date(createdAt.getTime() + 3 * DAY)
    return {
      _id: `demo-history-bb-visit-${i}`,
      requesterOpenid: `demo-history-bb-visitor-${i}`,
      requestDigest: `demo-history-bb-visit-${i}`,
      serviceId: 'residence-permit',
      service: { name: serviceName },
      person: { relation: 'self', name: '行动不便的老人', phone: visitorPhones[20 + i], idNumber: null },
      reason: 'age',
      note: null,
      addressText: '镇区住户',
      location: null,
      communityId,
      language: i % 2 === 0 ? 'mn' : 'zh',
      status: 'done',
      assigneeOfficerId: officerId,
      decision: { communityId, districtId: 'district-bayanbolag-town', gridCellId: null, assignee: { officerId, as: 'community_officer' }, communityOfficerId: officerId, escalation: { level2: ['officer-bb-chief'], level3: [] }, steps: [] },
      stationId: SECOND_STATION,
      stationReason: { kind: 'community', communityId, method: 'given' },
      routeReason: { zh: '按社区分派', mn: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ' },
      jurisdictionVersion: 1,
      proposals: [],
      proposalSeq: 1,
      proposalRounds: [],
      scheduled: null,
      outcome: { result: 'completed', note: '', at: doneAt, by: officerId },
      respondedAt: new Date(createdAt.getTime() + (3 + i) * HOUR),
      createdAt,
      updatedAt: doneAt,
    }
  })
  const routed = (communityId: string, officerId: string) => ({
    communityId,
    officerId,
    officerIds: [officerId],
    decision: { communityId, districtId: 'district-bayanbolag-town', gridCellId: null, assignee: { officerId, as: 'community_officer' as const }, communityOfficerId: officerId, escalation: { level2: ['officer-bb-chief'], level3: [] }, steps: [] },
    stationId: SECOND_STATION,
    stationReason: { kind: 'community' as const, communityId, method: 'given' as const },
  })
  const filed = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY)
  const cases = [
    mediationCaseRecord('demo-history-bb-case-1', { ...routed('community-altan', 'officer-bb-1'), createdAt: filed(40), type: 'livestock', status: 'closed', open: false, outcome: 'settled', settledLevel: 1, daysToSettle: 4, rating: 5 }),
    mediationCaseRecord('demo-history-bb-case-2', { ...routed('community-olzii', 'officer-bb-2'), createdAt: filed(26), type: 'neighbour', status: 'closed', open: false, outcome: 'settled', settledLevel: 1, daysToSettle: 2, rating: 4 }),
    mediationCaseRecord('demo-history-bb-case-3', { ...routed('community-altan', 'officer-bb-1'), createdAt: filed(12), type: 'debt', status: 'in_mediation' }),
    mediationCaseRecord('demo-history-bb-case-4', { ...routed('community-olzii', 'officer-bb-2'), createdAt: filed(5), type: 'family', status: 'in_mediation', level: 2 }),
  ]
  return { visits, cases }
}

/** Adds the history to the demo's documents, beside what the other demo scripts put there. */
export function addDemoStatsHistory(documents: Record<string, Array<Record<string, unknown>>>, today: Date) {
  for (const [collection, docs] of Object.entries(demoStatsDocuments(today))) documents[collection] = [...(documents[collection] ?? []), ...docs]
}
