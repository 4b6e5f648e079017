// Shared by the volunteers suites: a test cloud with volunteers of chosen teams, activities built
// with overrides (times relative to the real clock, which the functions read), calls by role,
// and the messages a volunteer received.
import { newUser } from '../../cloudfunctions/_shared/user-record'
import { protect } from '../../cloudfunctions/_shared/personal-data'
import { untouchedActivity, type ActivityDoc, type VolunteerDoc } from '../../cloudfunctions/volunteers/records'
import type { ActivityView } from '../../src/core/volunteers/contract'
import { dayjs } from '../../src/core/time'
import { startTestCloud, type TestCloud } from '../support/cloud'

export const OFFICER = 'demo-officer-1'
/** The town centre, where built activities take place. */
export const PLACE = { lng: 106.9787, lat: 41.5873 }

let seq = 0
export function buildActivity(overrides: Partial<ActivityDoc> & { startsInMinutes?: number; minutes?: number } = {}): ActivityDoc {
  seq++
  const { startsInMinutes = 48 * 60, minutes = 120, ...rest } = overrides
  const startsAt = dayjs().add(startsInMinutes, 'minute').startOf('minute')
  return {
    _id: `act-test-${seq}`,
    kind: 'patrol',
    title: { zh: `测试巡逻 ${seq}` },
    description: { zh: '测试活动' },
    place: { label: { zh: '镇政府广场' }, communityId: null, point: PLACE, radiusMeters: 300 },
    startsAt: startsAt.toDate(),
    endsAt: startsAt.add(minutes, 'minute').toDate(),
    deadline: startsAt.subtract(60, 'minute').toDate(),
    capacity: 5,
    skills: [],
    teamIds: ['team-herder-police'],
    seriesId: null,
    code: String(100000 + seq),
    ...untouchedActivity(),
    createdBy: OFFICER,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...rest,
  }
}

export function volunteerDoc(openid: string, overrides: Partial<VolunteerDoc> = {}): VolunteerDoc {
  return {
    _id: openid,
    name: `志愿者 ${openid}`,
    phone: protect('phone', '13900000000'),
    skills: ['mongolian'],
    availability: ['weekend'],
    communityId: 'gacha-ulaanhad',
    teamId: 'team-herder-police',
    status: 'active',
    reason: null,
    appliedAt: new Date('2026-11-01T00:00:00Z'),
    decidedAt: new Date('2026-11-02T00:00:00Z'),
    decidedBy: OFFICER,
    leaderboardOptOut: false,
    holds: [],
    ...overrides,
  }
}

/** Seeds approved volunteers (profile + user with the volunteer role). */
export async function seedVolunteers(cloud: TestCloud, openids: string[], overrides: Partial<VolunteerDoc> = {}) {
  const now = dayjs()
  await cloud.emulator.seed({
    users: openids.map((openid) => ({ ...newUser(openid, now), roles: ['resident', 'volunteer'] })),
    volunteers: openids.map((openid) => volunteerDoc(openid, overrides)),
  })
}

export async function startVolunteersCloud(): Promise<TestCloud> {
  const cloud = await startTestCloud()
  cloud.resetWrites()
  return cloud
}

export const act = (cloud: TestCloud, openid: string, action: string, input: Record<string, unknown> = {}) => cloud.call<ActivityView>(openid, 'volunteers', { action, ...input })

export async function storedActivity(cloud: TestCloud, id: string): Promise<ActivityDoc> {
  const [doc] = await cloud.stored('volunteer_activities', { _id: id })
  return doc as unknown as ActivityDoc
}

export const messagesTo = (cloud: TestCloud, openid: string, templateId: string) =>
  cloud.emulator
    .outbox()
    .filter((m) => m.api === 'subscribeMessage.send')
    .map((m) => m.data as { touser: string; template_id: string; page: string; data: Record<string, { value: string }> })
    .filter((m) => m.touser === openid && m.template_id === templateId)

export const templateMessages = (cloud: TestCloud, templateId: string) =>
  cloud.emulator
    .outbox()
    .filter((m) => m.api === 'subscribeMessage.send')
    .map((m) => m.data as { touser: string; template_id: string })
    .filter((m) => m.template_id === templateId)
