// A submission whose answer never came is sent again with the same requestId: by the outbox
// (docs/offline.md) for what residents queue, and by the client's own retry or a second press for
// staff forms. So every creating action must answer a repeat of the same requestId with the first
// result, store nothing new (no write, no message, no file), and store one record when the repeats
// race. Booking, home visits, dispute filing, requests and publishing have their own tests; these
// are the actions that gained a requestId for it.
import { randomUUID } from 'node:crypto'
import type { HomeVisitView } from '../../src/core/booking/contract'
import type { StaffCaseView } from '../../src/core/mediation/contract'
import type { ActivityView, VolunteerView } from '../../src/core/volunteers/contract'
import { expectError, expectNothingHappened, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { act, fileCase, OFFICER } from './mediation-support'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

/** The same call `times` at once, as a client retrying while the first is still on its way. */
const racing = <T,>(times: number, send: () => Promise<T>) => Promise.all(Array.from({ length: times }, send))

/**
 * Racing repeats that all read before any of them writes: warm instances first (so no call waits
 * for a cold start while another runs), then hold every write (`action` on `collection`) back
 * until all have read. The delay that fired once per call proves each reached its write.
 */
async function racingBeforeWrites<T>(times: number, write: { action: string; collection: string }, warmUp: () => Promise<unknown>, send: () => Promise<T>): Promise<T[]> {
  await racing(times, warmUp)
  cloud.emulator.faults.delayRequests({ ...write, ms: 1500, count: times })
  try {
    const answers = await racing(times, send)
    expect(cloud.emulator.faults.fired.delay).toBe(times)
    return answers
  } finally {
    cloud.emulator.faults.clear()
  }
}

const racingOnCase = <T,>(times: number, warmUp: () => Promise<unknown>, send: () => Promise<T>) =>
  racingBeforeWrites(times, { action: 'database.modifyDocument', collection: 'mediation_cases' }, warmUp, send)

describe('volunteers.apply', () => {
  const profile = { name: '其其格', phone: '139 0000 2222', skills: ['mongolian'], availability: ['weekend'], communityId: 'gacha-bayanbulag', teamId: 'team-herder-police' }

  describe('when the same requestId comes again (a resend after a lost answer)', () => {
    it('answers the first application and stores one profile', async () => {
      const requestId = 'resend-apply-0000000001'
      const first = expectOk(await cloud.call<VolunteerView>('resender-1', 'volunteers', { action: 'apply', ...profile, requestId }))
      cloud.resetWrites()
      const again = expectOk(await cloud.call<VolunteerView>('resender-1', 'volunteers', { action: 'apply', ...profile, requestId }))
      expect(again).toEqual(first)
      expectNothingHappened(cloud)
      expect(await cloud.stored('volunteers', { _id: 'resender-1' })).toHaveLength(1)
    })
  })

  describe('when a second application comes with another requestId', () => {
    it('still answers CONFLICT: one pending application per person', async () => {
      await cloud.call('resender-2', 'volunteers', { action: 'apply', ...profile, requestId: 'resend-apply-0000000002' })
      expectError(await cloud.call('resender-2', 'volunteers', { action: 'apply', ...profile, requestId: 'resend-apply-0000000003' }), 'CONFLICT')
    })
  })
})

describe('account.createInvite', () => {
  const ADMIN = 'demo-admin'
  type Invite = { code: string; officerId: string; expiresAt: string }
  /** An officer record of this test's own, so counting its invites counts only this test's. */
  const officerRecord = async (id: string) => {
    await cloud.emulator.seed({ officers: [{ _id: id, name: `待邀请 ${id}`, title: '辅警', languages: ['zh'], communityIds: [], openid: null }] })
    return id
  }
  const createInvite = (officerId: string, requestId: string, roles = ['officer']) => cloud.call<Invite>(ADMIN, 'account', { action: 'createInvite', officerId, roles, requestId })

  describe('when the same requestId comes again', () => {
    it('answers the same code, stores nothing new, and that code redeems', async () => {
      const officerId = await officerRecord('resend-invite-officer-1')
      const requestId = randomUUID()
      const first = expectOk(await createInvite(officerId, requestId))
      cloud.resetWrites()
      const again = expectOk(await createInvite(officerId, requestId))
      expect(again).toEqual(first)
      expectNothingHappened(cloud)
      const stored = await cloud.stored('invites', { officerId })
      expect(stored).toHaveLength(1)
      // Still only the code's hash is stored: neither the code nor the requestId it came from.
      expect(JSON.stringify(stored)).not.toContain(first.code)
      expect(JSON.stringify(stored)).not.toContain(requestId)

      expectOk(await cloud.call('resend-invitee-1', 'account', { action: 'me' }))
      const profile = expectOk(await cloud.call<{ roles: string[] }>('resend-invitee-1', 'account', { action: 'redeemInvite', code: again.code }))
      expect(profile.roles).toContain('officer')
    })
  })

  describe('when three repeats race', () => {
    it('stores one invite and answers each the same code', async () => {
      const officerId = await officerRecord('resend-invite-officer-2')
      const requestId = randomUUID()
      const answers = (await racing(3, () => createInvite(officerId, requestId))).map(expectOk)
      expect(new Set(answers.map((a) => a.code)).size).toBe(1)
      expect(await cloud.stored('invites', { officerId })).toHaveLength(1)
    })
  })

  describe('when the admin issues another invite for the same officer (a new requestId)', () => {
    it('issues a second, different code', async () => {
      const officerId = await officerRecord('resend-invite-officer-3')
      const first = expectOk(await createInvite(officerId, randomUUID()))
      const second = expectOk(await createInvite(officerId, randomUUID()))
      expect(second.code).not.toBe(first.code)
      expect(await cloud.stored('invites', { officerId })).toHaveLength(2)
    })
  })

  describe('when a requestId comes again for another grant', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const officerId = await officerRecord('resend-invite-officer-4')
      const requestId = randomUUID()
      expectOk(await createInvite(officerId, requestId))
      cloud.resetWrites()
      const error = expectError(await createInvite(officerId, requestId, ['officer', 'station_leader']), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
    })
  })
})

describe('volunteers.createActivity', () => {
  const OFFICER_DESK = 'demo-officer-1'
  const start = Date.now() + 5 * 24 * 3600_000
  const series = (title: string) => ({
    action: 'createActivity',
    kind: 'patrol',
    title: { zh: title },
    description: { zh: '沿主街巡逻。' },
    place: { label: { zh: '镇政府广场' }, communityId: 'community-chaoge' },
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3600_000).toISOString(),
    deadline: new Date(start - 3600_000).toISOString(),
    capacity: 5,
    skills: [],
    teamIds: ['team-herder-police'],
    repeat: { frequency: 'weekly', count: 3 },
  })
  const create = (event: Record<string, unknown>, requestId: string) => cloud.call<ActivityView[]>(OFFICER_DESK, 'volunteers', { ...event, requestId })
  const storedOf = (title: string) => cloud.stored('volunteer_activities', { 'title.zh': title })

  describe('when the same requestId comes again', () => {
    it('answers the first series, with its check-in codes, and stores nothing new', async () => {
      const requestId = randomUUID()
      const first = expectOk(await create(series('重发巡逻一'), requestId))
      expect(first).toHaveLength(3)
      cloud.resetWrites()
      const again = expectOk(await create(series('重发巡逻一'), requestId))
      expect(again).toEqual(first)
      expectNothingHappened(cloud)
      const stored = await storedOf('重发巡逻一')
      expect(stored.map((d) => d._id).sort()).toEqual(first.map((a) => a.id).sort())
    })
  })

  describe('when three repeats race', () => {
    it('stores one series and answers each the same activities', async () => {
      const requestId = randomUUID()
      const answers = (await racing(3, () => create(series('重发巡逻二'), requestId))).map(expectOk)
      for (const answer of answers) expect(answer.map((a) => a.id)).toEqual(answers[0].map((a) => a.id))
      expect(await storedOf('重发巡逻二')).toHaveLength(3)
    })
  })

  describe('when a requestId comes again with other content', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const requestId = randomUUID()
      expectOk(await create(series('重发巡逻三'), requestId))
      cloud.resetWrites()
      const error = expectError(await create(series('重发巡逻三（改）'), requestId), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
      expect(await storedOf('重发巡逻三（改）')).toHaveLength(0)
    })
  })
})

describe('mediation.addInternalNote', () => {
  const addNote = (caseId: string, text: string, requestId: string) => act(cloud, OFFICER, 'addInternalNote', { caseId, text, requestId })
  const notesOf = async (caseId: string) => {
    const [doc] = await cloud.stored('mediation_cases', { _id: caseId })
    return doc.internalNotes as Array<{ text: string }>
  }

  describe('when the same requestId comes again', () => {
    it('answers the case with the note once, and nothing happens (not even an audit entry)', async () => {
      const filed = await fileCase(cloud)
      const requestId = randomUUID()
      const first = expectOk(await addNote(filed.id, '申请人说明了补充情况。', requestId))
      cloud.resetWrites()
      const again = expectOk(await addNote(filed.id, '申请人说明了补充情况。', requestId))
      expect(again.internalNotes).toEqual(first.internalNotes)
      expectNothingHappened(cloud)
      expect((await notesOf(filed.id)).map((n) => n.text)).toEqual(['申请人说明了补充情况。'])
    })
  })

  describe('when three repeats race', () => {
    it('stores the note once and answers each with it', async () => {
      const filed = await fileCase(cloud)
      const requestId = randomUUID()
      const answers = (await racingOnCase(3, () => act(cloud, OFFICER, 'caseDetail', { caseId: filed.id }), () => addNote(filed.id, '双方均同意再次面谈。', requestId))).map(expectOk)
      for (const answer of answers) expect(answer.internalNotes.map((n) => n.text)).toEqual(['双方均同意再次面谈。'])
      expect(await notesOf(filed.id)).toHaveLength(1)
    })
  })

  describe('when two notes come with their own requestIds', () => {
    it('stores both: the same text twice on purpose is two notes', async () => {
      const filed = await fileCase(cloud)
      expectOk(await addNote(filed.id, '已电话联系。', randomUUID()))
      expectOk(await addNote(filed.id, '已电话联系。', randomUUID()))
      expect(await notesOf(filed.id)).toHaveLength(2)
    })
  })

  describe('when a requestId comes again with another text', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const filed = await fileCase(cloud)
      const requestId = randomUUID()
      expectOk(await addNote(filed.id, '第一条备注。', requestId))
      cloud.resetWrites()
      const error = expectError(await addNote(filed.id, '另一条备注。', requestId), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
    })
  })
})

describe('mediation.scheduleSession', () => {
  const session = { at: new Date(Date.now() + 2 * 24 * 3600_000).toISOString(), place: 'pavilion', participants: ['双方当事人', '嘎查调解员'] }
  const acceptedCase = async () => {
    const filed = await fileCase(cloud)
    expectOk(await act(cloud, OFFICER, 'acceptCase', { caseId: filed.id }))
    return filed.id
  }
  const schedule = (caseId: string, requestId: string, extra: Record<string, unknown> = {}) => act(cloud, OFFICER, 'scheduleSession', { caseId, ...session, ...extra, requestId })
  const sessionsOf = (view: StaffCaseView) => view.sessions.map((s) => ({ id: s.id, at: s.at, place: s.place }))

  describe('when the same requestId comes again', () => {
    it('answers the case with one session, and nothing happens', async () => {
      const caseId = await acceptedCase()
      const requestId = randomUUID()
      const first = expectOk(await schedule(caseId, requestId))
      cloud.resetWrites()
      const again = expectOk(await schedule(caseId, requestId))
      expect(sessionsOf(again)).toEqual(sessionsOf(first))
      expect(again.sessions).toHaveLength(1)
      expectNothingHappened(cloud)
    })
  })

  describe('when three repeats race', () => {
    it('stores one session and answers each with it (the losers of the version race find it)', async () => {
      const caseId = await acceptedCase()
      const requestId = randomUUID()
      const answers = (await racingOnCase(3, () => act(cloud, OFFICER, 'caseDetail', { caseId }), () => schedule(caseId, requestId))).map(expectOk)
      for (const answer of answers) expect(answer.sessions.map((s) => s.id)).toEqual(['s1'])
      const [doc] = await cloud.stored('mediation_cases', { _id: caseId })
      expect(doc.sessions).toHaveLength(1)
    })
  })

  describe('when a requestId comes again for another place', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const caseId = await acceptedCase()
      const requestId = randomUUID()
      expectOk(await schedule(caseId, requestId))
      cloud.resetWrites()
      const error = expectError(await schedule(caseId, requestId, { place: 'station' }), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
    })
  })
})

describe('booking.proposeHomeVisitTimes', () => {
  const OFFICER_1 = 'demo-officer-1' // 巴特尔, community officer of 巴音布拉格嘎查
  let residents = 0
  /** A fresh door-to-door request in officer-1's gacha, from a resident of this test's own. */
  const requestedVisit = async () => {
    residents++
    const resident = `resend-visit-resident-${residents}`
    const visit = expectOk(
      await cloud.call<HomeVisitView>(resident, 'booking', { action: 'requestHomeVisit', requestId: randomUUID(), serviceId: 'id-card-renewal', person: { relation: 'self', name: '敖其尔', phone: '13947110009', birthDate: '1948-03-02' }, reason: 'age', communityId: 'gacha-bayanbulag', addressText: '巴音布拉格嘎查三组', language: 'mn' }),
    )
    return { resident, visitId: visit.id }
  }
  const hoursAhead = (hours: number) => new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + hours * 3600_000)
  const times = (hours: number) => [{ startsAt: hoursAhead(hours).toISOString(), endsAt: hoursAhead(hours + 1).toISOString() }]
  const propose = (visitId: string, requestId: string, at = 48) => cloud.call<HomeVisitView>(OFFICER_1, 'booking', { action: 'proposeHomeVisitTimes', visitId, times: times(at), requestId })
  const proposedMessages = (openid: string) => cloud.emulator.outbox().filter((m) => m.api === 'subscribeMessage.send' && (m.data as { touser: string }).touser === openid)

  describe('when the same requestId comes again', () => {
    it('answers the visit with the first proposals, and nothing happens (the resident is told once)', async () => {
      const { resident, visitId } = await requestedVisit()
      const requestId = randomUUID()
      const first = expectOk(await propose(visitId, requestId))
      expect(first.proposals.map((p) => p.id)).toEqual(['p1'])
      cloud.resetWrites()
      const again = expectOk(await propose(visitId, requestId))
      expect(again).toEqual(first)
      expectNothingHappened(cloud)
      expect(proposedMessages(resident)).toHaveLength(1)
    })
  })

  describe('when the resend arrives after the resident accepted a time', () => {
    it('answers the scheduled visit instead of refusing, and changes nothing', async () => {
      const { resident, visitId } = await requestedVisit()
      const requestId = randomUUID()
      expectOk(await propose(visitId, requestId))
      const scheduled = expectOk(await cloud.call<HomeVisitView>(resident, 'booking', { action: 'acceptHomeVisitTime', visitId, proposalId: 'p1' }))
      cloud.resetWrites()
      const again = expectOk(await propose(visitId, requestId))
      expect(again).toMatchObject({ status: 'scheduled', scheduled: { id: 'p1', startsAt: scheduled.scheduled?.startsAt } })
      expectNothingHappened(cloud)
    })
  })

  describe('when three repeats race', () => {
    it('replaces the proposals once, tells the resident once, and answers each the same round', async () => {
      const { resident, visitId } = await requestedVisit()
      const requestId = randomUUID()
      const answers = (
        await racingBeforeWrites(3, { action: 'database.modifyDocument', collection: 'home_visits' }, () => cloud.call(OFFICER_1, 'booking', { action: 'pendingHomeVisits' }), () => propose(visitId, requestId))
      ).map(expectOk)
      for (const answer of answers) expect(answer.proposals.map((p) => p.id)).toEqual(['p1'])
      const [doc] = await cloud.stored('home_visits', { _id: visitId })
      expect(doc).toMatchObject({ proposalSeq: 1, proposalRounds: [expect.objectContaining({ key: expect.any(String) })] })
      expect(doc.proposalRounds).toHaveLength(1)
      expect(proposedMessages(resident)).toHaveLength(1)
    })
  })

  describe('when the officer proposes a second round (a new requestId)', () => {
    it('replaces the proposals, and a late resend of the first round changes nothing', async () => {
      const { resident, visitId } = await requestedVisit()
      const firstRound = randomUUID()
      expectOk(await propose(visitId, firstRound, 48))
      const second = expectOk(await propose(visitId, randomUUID(), 72))
      expect(second.proposals.map((p) => p.id)).toEqual(['p2'])
      cloud.resetWrites()
      const late = expectOk(await propose(visitId, firstRound, 48))
      expect(late.proposals).toEqual(second.proposals)
      expectNothingHappened(cloud)
      expect(proposedMessages(resident)).toHaveLength(2)
    })
  })

  describe('when a requestId comes again with other times', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const { visitId } = await requestedVisit()
      const requestId = randomUUID()
      expectOk(await propose(visitId, requestId, 48))
      cloud.resetWrites()
      const error = expectError(await propose(visitId, requestId, 50), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
    })
  })
})

describe('notices.uploadImage', () => {
  const OFFICER_1 = 'demo-officer-1'
  // Two 1×1 PNGs (a black and a white pixel).
  const BLACK = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
  const WHITE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg=='
  const upload = (base64: string, requestId: string) => cloud.call<{ fileID: string }>(OFFICER_1, 'notices', { action: 'uploadImage', base64, requestId })
  const checksOf = (fileID: string) => cloud.stored('media_checks', { fileID })
  const verdictsAsked = () => cloud.emulator.outbox().filter((m) => m.api === 'security.mediaCheckAsync').length

  describe('when the same requestId comes again', () => {
    it('answers the first file id, and nothing happens (no file, no check, no verdict asked)', async () => {
      const requestId = randomUUID()
      const first = expectOk(await upload(BLACK, requestId))
      const asked = verdictsAsked()
      cloud.resetWrites()
      const again = expectOk(await upload(BLACK, requestId))
      expect(again).toEqual(first)
      expectNothingHappened(cloud)
      expect(verdictsAsked()).toBe(asked)
      expect(await checksOf(first.fileID)).toHaveLength(1)
    })
  })

  describe('when three repeats race', () => {
    it('stores the picture at one path with one check, asked once, and answers each that file id', async () => {
      const requestId = randomUUID()
      const asked = verdictsAsked()
      const answers = (await racingBeforeWrites(3, { action: 'database.insertDocument', collection: 'media_checks' }, () => cloud.call(OFFICER_1, 'notices', { action: 'groups' }), () => upload(BLACK, requestId))).map(expectOk)
      expect(new Set(answers.map((a) => a.fileID)).size).toBe(1)
      expect(await checksOf(answers[0].fileID)).toHaveLength(1)
      expect(verdictsAsked() - asked).toBe(1)
    })
  })

  describe('when the same picture comes with its own requestIds', () => {
    it('stores two files: choosing a picture twice on purpose is two uploads', async () => {
      const first = expectOk(await upload(BLACK, randomUUID()))
      const second = expectOk(await upload(BLACK, randomUUID()))
      expect(second.fileID).not.toBe(first.fileID)
    })
  })

  describe('when a requestId comes again with another picture', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const requestId = randomUUID()
      expectOk(await upload(BLACK, requestId))
      cloud.resetWrites()
      const error = expectError(await upload(WHITE, requestId), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
    })
  })
})

describe('notices.grantAlerts', () => {
  const grant = (openid: string, accepted: number, requestId: string) => cloud.call<{ alertGrants: number }>(openid, 'notices', { action: 'grantAlerts', accepted, requestId })
  const grantsOf = async (openid: string) => (await cloud.stored('notice_readers', { _id: openid }))[0]?.grants

  describe('when the same requestId comes again', () => {
    it('counts the acceptance once, answers the grants, and nothing happens', async () => {
      const requestId = randomUUID()
      expect(expectOk(await grant('resend-alerts-1', 2, requestId))).toEqual({ alertGrants: 2 })
      cloud.resetWrites()
      expect(expectOk(await grant('resend-alerts-1', 2, requestId))).toEqual({ alertGrants: 2 })
      expectNothingHappened(cloud)
      expect(await grantsOf('resend-alerts-1')).toBe(2)
    })
  })

  describe('when three repeats race for a person with no reader document yet', () => {
    it('creates it once and counts the acceptance once', async () => {
      const requestId = randomUUID()
      const answers = (await racingBeforeWrites(3, { action: 'database.insertDocument', collection: 'notice_readers' }, () => cloud.call('resend-alerts-2', 'notices', { action: 'groups' }), () => grant('resend-alerts-2', 1, requestId))).map(expectOk)
      expect(answers).toEqual([{ alertGrants: 1 }, { alertGrants: 1 }, { alertGrants: 1 }])
      expect(await grantsOf('resend-alerts-2')).toBe(1)
    })
  })

  describe('when three repeats race for a person who has one', () => {
    it('counts the acceptance once', async () => {
      expectOk(await cloud.call('resend-alerts-3', 'notices', { action: 'joinGroup', groupId: 'topic-herders' }))
      const requestId = randomUUID()
      ;(await racing(3, () => grant('resend-alerts-3', 1, requestId))).map(expectOk)
      expect(await grantsOf('resend-alerts-3')).toBe(1)
    })
  })

  describe('when the person accepts again (a new requestId)', () => {
    it('adds it up', async () => {
      expectOk(await grant('resend-alerts-4', 1, randomUUID()))
      expect(expectOk(await grant('resend-alerts-4', 1, randomUUID()))).toEqual({ alertGrants: 2 })
    })
  })

  describe('when a requestId comes again with another count', () => {
    it('answers INVALID_ARGUMENT naming the requestId, and nothing happens', async () => {
      const requestId = randomUUID()
      expectOk(await grant('resend-alerts-5', 1, requestId))
      cloud.resetWrites()
      const error = expectError(await grant('resend-alerts-5', 3, requestId), 'INVALID_ARGUMENT')
      expect(error?.issues?.[0].path).toEqual(['requestId'])
      expectNothingHappened(cloud)
      expect(await grantsOf('resend-alerts-5')).toBe(1)
    })
  })
})
