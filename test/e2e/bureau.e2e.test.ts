// The bureau's second station through the h5 build (issue 21): 乌云 (demo-resident-bb-1), bound
// to 阿拉坦社区 of 巴音宝力格镇派出所, books at her station's counter, which is listed first with
// its station named, and asks her officer a question; 其木格 (demo-officer-bb-1, that station's
// community officer) finds it in 今日待办, and 巴特尔 of the first station does not. Screenshots in
// Chinese and in Mongolian (elder mode).
import type { BookingView } from '../../src/core/booking/contract'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const RESIDENT = 'demo-resident-bb-1'
const OFFICER_BB = 'demo-officer-bb-1'
const OFFICER_FIRST = 'demo-officer-1'
const STATION_BB = 'station-bayanbolag'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.stop()
})

describe('a resident of the second station', () => {
  it('books at her own station’s counter, listed first, and her question reaches her station’s officer only', async () => {
    const { context, page } = await harness.openPhone()
    let requestId = ''
    try {
      await signIn(page, RESIDENT)
      await on(page, 'home', '.home-open-booking').click()
      await on(page, 'booking', '.booking-service-id-card-renewal .fq-option-name').click()
      await on(page, 'booking', '.booking-service-id-card-renewal .booking-service-choose').click()
      await on(page, 'booking', '.booking-language-zh').click()

      // Her station's counter first, chosen, with the station named; the others follow by distance.
      const cards = on(page, 'booking', '.booking-counter')
      await cards.first().waitFor()
      expect(await cards.first().getAttribute('data-station')).toBe(STATION_BB)
      expect(await cards.first().getAttribute('class')).toContain('is-current')
      expect(await cards.first().locator('.booking-counter-station').textContent()).toContain('巴音宝力格镇派出所')
      expect(await cards.nth(1).locator('.booking-counter-where').textContent()).toMatch(/约 [\d.]+ 公里/)
      await on(page, 'booking', '.booking-step-counter').scrollIntoViewIfNeeded()
      await shoot(page, 'bureau-1-counters-own-station-first-zh')

      await on(page, 'booking', '.booking-day:not(.is-full)').nth(1).click()
      await on(page, 'booking', '.booking-slot.is-free').first().click()
      await on(page, 'booking', '.booking-name input').fill('乌云')
      await on(page, 'booking', '.booking-phone input').fill('13912340021')
      await on(page, 'booking', '.booking-submit').click()
      await on(page, 'booking', '.booking-done .booking-code').waitFor()
      const code = (await on(page, 'booking', '.booking-done .booking-code').textContent())?.trim()
      const { bookings } = await harness.callAs<{ bookings: BookingView[] }>(RESIDENT, 'booking', { action: 'myBookings' })
      expect(bookings.find((b) => b.code === code)).toMatchObject({ status: 'booked', counter: { id: 'counter-bb-bilingual' } })
      await shoot(page, 'bureau-2-booked-zh')

      // The same counter list in Mongolian, in elder mode (larger type).
      await page.goto(`${harness.emulator.url}/#/pages/index/index`)
      await on(page, 'home', '.language-option-mn').click()
      await on(page, 'home', '.elder-mode-switch').click()
      await page.locator('#page-home.lang-mn.elder').waitFor()
      await on(page, 'home', '.home-open-booking').click()
      await page.locator('#page-booking.lang-mn .booking-service-id-card-renewal .fq-option-name').click()
      await on(page, 'booking', '.booking-service-id-card-renewal .booking-service-choose').click()
      await on(page, 'booking', '.booking-language-mn').click()
      await page.locator(`#page-booking.lang-mn.elder .booking-counter.is-current[data-station="${STATION_BB}"]`).waitFor()
      expect(await cards.first().locator('.booking-counter-station').textContent()).toMatch(/[\u1800-\u18AF]/)
      await on(page, 'booking', '.booking-step-counter').scrollIntoViewIfNeeded()
      await shoot(page, 'bureau-3-counters-own-station-first-mn-elder')

      // A question to her officer: routed by her community to her station.
      await page.goto(`${harness.emulator.url}/#/pages/index/index`)
      await on(page, 'home', '.home-open-requests-ask').click()
      await on(page, 'requests-file', '.rq-kind-consultation.is-chosen').waitFor()
      await on(page, 'requests-file', '.rq-topic-id_card').click()
      await on(page, 'requests-file', '.rq-text textarea').fill('换身份证要带户口本原件吗？')
      await on(page, 'requests-file', '.rq-submit').click()
      await on(page, 'requests-file', '.rq-filed').waitFor()
      await on(page, 'requests-file', '.rq-filed-mine').click()
      const card = on(page, 'requests-mine', '.rq-request').first()
      await card.waitFor()
      requestId = /rq-request-(\S+)/.exec((await card.getAttribute('class')) ?? '')![1]
      expect(requestId).not.toBe('')
    } finally {
      await context.close()
    }

    // 其木格 of 巴音宝力格镇派出所 (reads Mongolian) finds it in 今日待办.
    const officer = await harness.openPhone()
    try {
      await signIn(officer.page, OFFICER_BB)
      await on(officer.page, 'home', '.role-home-officer .fq-entry-action').click()
      await on(officer.page, 'workbench', '.workbench-open-inbox .fq-entry-action').click()
      await on(officer.page, 'inbox', `.oq-item-${requestId}`).waitFor()
      await shoot(officer.page, 'bureau-4-station-officer-inbox-mn')
    } finally {
      await officer.context.close()
    }

    // 巴特尔 of the first station does not.
    const other = await harness.openPhone()
    try {
      await signIn(other.page, OFFICER_FIRST)
      await on(other.page, 'home', '.role-home-officer .fq-entry-action').click()
      await on(other.page, 'workbench', '.workbench-open-inbox .fq-entry-action').click()
      await on(other.page, 'inbox', '.oq-inbox, .oq-inbox-empty').first().waitFor()
      expect(await on(other.page, 'inbox', `.oq-item-${requestId}`).count()).toBe(0)
      await shoot(other.page, 'bureau-5-first-station-inbox-without-it')
    } finally {
      await other.context.close()
    }
  })
})
