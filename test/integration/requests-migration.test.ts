// The migration of jurisdiction's routed requests (askOfficer) into the requests desk: a dry run
// writes nothing, a run moves each one as a consultation of the same resident that the resident
// and the officer then find, and a second run moves nothing again.
import type { ResidentRequestView } from '../../src/core/requests/contract'
import { migrateRoutedRequests } from '../../scripts/migrate-requests'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { OFFICER, RESIDENT, staff } from './requests-support'

let cloud: TestCloud
let db: Parameters<typeof migrateRoutedRequests>[0]
beforeAll(async () => {
  cloud = await startTestCloud()
  const sdk = (await import('wx-server-sdk')).default
  db = sdk.database() as unknown as typeof db
})
afterAll(() => cloud.stop())

it('moves every routed request once, as a consultation its resident and officer find', async () => {
  // What jurisdiction's askOfficer (removed with this migration) stored, routed to officer-1.
  const decision = {
    communityId: 'gacha-bayanbulag', districtId: null, gridCellId: null,
    assignee: { officerId: 'officer-1', as: 'community_officer' }, communityOfficerId: 'officer-1',
    escalation: { level2: [], level3: [] },
    steps: [{ kind: 'located_in', communityId: 'gacha-bayanbulag', method: 'given' }, { kind: 'assigned', officerId: 'officer-1', as: 'community_officer' }],
  }
  await cloud.emulator.seed({
    routed_requests: ['草场证丢了怎么补？', '外地牌照车辆怎么年检？'].map((question, i) => ({
      _id: `legacy-question-${i}`, kind: 'consultation', question, requesterOpenid: RESIDENT, status: 'open', createdAt: new Date(Date.now() - (i + 1) * 3_600_000),
      assigneeOfficerId: 'officer-1', decision, reason: { zh: '巴音布拉格嘎查的社区民警', mn: 'ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ' }, jurisdictionVersion: 1, reassignments: [],
    })),
  })
  const before = (await cloud.stored('routed_requests')).length

  cloud.resetWrites()
  const dry = await migrateRoutedRequests(db, { dryRun: true, now: new Date() })
  expect(dry).toMatchObject({ read: before, migrated: before, alreadyMigrated: 0, dryRun: true })
  expect(cloud.writes()).toBe(0)

  const first = await migrateRoutedRequests(db, { dryRun: false, now: new Date() })
  expect(first).toMatchObject({ read: before, migrated: before, alreadyMigrated: 0 })
  const second = await migrateRoutedRequests(db, { dryRun: false, now: new Date() })
  expect(second).toMatchObject({ read: before, migrated: 0, alreadyMigrated: before })

  const mine = expectOk(await cloud.call<ResidentRequestView[]>(RESIDENT, 'requests', { action: 'mine' }))
  expect(mine.filter((r) => r.text === '草场证丢了怎么补？')).toHaveLength(1)
  const moved = mine.find((r) => r.text === '外地牌照车辆怎么年检？')!
  expect(moved).toMatchObject({ kind: 'consultation', status: 'submitted' })
  expect(expectOk(await staff(cloud, OFFICER, 'accept', { id: moved.id })).status).toBe('accepted')
})
