// Builders and helpers for the requests suites: a filing as the resident screen sends it, the
// staff steps, and the deadline job run at an injected instant.
import { randomBytes, randomUUID } from 'node:crypto'
import type { ResidentRequestView, StaffRequestView } from '../../src/core/requests/contract'
import { expectOk, type TestCloud } from '../support/cloud'

export { messagesTo } from './booking-support'

/** RESIDENT is bound to gacha-bayanbulag, which officer-1 (OFFICER) answers for, with aux-1. */
export const RESIDENT = 'demo-resident-1'
export const OTHER_RESIDENT = 'demo-resident-2'
export const OFFICER = 'demo-officer-1'
export const OTHER_OFFICER = 'demo-officer-2'
export const LEADER = 'demo-leader-1'

/** A secret as the phone makes it: 32 random bytes, URL-safe. */
export const newFollowSecret = () => randomBytes(32).toString('base64url')

export const buildRequest = (overrides: Record<string, unknown> = {}) => ({
  action: 'submit',
  requestId: randomUUID(),
  details: { kind: 'consultation', topic: 'household' },
  text: '孩子上户口需要带哪些材料？',
  contact: { name: '其木格', phone: '13900000001' },
  language: 'zh',
  ...overrides,
})

export const buildTipOff = (secret = newFollowSecret(), overrides: Record<string, unknown> = {}) => ({
  action: 'submit',
  requestId: randomUUID(),
  details: { kind: 'tip_off', subject: 'illegal_mining_grazing', ongoing: false },
  text: '巴音布拉格嘎查北边夜里有人开采砂石',
  anonymous: true,
  followSecret: secret,
  language: 'mn',
  ...overrides,
})

export async function submitRequest(cloud: TestCloud, overrides: Record<string, unknown> = {}, openid = RESIDENT): Promise<ResidentRequestView> {
  return expectOk(await cloud.call<ResidentRequestView>(openid, 'requests', buildRequest(overrides)))
}

export const staff = (cloud: TestCloud, openid: string, action: string, input: Record<string, unknown>) => cloud.call<StaffRequestView>(openid, 'requests', { action, ...input })
export const resident = (cloud: TestCloud, openid: string, action: string, input: Record<string, unknown>) => cloud.call<ResidentRequestView>(openid, 'requests', { action, ...input })

export const runWatch = (cloud: TestCloud, at: Date) => cloud.emulator.runTimer('requests', 'watchDeadlines', at) as Promise<{ ok: boolean; data: Record<string, number | boolean> }>
