// Builders and helpers for the mediation suites: a filing as the resident screen sends it, a
// stored case as the function would have stored it (for data sets built by hand), and the
// jobs run at an injected instant.
import { randomUUID } from 'node:crypto'
import type { ResidentCaseView, StaffCaseView } from '../../src/core/mediation/contract'
import { expectOk, type TestCloud } from '../support/cloud'

export { messagesTo } from './booking-support'
export { mediationCaseRecord as buildStoredCase } from '../../scripts/demo-mediation'

export const RESIDENT = 'demo-resident-1'
export const OTHER_RESIDENT = 'demo-resident-2'
/** officer-1 answers for gacha-bayanbulag (RESIDENT's gacha); officer-2 for the town communities. */
export const OFFICER = 'demo-officer-1'
export const OTHER_OFFICER = 'demo-officer-2'
export const LEADER = 'demo-leader-1'

export const buildFiling = (overrides: Record<string, unknown> = {}) => ({
  action: 'fileDispute',
  requestId: randomUUID(),
  type: 'neighbour',
  description: '邻居家的羊群连续几天进我家草场吃草，协商赔偿没有结果。',
  applicant: { name: '其木格', phone: '13900000001' },
  otherParty: { name: `巴图${randomUUID().slice(0, 6)}`, phone: '13900000002' },
  communityId: 'gacha-bayanbulag',
  language: 'zh',
  dangerNow: false,
  ...overrides,
})

export async function fileCase(cloud: TestCloud, overrides: Record<string, unknown> = {}, openid = RESIDENT): Promise<ResidentCaseView> {
  return expectOk(await cloud.call<ResidentCaseView>(openid, 'mediation', buildFiling(overrides)))
}

export const act = (cloud: TestCloud, openid: string, action: string, input: Record<string, unknown>) => cloud.call<StaffCaseView>(openid, 'mediation', { action, ...input })

/** Accept, schedule a session and hold it: a case ready for an agreement or "not settled". */
export async function mediateOnce(cloud: TestCloud, openid: string, caseId: string) {
  expectOk(await act(cloud, openid, 'acceptCase', { caseId }))
  const scheduled = expectOk(await act(cloud, openid, 'scheduleSession', { caseId, at: new Date(Date.now() + 3600_000).toISOString(), place: 'pavilion', participants: ['双方当事人', '嘎查调解员'], requestId: randomUUID() }))
  const session = scheduled.sessions[scheduled.sessions.length - 1]
  return expectOk(await act(cloud, openid, 'holdSession', { caseId, sessionId: session.id, notes: '双方情绪激动，内部备注：申请人有饮酒史' }))
}

export const runMediationJob = (cloud: TestCloud, trigger: string, at: Date) =>
  cloud.emulator.runTimer('mediation', trigger, at) as Promise<{ ok: boolean; data: Record<string, number> }>

