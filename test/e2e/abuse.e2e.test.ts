// Abuse limits as a person meets them, with the production defaults: an officer who mistypes the
// invite code five times in an hour, and a resident who made five bookings today, are told in
// their language what happened and when to try again.
import type { Page } from 'playwright-core'
import type { BookingView } from '../../src/core/booking/contract'
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

describe('booking more than five times a day', () => {
  const RESIDENT = 'demo-resident-1'
  const book = (slotId: string) =>
    harness.callAs<BookingView>(RESIDENT, 'booking', { action: 'book', slotId, serviceId: 'id-card-first', requestId: crypto.randomUUID(), applicant: { relation: 'self', name: '其木格', phone: '13912345678' } })
  const cancel = (bookingId: string) => harness.callAs(RESIDENT, 'booking', { action: 'cancel', bookingId })

  it('refuses the sixth with the time the day’s allowance comes back, in Chinese and in Mongolian', async () => {
    // Five bookings made today (two cancelled, so the three-upcoming rule is not what stops her).
    const { slots } = await harness.callAs<{ slots: Array<{ id: string; remaining: number; startsAt: string }> }>(RESIDENT, 'booking', { action: 'listSlots', serviceId: 'id-card-first' })
    const later = slots.filter((s) => s.remaining > 0 && Date.parse(s.startsAt) > Date.now() + 24 * 3600_000)
    const made: BookingView[] = []
    for (const slot of later.slice(0, 3)) made.push(await book(slot.id))
    for (const b of made.slice(0, 2)) await cancel(b.id)
    for (const slot of later.slice(3, 5)) made.push(await book(slot.id))
    for (const b of made.slice(2, 3)) await cancel(b.id)

    // She reads Mongolian (her stored language); then the same in Chinese, on a phone of its own:
    // the refused form stays as a draft on the first one (docs/offline.md) and would open at its last step.
    for (const language of ['mn', 'zh'] as const) {
      const { context, page } = await harness.openPhone()
      try {
        await signIn(page, RESIDENT)
        await on(page, 'home', `.language-option-${language}`).click()
        await page.locator(`#page-home.lang-${language} .role-home-resident`).waitFor()
        await on(page, 'home', '.home-open-booking').click()
        await on(page, 'booking', '.booking-service-id-card-first .fq-option-name').click()
        await on(page, 'booking', '.booking-service-id-card-first .booking-service-choose').click()
        await on(page, 'booking', '.booking-language-zh').click()
        await on(page, 'booking', '.booking-day:not(.is-full)').nth(3).click()
        await on(page, 'booking', '.booking-slot.is-free').first().click()
        await on(page, 'booking', '.booking-name input').fill('其木格')
        await on(page, 'booking', '.booking-phone input').fill('13912345678')
        await on(page, 'booking', '.booking-submit').click()
        const problem = on(page, 'booking', '.booking-error')
        await problem.waitFor()
        expect(await problem.textContent()).toMatch(language === 'mn' ? /[\u1800-\u18AF]/ : /今天网上预约的次数已用完/)
        expect(await problem.textContent()).toMatch(STATION_TIME)
        await problem.scrollIntoViewIfNeeded()
        await shoot(page, `abuse-${language === 'mn' ? 3 : 4}-booking-limit-${language}`)
        await page.goBack()
      } finally {
        await context.close()
      }
    }
  })
})
