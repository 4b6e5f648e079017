// The booking journeys through the h5 build: a resident books a household-registration service,
// sees the 6-digit check-in code, moves it to another day and cancels it; an officer checks a
// resident in at the counter by code and sees them in today's queue; a door-to-door request goes
// from a resident to the officer, who proposes a time, and back to the resident, who accepts it.
import type { BookingView, HomeVisitView } from '../../src/core/booking/contract'
import { counterRecord } from '../../cloudfunctions/booking/records'
import { bookingDoc, roundTheClockCounter, slotDocs } from '../integration/booking-support'
import { confirmPicker, on, shoot, signIn, startHarness, type Harness } from './harness'

const RESIDENT = 'demo-resident-2'
const ELDER_RESIDENT = 'demo-resident-1'
const OFFICER = 'demo-officer-1'
const OFFICER_OPENIDS: Record<string, string> = { 'officer-1': 'demo-officer-1', 'officer-2': 'demo-officer-2', 'officer-chief': 'demo-leader-1' }

// A counter open around the clock with a slot running now, so a booking for today exists whatever
// the hour the suite runs (functions read the real clock; check-in is for today's bookings only).
// The first slot starting in the last 30 minutes is the one running now: never tomorrow's (a slot
// starting 10 minutes ago or later was tomorrow's after 23:40).
const DESK_COUNTER = roundTheClockCounter('counter-e2e-desk')
const [CURRENT_SLOT] = slotDocs(DESK_COUNTER.id, { minutesAhead: -30, count: 1, capacity: 3 })
const ARRIVING = bookingDoc({ id: 'bk_e2e_arriving', openid: 'demo-resident-2', slot: CURRENT_SLOT, code: '731942', counter: DESK_COUNTER })

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
  await harness.emulator.seed({
    booking_counters: [counterRecord(DESK_COUNTER)],
    booking_slots: [{ ...CURRENT_SLOT, remaining: 2, holders: [{ bookingId: ARRIVING._id, openid: ARRIVING.openid, at: new Date() }] }],
    bookings: [ARRIVING],
  })
})

afterAll(async () => {
  await harness?.stop()
})

const myBookings = (openid: string) => harness.callAs<{ bookings: BookingView[] }>(openid, 'booking', { action: 'myBookings' })
const myHomeVisits = (openid: string) => harness.callAs<HomeVisitView[]>(openid, 'booking', { action: 'myHomeVisits' })

describe('a resident books a counter appointment', () => {
  it('chooses a service, a day and a slot, sees the 6-digit code, reschedules and cancels it', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, RESIDENT)
      await on(page, 'home', '.home-open-booking').click()
      await on(page, 'booking', '.booking-service-id-card-first').waitFor()
      // An abolished certificate says why and cannot be booked.
      await on(page, 'booking', '.booking-service-kinship-certificate .fq-option-name').click()
      await on(page, 'booking', '.booking-service-kinship-certificate .booking-not-required').waitFor()
      expect(await on(page, 'booking', '.booking-service-kinship-certificate .booking-service-choose').count()).toBe(0)

      await on(page, 'booking', '.booking-service-id-card-first .fq-option-name').click()
      await on(page, 'booking', '.booking-service-id-card-first .booking-material').first().click()
      await shoot(page, 'booking-1-service')
      await on(page, 'booking', '.booking-service-id-card-first .booking-service-choose').click()
      await on(page, 'booking', '.booking-language-zh').click()
      // A later day: a slot today may be past the cancellation deadline (2 hours before) already.
      await on(page, 'booking', '.booking-day:not(.is-full)').nth(1).click()
      await on(page, 'booking', '.booking-slot.is-free').first().click()
      await on(page, 'booking', '.booking-name input').fill('张桂兰')
      await on(page, 'booking', '.booking-phone input').fill('13912345678')
      await shoot(page, 'booking-2-slot-and-form')
      await on(page, 'booking', '.booking-submit').click()

      await on(page, 'booking', '.booking-done .booking-code').waitFor()
      const code = (await on(page, 'booking', '.booking-done .booking-code').textContent())?.trim()
      expect(code).toMatch(/^\d{6}$/)
      const stored = (await myBookings(RESIDENT)).bookings.find((b) => b.code === code)
      expect(stored).toMatchObject({ status: 'booked', service: { id: 'id-card-first' }, applicant: { name: '张桂兰' } })
      await on(page, 'booking', '.booking-done .booking-code-box').scrollIntoViewIfNeeded()
      await shoot(page, 'booking-3-code')

      await on(page, 'booking', '.booking-tab-mine').click()
      // Another day at the same counter: the booking keeps its id and code.
      await on(page, 'booking', `.booking-card-${stored!.id} .booking-reschedule`).click()
      await on(page, 'booking', '.booking-reschedule-picker .booking-day:not(.is-full)').nth(2).click()
      await on(page, 'booking', '.booking-reschedule-picker').scrollIntoViewIfNeeded()
      await shoot(page, 'booking-3b-reschedule')
      await on(page, 'booking', '.booking-reschedule-picker .booking-slot.is-free').first().click()
      // A tap on a time only proposes the move: nothing changes until the resident confirms it.
      await on(page, 'booking', '.booking-reschedule-confirm').waitFor()
      expect((await myBookings(RESIDENT)).bookings.find((b) => b.id === stored!.id)!.slot.id).toBe(stored!.slot.id)
      expect(await on(page, 'booking', '.booking-reschedule-confirm').textContent()).toContain(`${stored!.slot.localDate} ${stored!.slot.localTime}`)
      await shoot(page, 'booking-3c-reschedule-confirm')
      await on(page, 'booking', '.booking-reschedule-confirm .fq-dialog-confirm').click()
      await on(page, 'booking', '.booking-reschedule-picker').waitFor({ state: 'detached' })
      const moved = (await myBookings(RESIDENT)).bookings.find((b) => b.id === stored!.id)
      expect(moved).toMatchObject({ status: 'booked', code })
      expect(moved!.slot.id).not.toBe(stored!.slot.id)
      await on(page, 'booking', `.booking-card-${stored!.id} .booking-cancel`).click()
      await on(page, 'booking', '.booking-cancel-confirm').waitFor()
      await shoot(page, 'booking-4-cancel-confirm')
      await on(page, 'booking', '.booking-cancel-confirm .fq-dialog-confirm').click()
      await on(page, 'booking', `.booking-card-${stored!.id}.is-cancelled`).waitFor()
      expect((await myBookings(RESIDENT)).bookings.find((b) => b.id === stored!.id)?.status).toBe('cancelled')
    } finally {
      await context.close()
    }
  })
})

describe('the counter desk', () => {
  it('checks a booking in by its code and shows it in today’s queue in order of arrival', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, OFFICER)
      await on(page, 'home', '.role-home-officer .fq-entry-action').click()
      await on(page, 'workbench', '.workbench-open-desk .fq-entry-action').click()
      await on(page, 'desk', `.desk-counter-${DESK_COUNTER.id}`).click()
      await on(page, 'desk', `.desk-queue-expected .desk-booking-${ARRIVING._id}`).waitFor()
      await on(page, 'desk', '.desk-code-input input').fill(ARRIVING.code!)
      await on(page, 'desk', '.desk-check-in-submit').click()
      await on(page, 'desk', `.desk-queue-arrived .desk-booking-${ARRIVING._id} .desk-arrival`).waitFor()
      expect(await on(page, 'desk', `.desk-queue-arrived .desk-booking-${ARRIVING._id} .desk-arrival`).textContent()).toContain('1')
      const [after] = (await myBookings(ARRIVING.openid)).bookings.filter((b) => b.id === ARRIVING._id)
      expect(after.status).toBe('checked_in')
      await on(page, 'desk', '.desk-queue').scrollIntoViewIfNeeded()
      await shoot(page, 'booking-5-desk-checked-in')
    } finally {
      await context.close()
    }
  })
})

describe('door-to-door service', () => {
  it('goes from the resident to their officer, who proposes a time, and back to the resident, who accepts it', async () => {
    const resident = await harness.openPhone()
    try {
      await signIn(resident.page, ELDER_RESIDENT)
      await on(resident.page, 'home', '.home-open-booking').click()
      await on(resident.page, 'booking', '.booking-service-id-card-renewal .fq-option-name').click()
      await on(resident.page, 'booking', '.booking-service-id-card-renewal .booking-service-home').click()
      await on(resident.page, 'booking', '.home-visit-form').waitFor()
      await on(resident.page, 'booking', '.home-reason-age').click()
      await on(resident.page, 'booking', '.home-visit-form .booking-name input').fill('Dolgor')
      await on(resident.page, 'booking', '.home-visit-form .booking-phone input').fill('13800001111')
      await confirmPicker(resident.page, 'booking', '.home-birth-date')
      await on(resident.page, 'booking', '.home-address input').fill('Bayanbulag gacha, 3rd winter camp')
      await shoot(resident.page, 'booking-6-home-visit-form-mn')
      await on(resident.page, 'booking', '.home-visit-submit').click()
      await on(resident.page, 'booking', '.home-visits-mine .home-visit.is-requested').waitFor()
      const [visit] = await myHomeVisits(ELDER_RESIDENT)
      expect(visit).toMatchObject({ status: 'requested', reason: 'age', service: { id: 'id-card-renewal' } })

      const officerOpenid = OFFICER_OPENIDS[visit.assignee.id] ?? 'demo-leader-1'
      const officer = await harness.openPhone()
      try {
        await signIn(officer.page, officerOpenid)
        await officer.page.goto(`${harness.emulator.url}/#/packages/officer/pages/desk/index`)
        const card = on(officer.page, 'desk', `.desk-visit-${visit.id}`)
        await card.waitFor()
        await card.locator('.desk-visit-times input').fill('2030-05-21 10:00, 2030-05-22 15:30')
        await card.locator('.desk-visit-propose').click()
        await on(officer.page, 'desk', `.desk-visit-${visit.id}.is-proposed`).waitFor()
        await shoot(officer.page, 'booking-7-desk-home-visit-proposed')
      } finally {
        await officer.context.close()
      }

      await resident.page.reload()
      await on(resident.page, 'booking', '.booking-tab-home').click()
      const proposed = on(resident.page, 'booking', `.home-visit-${visit.id}.is-proposed`)
      await proposed.waitFor()
      await proposed.locator('.home-visit-accept').first().scrollIntoViewIfNeeded()
      await shoot(resident.page, 'booking-8-home-visit-proposals-mn')
      await proposed.locator('.home-visit-accept').first().click()
      await on(resident.page, 'booking', `.home-visit-${visit.id}.is-scheduled .home-visit-scheduled`).waitFor()
      const [accepted] = await myHomeVisits(ELDER_RESIDENT)
      expect(accepted.status).toBe('scheduled')
      expect(accepted.scheduled?.startsAt).toBe(new Date('2030-05-21T02:00:00Z').toISOString())
      await shoot(resident.page, 'booking-9-home-visit-scheduled-mn')
    } finally {
      await resident.context.close()
    }
  })
})
