// The daily filing limit of the requests desk (requestFiling, default 10 a day), set to 2 here so
// the test needs few calls: a third filing is refused with nothing stored, an anonymous filing
// counts against the same account (through a keyed digest, naming nobody), and a retried filing
// is still answered once the day's filings are used up.
import type { Envelope } from '../../src/core/envelope'
import { DEFAULT_LIMITS } from '../../src/core/rate-limit'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { buildRequest, buildTipOff } from './requests-support'

const PER_DAY = 2
const FILER = 'eager-filer'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ functionEnv: { RATE_LIMITS: JSON.stringify({ requestFiling: { max: PER_DAY, per: 'day' } }) } })
})
afterAll(() => cloud.stop())

function expectRateLimited(envelope: Envelope<unknown>) {
  const error = expectError(envelope, 'RESOURCE_EXHAUSTED')
  expect(error?.details).toMatchObject({ why: 'rate_limited', limit: 'requestFiling' })
}

it('stores 2 filings (one anonymous), refuses the 3rd with nothing stored, and answers a retry', async () => {
  expect(DEFAULT_LIMITS.requestFiling).toEqual({ max: 10, per: 'day' })
  const named = buildRequest()
  expectOk(await cloud.call(FILER, 'requests', named))
  expectOk(await cloud.call(FILER, 'requests', buildTipOff()))
  cloud.resetWrites()
  expectRateLimited(await cloud.call(FILER, 'requests', buildRequest()))
  expectRateLimited(await cloud.call(FILER, 'requests', buildTipOff()))
  expect(cloud.writes()).toBe(0)
  expect(await cloud.stored('requests', { filerOpenid: FILER })).toHaveLength(1)
  // The counter names a keyed digest, not the account.
  const counters = await cloud.stored('rate_counters', { limit: 'requestFiling' })
  expect(counters.length).toBe(1)
  expect(JSON.stringify(counters)).not.toContain(FILER)
  expectOk(await cloud.call(FILER, 'requests', named))
})
