// Weak networks through the h5 build (docs/offline.md): a booking, a dispute filing and an
// anonymous tip-off made without a connection wait in the outbox with their draft, survive a reload, and are sent once
// when the network returns; a resident who loaded the app once still reads their officer's card,
// the 110 line, their check-in code and the notices they opened, each with its time.
//
// Chromium cannot reload a page with no network at all (the h5 build has no service worker; on
// WeChat the mini-program's package stays on the phone), so "reopening without signal" is a reload
// during which every call to the cloud functions fails as a lost connection does.
import type { BrowserContext, Page } from 'playwright-core'
import type { BookingView } from '../../src/core/booking/contract'
import type { ResidentCaseView } from '../../src/core/mediation/contract'
import { counterRecord } from '../../cloudfunctions/booking/records'
import { bookingDoc, roundTheClockCounter, slotDocs } from '../integration/booking-support'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const BOOKER = 'demo-resident-2'
const FILER = 'demo-resident-2'
const READER = 'demo-resident-1'
/** Reads Mongolian; bound to the gacha, whose officer (demo-officer-1) an anonymous tip-off with no position goes to. */
const TIPSTER = 'demo-resident-1'
const TIPSTER_OFFICER = 'demo-officer-1'

const COUNTER = roundTheClockCounter('counter-e2e-offline')
const [SLOT] = slotDocs(COUNTER.id, { minutesAhead: 24 * 60, count: 1, capacity: 3 })
const READER_BOOKING = bookingDoc({ id: 'bk_e2e_offline_reader', openid: READER, slot: SLOT, code: '480316', counter: COUNTER })

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
  await harness.emulator.seed({
    booking_counters: [counterRecord(COUNTER)],
    booking_slots: [{ ...SLOT, remaining: 2, holders: [{ bookingId: READER_BOOKING._id, openid: READER, at: new Date() }] }],
    bookings: [READER_BOOKING],
  })
})

afterAll(async () => {
  await harness?.stop()
})

const myBookings = (openid: string) => harness.callAs<{ bookings: BookingView[] }>(openid, 'booking', { action: 'myBookings' })
const myCases = (openid: string) => harness.callAs<ResidentCaseView[]>(openid, 'mediation', { action: 'myCases' })

/** Every call to the cloud functions fails as a lost connection does; the page itself still loads. */
const cutGateway = (context: BrowserContext) => context.route('**/gateway/call', (route) => route.abort('internetdisconnected'))
const restoreGateway = (context: BrowserContext) => context.unroute('**/gateway/call')

/** The network comes back: the browser's online event, on which the outbox sends what waits. */
async function backOnline(context: BrowserContext) {
  await restoreGateway(context)
  await context.setOffline(true)
  await context.setOffline(false)
}

/** The keys of the drafts kept in this browser (Taro's storage is localStorage on h5). */
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('fengqiao.draft.')))

describe('a booking made without a connection', () => {
  it('waits with its draft, survives a reload and is sent once when the network returns', async () => {
    const { context, page } = await harness.openPhone()
    // Without a connection each read waits for its retries before the offline copy shows.
    page.setDefaultTimeout(120_000)
    try {
      await signIn(page, BOOKER)
      const before = new Set((await myBookings(BOOKER)).bookings.map((b) => b.id))
      await on(page, 'home', '.home-open-booking').click()
      await on(page, 'booking', '.booking-service-id-card-first .fq-option-name').click()
      await on(page, 'booking', '.booking-service-id-card-first .booking-service-choose').click()
      await on(page, 'booking', '.booking-language-zh').click()
      await on(page, 'booking', '.booking-day:not(.is-full)').nth(1).click()
      await on(page, 'booking', '.booking-slot.is-free').first().click()
      await on(page, 'booking', '.booking-name input').fill('张桂兰')

      // The signal goes; the rest of the form is typed without it.
      await context.setOffline(true)
      await on(page, 'booking', '.fq-offline-banner').first().waitFor()
      await on(page, 'booking', '.booking-phone input').fill('13912345678')
      await on(page, 'booking', '.booking-id-number input').fill('150202199001011236')
      await on(page, 'booking', '.booking-submit').click()
      await on(page, 'booking', '.fq-queued').waitFor()
      expect(await on(page, 'booking', '.booking-error').count()).toBe(0)
      await shoot(page, 'offline-1-booking-queued-zh')

      // Reopened without signal: the draft is back (the identity number is never kept on the device).
      await cutGateway(context)
      await context.setOffline(false)
      await page.reload()
      await on(page, 'booking', '.fq-queued').waitFor()
      expect(await on(page, 'booking', '.booking-name input').inputValue()).toBe('张桂兰')
      expect(await on(page, 'booking', '.booking-phone input').inputValue()).toBe('13912345678')
      expect(await on(page, 'booking', '.booking-id-number input').inputValue()).toBe('')
      expect(await draftKeys(page)).toEqual([expect.stringContaining('fengqiao.draft.booking.book')])
      await shoot(page, 'offline-2-booking-draft-after-reload-zh')
      expect((await myBookings(BOOKER)).bookings).toHaveLength(before.size)

      await backOnline(context)
      await on(page, 'booking', '.fq-queued').waitFor({ state: 'detached' })
      const made = (await myBookings(BOOKER)).bookings.filter((b) => !before.has(b.id))
      expect(made).toHaveLength(1)
      expect(made[0]).toMatchObject({ status: 'booked', service: { id: 'id-card-first' }, applicant: { name: '张桂兰' } })
      expect(await draftKeys(page)).toEqual([])

      // 我的 › 等待发送 lists it as sent.
      await page.goto(`${harness.emulator.url}/#/pages/me/index`)
      await on(page, 'me', '.outbox-entry.is-sent').waitFor()
      await shoot(page, 'offline-3-outbox-sent-zh')
    } finally {
      await context.close()
    }
  })
})

describe('a dispute filed without a connection', () => {
  it('keeps the danger answer and the text through a reload and files once when the network returns', async () => {
    const { context, page } = await harness.openPhone()
    // Without a connection each read waits for its retries before the offline copy shows.
    page.setDefaultTimeout(120_000)
    try {
      await signIn(page, FILER)
      await on(page, 'home', '.home-open-mediation').click()
      await on(page, 'mediation', '.mediation-danger-no').click()
      await on(page, 'mediation', '.mediation-type-livestock').click()
      await on(page, 'mediation', '.mediation-description textarea').fill('邻居的羊群多次进入我家草场，沟通无果。')

      await context.setOffline(true)
      await on(page, 'mediation', '.mediation-phone input').fill('13812345678')
      await on(page, 'mediation', '.mediation-submit').click()
      await on(page, 'mediation', '.fq-queued').waitFor()
      await shoot(page, 'offline-4-dispute-queued-zh')

      await cutGateway(context)
      await context.setOffline(false)
      await page.reload()
      await on(page, 'mediation', '.fq-queued').waitFor()
      expect(await on(page, 'mediation', '.mediation-danger-no').getAttribute('class')).toContain('primary')
      expect(await on(page, 'mediation', '.mediation-description textarea').inputValue()).toBe('邻居的羊群多次进入我家草场，沟通无果。')
      expect(await on(page, 'mediation', '.mediation-phone input').inputValue()).toBe('13812345678')
      const casesBefore = (await myCases(FILER)).length

      // The same screen in Mongolian, still waiting.
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.goto(`${harness.emulator.url}/#/pages/me/index`)
      await on(page, 'me', '.outbox-entry.is-waiting').waitFor()
      await on(page, 'me', '.language-option-mn').click()
      await page.locator('#page-me.lang-mn .outbox-entry.is-waiting').waitFor()
      await context.setOffline(true)
      await on(page, 'me', '.fq-offline-banner').first().waitFor()
      await shoot(page, 'offline-5-outbox-waiting-mn')
      await context.setOffline(false)

      await backOnline(context)
      await page.locator('#page-me .outbox-entry.is-sent').waitFor()
      const cases = await myCases(FILER)
      expect(cases).toHaveLength(casesBefore + 1)
      expect(cases.filter((c) => c.type === 'livestock')).toEqual([expect.objectContaining({ status: 'submitted' })])
      expect(await draftKeys(page)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('an anonymous tip-off filed without a connection', () => {
  it('waits with its draft, survives a reload, is sent once when the network returns, stays followable on this phone and readable without signal', async () => {
    const { context, page } = await harness.openPhone()
    // Without a connection each read waits for its retries before the offline copy shows.
    page.setDefaultTimeout(120_000)
    const TEXT = '草场围栏夜里被人剪断，有车进来拉沙子。'
    const officerRequests = async () => (await harness.callAs<{ counts: { request: number } }>(TIPSTER_OFFICER, 'requests', { action: 'inbox' })).counts.request
    try {
      await signIn(page, TIPSTER)
      await on(page, 'home', '.home-open-requests-tipOff').click()
      await on(page, 'requests-file', '.rq-kind-tip_off.is-chosen').waitFor()
      await on(page, 'requests-file', '.rq-subject-illegal_mining_grazing').click()
      await on(page, 'requests-file', '.rq-text textarea').fill(TEXT)
      await on(page, 'requests-file', '.rq-anonymous-yes').click()
      const before = await officerRequests()

      await context.setOffline(true)
      await on(page, 'requests-file', '.rq-submit').click()
      await on(page, 'requests-file', '.fq-queued').waitFor()
      await on(page, 'requests-file', '.fq-queued').scrollIntoViewIfNeeded()
      await shoot(page, 'offline-6-tip-off-queued-mn')

      await cutGateway(context)
      await context.setOffline(false)
      await page.reload()
      await on(page, 'requests-file', '.fq-queued').waitFor()
      expect(await on(page, 'requests-file', '.rq-text textarea').inputValue()).toBe(TEXT)
      expect(await on(page, 'requests-file', '.rq-anonymous-yes').getAttribute('class')).toContain('is-chosen')
      expect(await officerRequests()).toBe(before)

      await backOnline(context)
      await on(page, 'requests-file', '.fq-queued').waitFor({ state: 'detached' })
      expect(await on(page, 'requests-file', '.rq-text textarea').inputValue()).toBe('')
      expect(await officerRequests()).toBe(before + 1)
      expect(await draftKeys(page)).toEqual([])
      // The request names nobody: only the key the outbox kept on this phone leads back to it.
      const kept = await page.evaluate(() => (JSON.parse(window.localStorage.getItem('fq-requests-follow') ?? 'null') as { data?: unknown } | null)?.data)
      expect(kept).toEqual([{ id: expect.any(String), followSecret: expect.any(String) }])
      const followed = await harness.callAs<Array<{ anonymous: boolean; text: string }>>(TIPSTER, 'requests', { action: 'follow', items: kept })
      expect(followed).toEqual([expect.objectContaining({ anonymous: true, text: TEXT })])
      await page.goto(`${harness.emulator.url}/#/packages/requests/pages/mine/index`)
      await on(page, 'requests-mine', '.rq-request .rq-anonymous-tag').waitFor()
      // Back out of signal, the list loaded last is still there, with its time.
      await cutGateway(context)
      await page.reload()
      await on(page, 'requests-mine', '.fq-offline-as-of').waitFor()
      await on(page, 'requests-mine', '.rq-request .rq-anonymous-tag').waitFor()
      await shoot(page, 'offline-7-my-requests-as-of-mn')
    } finally {
      await context.close()
    }
  })
})

describe('a resident who loaded the app once', () => {
  it('still reads the officer’s card, the 110 line, the check-in code and an opened notice, each with its time', async () => {
    const { context, page } = await harness.openPhone()
    // Without a connection each read waits for its retries before the offline copy shows.
    page.setDefaultTimeout(120_000)
    try {
      // Online once: the home with the officer, the bookings, a notice opened.
      await signIn(page, READER)
      await on(page, 'home', '.home-community .officer-contact').waitFor()
      await on(page, 'home', '.home-open-booking').click()
      await on(page, 'booking', '.booking-tab-mine').click()
      await on(page, 'booking', `.booking-card-${READER_BOOKING._id} .booking-code`).waitFor()
      await page.goto(`${harness.emulator.url}/#/packages/notices/pages/feed/index`)
      await on(page, 'notices', '.notice-row').first().click()
      await on(page, 'notice-detail', '.notice-body').waitFor()
      const noticeUrl = page.url()
      const noticeBody = await on(page, 'notice-detail', '.notice-body').textContent()

      // The signal goes.
      await cutGateway(context)
      for (const language of ['mn', 'zh'] as const) {
        await page.goto(`${harness.emulator.url}/`)
        await on(page, 'home', `.language-option-${language}`).click()
        await page.locator(`#page-home.lang-${language} .home-community .officer-contact`).waitFor()
        await on(page, 'home', '.fq-offline-as-of').first().waitFor()
        expect(await on(page, 'home', '.emergency-call-110').count()).toBe(1)
        await context.setOffline(true)
        await on(page, 'home', '.fq-offline-banner').first().waitFor()
        await shoot(page, `offline-6-home-${language}`)
        await context.setOffline(false)

        await page.goto(`${harness.emulator.url}/#/packages/booking/pages/index/index?tab=mine`)
        await on(page, 'booking', `.booking-card-${READER_BOOKING._id} .booking-code`).waitFor()
        expect(await on(page, 'booking', `.booking-card-${READER_BOOKING._id} .booking-code`).textContent()).toBe('480316')
        await on(page, 'booking', '.fq-offline-as-of').first().waitFor()
        await context.setOffline(true)
        await on(page, 'booking', '.fq-offline-banner').first().waitFor()
        await shoot(page, `offline-7-check-in-code-${language}`)
        await context.setOffline(false)

        await page.goto(noticeUrl)
        await on(page, 'notice-detail', '.fq-offline-as-of').first().waitFor()
        expect(await on(page, 'notice-detail', '.notice-body').textContent()).toBe(noticeBody)
        await context.setOffline(true)
        await on(page, 'notice-detail', '.fq-offline-banner').first().waitFor()
        await shoot(page, `offline-8-notice-${language}`)
        await context.setOffline(false)
      }
    } finally {
      await context.close()
    }
  })
})
