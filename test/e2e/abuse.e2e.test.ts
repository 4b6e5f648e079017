// Abuse limits as a person meets them, with the production defaults: an officer who mistypes the
// invite code five times in an hour is told, in their language, what happened and when to try
// again; nothing else changes.
import type { Page } from 'playwright-core'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

let harness: Harness

beforeAll(async () => {
  // No functionEnv: the real limits (5 wrong invite codes an hour per person).
  harness = await startHarness({ functionEnv: {} })
})

afterAll(async () => {
  await harness?.stop()
})

const PERSON = 'demo-resident-2'
const STATION_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/

async function submitCode(page: Page, code: string) {
  await on(page, 'me', '.invite-code-input input').fill(code)
  await on(page, 'me', '.invite-redeem-submit').click()
}

describe('guessing invite codes', () => {
  it('stops after five wrong codes and says when to try again, in Chinese and in Mongolian', async () => {
    for (const code of ['ABCDEFGH', 'ABCDEFGJ', 'ABCDEFGK', 'ABCDEFGL', 'ABCDEFGM']) {
      expect(await harness.emulator.call('account', { action: 'redeemInvite', code }, { openid: PERSON })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, PERSON)
      await on(page, 'home', '.home-me-link, .home-open-me').first().click()
      await on(page, 'me', '.invite-redeem').waitFor()

      await submitCode(page, 'ABCD2345')
      const error = on(page, 'me', '.invite-code-error')
      await error.waitFor()
      expect(await error.textContent()).toContain('输错次数太多')
      expect(await error.textContent()).toMatch(STATION_TIME)
      await shoot(page, 'abuse-1-invite-limit-zh')

      await on(page, 'me', '.language-option-mn').click()
      await page.locator('#page-me.lang-mn .invite-redeem').waitFor()
      await submitCode(page, 'ABCD2345')
      await page.locator('#page-me.lang-mn .invite-code-error').waitFor()
      const mongolian = await on(page, 'me', '.invite-code-error').textContent()
      expect(mongolian).toMatch(/[\u1800-\u18AF]/)
      expect(mongolian).toMatch(STATION_TIME)
      await shoot(page, 'abuse-2-invite-limit-mn')
    } finally {
      await context.close()
    }
  })
})
