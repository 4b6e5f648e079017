// Demo mediation data: closed disputes of the last three months with their ratings, so the
// statistics screen shows figures like the articles' ("132 disputes, 96% satisfaction") from the
// first start. Only closed cases: nothing here is due for escalation or a return visit, so the
// jobs and the officers' inboxes start empty. Also the case builder the tests and the bench use.
import { untouchedCase } from '../cloudfunctions/mediation/new-case'
import { protect } from '../cloudfunctions/_shared/personal-data'
import type { CaseDoc } from '../cloudfunctions/mediation/store'
import type { DisputeType } from '../src/core/mediation/contract'

/** A case as the function stores it, for data sets built by hand (statistics, the job's load). */
export function mediationCaseRecord(id: string, overrides: Partial<CaseDoc> = {}): CaseDoc {
  const createdAt = overrides.createdAt ?? new Date('2025-03-01T02:00:00Z')
  return {
    _id: id,
    applicantOpenid: `applicant-${id}`,
    requestDigest: id,
    type: 'neighbour',
    description: '草场边界纠纷',
    applicant: { name: '申请人', phone: protect('phone', '13900000000') },
    otherParty: null,
    partiesKey: null,
    communityId: 'gacha-bayanbulag',
    location: null,
    addressText: null,
    language: 'zh',
    dangerNow: false,
    photos: [],
    contentReview: false,
    highRisk: false,
    risk: [],
    priority: 0,
    alertOpen: false,
    alertAck: null,
    officerId: 'officer-1',
    officerIds: ['officer-1', 'aux-1'],
    decision: { communityId: 'gacha-bayanbulag', districtId: null, gridCellId: null, assignee: { officerId: 'officer-1', as: 'community_officer' }, communityOfficerId: 'officer-1', escalation: { level2: ['officer-chief'], level3: [] }, steps: [] },
    // The demo's cases are all of its first station, each routed by the resident's community.
    stationId: 'station-chaogewendur',
    stationReason: { kind: 'community', communityId: overrides.communityId ?? 'gacha-bayanbulag', method: 'given' },
    routeReason: { zh: '按社区分派', mn: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ' },
    jurisdictionVersion: 1,
    status: 'submitted',
    level: 1,
    levelSince: createdAt,
    deadlineAt: null,
    deadlineKind: null,
    watchAt: null,
    ...untouchedCase(createdAt),
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  }
}

const DAY = 24 * 3600_000
const DEMO: Array<[DisputeType, string, 1 | 2 | 3 | null, number, number]> = [
  // type, community, level settled (null: not settled at level 3), rating, days ago filed
  ['neighbour', 'gacha-bayanbulag', 1, 5, 80],
  ['land_boundary', 'gacha-bayanbulag', 2, 5, 72],
  ['livestock', 'gacha-ulaanhad', 1, 5, 65],
  ['family', 'community-chaoge', 1, 4, 60],
  ['debt', 'community-chaoge', 2, 5, 52],
  ['wages', 'community-wendur', 3, 4, 45],
  ['neighbour', 'community-wendur', 1, 5, 40],
  ['land_boundary', 'gacha-tsagaanobo', 3, 5, 33],
  ['livestock', 'gacha-borondor', 1, 5, 25],
  ['debt', 'community-chaoge', null, 3, 20],
]

const OFFICER_OF: Record<string, string> = { 'gacha-bayanbulag': 'officer-1', 'gacha-ulaanhad': 'officer-1', 'gacha-tsagaanobo': 'officer-3', 'gacha-borondor': 'officer-3', 'community-chaoge': 'officer-2', 'community-wendur': 'officer-2' }

export function demoMediation(today: Date): CaseDoc[] {
  return DEMO.map(([type, communityId, settledLevel, rating, daysAgo], i) => {
    const createdAt = new Date(today.getTime() - daysAgo * DAY)
    const daysToSettle = settledLevel ? 3 + 4 * settledLevel : null
    const closedAt = new Date(createdAt.getTime() + (daysToSettle ?? 30) * DAY)
    const officerId = OFFICER_OF[communityId]
    return mediationCaseRecord(`md_demo_${i + 1}`, {
      type,
      communityId,
      officerId,
      officerIds: [officerId],
      createdAt,
      updatedAt: closedAt,
      status: 'closed',
      open: false,
      everAccepted: true,
      level: settledLevel ?? 3,
      outcome: settledLevel ? 'settled' : 'not_settled',
      settledLevel,
      settledAt: settledLevel ? closedAt : null,
      daysToSettle,
      closedAt,
      agreement: settledLevel ? '双方达成调解协议' : null,
      rating,
      ratingComment: '',
      ratedAt: closedAt,
      returnVisitSentAt: closedAt,
    })
  })
}
