// Personal data through the h5 build (issue #9): an officer sees a disputant's phone masked and
// reveals it with a tap; the leader finds that reveal in the audit log; a resident exports their
// data as a JSON file and deletes their account after typing the phrase and confirming. The
// screens in Chinese and in traditional Mongolian.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import type { ResidentCaseView } from '../../src/core/mediation/contract'
import { rightsZhHans } from '../../src/packages/privacy-rights/i18n/zh-Hans'
import { bookingDoc, roundTheClockCounter, slotDocs } from '../integration/booking-support'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const RESIDENT = 'demo-resident-2'
const MONGOLIAN_RESIDENT = 'demo-resident-1'
const OFFICER = 'demo-officer-1'
const CHINESE_OFFICER = 'demo-officer-2'
const LEADER = 'demo-leader-1'
const PHONE = '13847561234'

// A booking of the resident's tomorrow, for the desk to find by phone (bookingDoc's phone is 13900000000).
const COUNTER = roundTheClockCounter('counter-e2e-find')
const [SLOT] = slotDocs(COUNTER.id, { minutesAhead: 24 * 60, count: 1, capacity: 3 })
const BOOKED = bookingDoc({ id: 'bk_e2e_find', openid: RESIDENT, slot: SLOT, code: '482913', counter: COUNTER })

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.stop()
})

async function open(page: Page, route: string) {
  await page.goto('about:blank')
  await page.goto(`${harness.emulator.url}/#${route}`)
}

async function toMongolian(page: Page) {
  await on(page, 'home', '.language-option-mn').click()
  await page.locator('#page-home.lang-mn').waitFor()
}

let caseId: string

async function revealAsOfficer(page: Page) {
  await signIn(page, OFFICER)
  await open(page, `/packages/officer/pages/mediation-case/index?id=${caseId}`)
  await on(page, 'casework-case', '.casework-applicant').waitFor()
  expect(await on(page, 'casework-case', '.casework-applicant').textContent()).toContain('138****1234')
  expect(await on(page, 'casework-case').textContent()).not.toContain(PHONE)
  await on(page, 'casework-case', '.casework-reveal-applicant .reveal-phone-show').click()
  await on(page, 'casework-case', '.casework-reveal-applicant .reveal-phone-number').waitFor()
  expect(await on(page, 'casework-case', '.casework-reveal-applicant .reveal-phone-number').textContent()).toBe(PHONE)
  await shoot(page, 'privacy-1-officer-reveal-mongolian')
}

async function findInAuditLog(page: Page) {
  await signIn(page, LEADER)
  await on(page, 'home', '.role-home-officer .fq-entry-action').click()
  await on(page, 'workbench', '.workbench-open-audit .fq-entry-action').click()
  await on(page, 'audit', '.audit-action-reveal-applicant-phone').click()
  await on(page, 'audit', '.audit-search').click()
  await on(page, 'audit', '.audit-results .audit-entry').first().waitFor()
  const first = (await on(page, 'audit', '.audit-results .audit-entry').first().textContent()) ?? ''
  expect(first).toContain('巴特尔')
  expect(first).toContain(caseId)
  await shoot(page, 'privacy-2-leader-audit')

  await open(page, '/pages/index/index')
  await toMongolian(page)
  await open(page, '/packages/officer/pages/audit/index')
  await page.locator('#page-audit.lang-mn .audit-search').click()
  await on(page, 'audit', '.audit-results .audit-entry').first().waitFor()
  await on(page, 'audit', '.audit-results').scrollIntoViewIfNeeded()
  await shoot(page, 'privacy-3-leader-audit-mongolian')
}

async function exportAndDelete(page: Page) {
  await signIn(page, RESIDENT)
  await open(page, '/pages/me/index')
  await on(page, 'me', '.me-open-my-data').click()
  await on(page, 'privacy-rights', '.rights-export-action').waitFor()

  const [download] = await Promise.all([page.waitForEvent('download'), on(page, 'privacy-rights', '.rights-export-action').click()])
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { user: { id: string }; mediationCases: Array<{ applicant: { phone: string } }> }
  expect(exported.user.id).toBe(RESIDENT)
  expect(exported.mediationCases[0].applicant.phone).toBe(PHONE)
  await on(page, 'privacy-rights', '.rights-export-done').waitFor()
  await shoot(page, 'privacy-4-resident-export')

  await on(page, 'privacy-rights', '.rights-delete-phrase input').fill('注销')
  await on(page, 'privacy-rights', '.rights-delete .fq-field-error').waitFor()
  expect(await on(page, 'privacy-rights', '.rights-delete-action').getAttribute('class')).toContain('disabled')
  await on(page, 'privacy-rights', '.rights-delete-phrase input').fill(rightsZhHans['rights.delete.phrase'])
  await on(page, 'privacy-rights', '.rights-delete-action').click()
  await on(page, 'privacy-rights', '.rights-delete-confirm').waitFor()
  await shoot(page, 'privacy-5-resident-delete-confirm')
  await on(page, 'privacy-rights', '.rights-delete-confirm .fq-dialog-confirm').click()
  await on(page, 'privacy-rights', '.rights-delete-done').waitFor()
  expect(await on(page, 'privacy-rights', '.rights-delete-done').textContent()).toMatch(/删除 \d+ 条/)
  await shoot(page, 'privacy-6-resident-deleted')
  const left = await harness.callAs<unknown[]>(RESIDENT, 'mediation', { action: 'myCases' })
  expect(left).toEqual([])
}

describe('staff see phones masked', () => {
  it('reveals a disputant’s phone on tap, and the leader finds the reveal in the audit log', async () => {
    const filed = await harness.callAs<ResidentCaseView>(MONGOLIAN_RESIDENT, 'mediation', {
      action: 'fileDispute',
      requestId: 'e2e-privacy-dispute-0001',
      type: 'neighbour',
      description: '邻居的牛群进了我家草场。',
      applicant: { name: '其木格', phone: PHONE },
      communityId: 'gacha-bayanbulag',
      dangerNow: false,
    })
    caseId = filed.id

    const officer = await harness.openPhone()
    const leader = await harness.openPhone()
    try {
      await revealAsOfficer(officer.page)
      await findInAuditLog(leader.page)
    } finally {
      await officer.context.close()
      await leader.context.close()
    }
  })
})

describe('a resident’s rights over their data', () => {
  it('exports everything as a JSON file, then deletes the account after the phrase and a second yes', async () => {
    const filed = await harness.callAs<ResidentCaseView>(RESIDENT, 'mediation', { action: 'fileDispute', requestId: 'e2e-privacy-dispute-0002', type: 'neighbour', description: '楼上漏水，协商没有结果。', applicant: { name: '张桂兰', phone: PHONE }, communityId: 'community-chaoge', dangerNow: false })
    // The town's officer works in Chinese: the same reveal, before the resident leaves.
    const officer = await harness.openPhone()
    try {
      await signIn(officer.page, CHINESE_OFFICER)
      await harness.emulator.seed({ booking_slots: [{ ...SLOT, remaining: 2, holders: [{ bookingId: BOOKED._id, openid: RESIDENT, at: new Date() }] }], bookings: [BOOKED] })
      await open(officer.page, '/packages/officer/pages/desk/index')
      await on(officer.page, 'desk', '.desk-find-input input').fill('139 0000 0000')
      await on(officer.page, 'desk', '.desk-find-search').click()
      await on(officer.page, 'desk', `.desk-find .desk-booking-${BOOKED._id}`).waitFor()
      expect(await on(officer.page, 'desk', `.desk-find .desk-booking-${BOOKED._id}`).textContent()).toContain('139****0000')
      await on(officer.page, 'desk', `.desk-find .desk-booking-${BOOKED._id}`).scrollIntoViewIfNeeded()
      await shoot(officer.page, 'privacy-0-desk-find')
      await open(officer.page, `/packages/officer/pages/mediation-case/index?id=${filed.id}`)
      await on(officer.page, 'casework-case', '.casework-reveal-applicant .reveal-phone-show').click()
      await on(officer.page, 'casework-case', '.casework-reveal-applicant .reveal-phone-number').waitFor()
      await shoot(officer.page, 'privacy-0-officer-reveal')
    } finally {
      await officer.context.close()
    }
    const { context, page } = await harness.openPhone()
    try {
      await exportAndDelete(page)
    } finally {
      await context.close()
    }
  })

  it('explains both rights in traditional Mongolian', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, MONGOLIAN_RESIDENT)
      await open(page, '/packages/privacy-rights/pages/index/index')
      await page.locator('#page-privacy-rights.lang-mn .rights-delete-kept').waitFor()
      expect(await on(page, 'privacy-rights', '.rights-export .fq-card-title').textContent()).toMatch(/[\u1800-\u18AF]/)
      await shoot(page, 'privacy-7-resident-rights-mongolian')
    } finally {
      await context.close()
    }
  })
})
