// Every refusal the issue lists answers a clear code and changes nothing (the emulator counts writes,
// messages sent and files stored).
import { expectError, expectNothingHappened, type TestCloud } from '../support/cloud'
import { act, buildActivity, OFFICER, PLACE, seedVolunteers, startVolunteersCloud } from './volunteers-support'

let cloud: TestCloud
const running = buildActivity({ startsInMinutes: -10, minutes: 120, deadline: new Date(Date.now() - 3600_000), code: '111111' })
const other = buildActivity({ startsInMinutes: -10, minutes: 120, deadline: new Date(Date.now() - 3600_000), code: '222222' })
const closed = buildActivity({ deadline: new Date(Date.now() - 60_000) })
const veteransOnly = buildActivity({ teamIds: ['team-veterans'] })
const held = buildActivity({ startsInMinutes: 96 * 60, minutes: 120 })
const clashing = buildActivity({ startsInMinutes: 96 * 60 + 60, minutes: 120 })

beforeAll(async () => {
  cloud = await startVolunteersCloud()
  await seedVolunteers(cloud, ['bad-1'], { holds: [{ activityId: held._id, startsAt: held.startsAt, endsAt: held.endsAt }] })
  const entry = { openid: 'bad-1', teamId: 'team-herder-police', at: new Date(), waited: false }
  await cloud.emulator.seed({ volunteer_activities: [{ ...running, entries: [entry], count: 1 }, other, closed, veteransOnly, { ...held, entries: [entry], count: 1 }, clashing] })
})
afterAll(() => cloud.stop())

async function refusedWithoutWrites(openid: string, action: string, input: Record<string, unknown>, code: string, why?: string) {
  cloud.resetWrites()
  const error = expectError(await act(cloud, openid, action, input), code)
  if (why) expect(error?.details).toMatchObject({ why })
  expect(error?.message).toEqual(expect.any(String))
  expectNothingHappened(cloud)
  return error
}

describe('refused, with nothing written', () => {
  it('signing up after the deadline', () => refusedWithoutWrites('bad-1', 'signUp', { activityId: closed._id }, 'FAILED_PRECONDITION', 'deadline_passed'))
  it('signing up for an activity not open to the volunteer’s team', () => refusedWithoutWrites('bad-1', 'signUp', { activityId: veteransOnly._id }, 'PERMISSION_DENIED', 'team'))
  it('signing up for an activity overlapping one already held', async () => {
    const error = await refusedWithoutWrites('bad-1', 'signUp', { activityId: clashing._id }, 'CONFLICT', 'overlap')
    expect(error?.details).toMatchObject({ activityId: held._id })
  })
  it('checking in with another activity’s code', async () => {
    const error = await refusedWithoutWrites('bad-1', 'checkIn', { activityId: running._id, proof: { method: 'code', code: other.code } }, 'INVALID_ARGUMENT', 'wrong_code')
    expect(error?.issues?.[0].path).toEqual(['proof'])
  })
  it('checking in from outside the radius', async () => {
    const error = await refusedWithoutWrites('bad-1', 'checkIn', { activityId: running._id, proof: { method: 'location', lng: PLACE.lng + 0.05, lat: PLACE.lat } }, 'FAILED_PRECONDITION', 'too_far')
    expect(error?.details?.distanceMeters).toBeGreaterThan(300)
  })
  it('correcting hours without being an officer', () => refusedWithoutWrites('bad-1', 'correctHours', { activityId: running._id, openid: 'bad-1', minutes: 600, reason: '自己改' }, 'PERMISSION_DENIED'))
  it('checking in to an activity one holds no place in', () => refusedWithoutWrites('bad-1', 'checkIn', { activityId: other._id, proof: { method: 'code', code: other.code } }, 'FAILED_PRECONDITION', 'not_placed'))
  it('signing up for an unknown activity', () => refusedWithoutWrites('bad-1', 'signUp', { activityId: 'act-nope' }, 'NOT_FOUND', 'unknown_activity'))
  it('a malformed code, an unknown field, an operator object as id', async () => {
    await refusedWithoutWrites('bad-1', 'checkIn', { activityId: running._id, proof: { method: 'code', code: '12ab56' } }, 'INVALID_ARGUMENT')
    await refusedWithoutWrites('bad-1', 'signUp', { activityId: running._id, extra: 1 }, 'INVALID_ARGUMENT')
    await refusedWithoutWrites('bad-1', 'signUp', { activityId: { $ne: null } }, 'INVALID_ARGUMENT')
  })
  it('an activity ending before it starts', async () => {
    const start = Date.now() + 86400_000
    await refusedWithoutWrites(
      OFFICER,
      'createActivity',
      {
        kind: 'patrol',
        title: { zh: '巡逻' },
        description: { zh: '巡逻' },
        place: { label: { zh: '广场' }, point: PLACE },
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start - 3600_000).toISOString(),
        deadline: new Date(start - 7200_000).toISOString(),
        capacity: 3,
        skills: [],
        teamIds: ['team-herder-police'],
        requestId: 'bad-activity-times-0001',
      },
      'INVALID_ARGUMENT',
    )
  })
  it('an activity for a team that does not exist', async () => {
    const start = Date.now() + 86400_000
    const activity = {
      kind: 'patrol',
      title: { zh: '巡逻' },
      description: { zh: '巡逻' },
      place: { label: { zh: '广场' }, point: PLACE },
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600_000).toISOString(),
      deadline: new Date(start - 3600_000).toISOString(),
      capacity: 3,
      skills: [],
      teamIds: ['team-nobody'],
      requestId: 'bad-activity-team-0001',
    }
    const error = await refusedWithoutWrites(OFFICER, 'createActivity', activity, 'INVALID_ARGUMENT')
    expect(error?.issues?.[0].path).toEqual(['teamIds'])
  })
  it('a decline without a reason', () => refusedWithoutWrites(OFFICER, 'decide', { openid: 'bad-1', decision: 'decline' }, 'INVALID_ARGUMENT'))
})
