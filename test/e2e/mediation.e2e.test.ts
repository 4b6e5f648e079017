// The mediation journey through the h5 build (issue #6): a resident files a neighbour dispute; the
// community officer accepts it, schedules and holds a session and records "not settled"; a leader
// sees it at level 2 and settles it; the resident rates it; the dashboard figure changes. Also the
// danger question's 110 card, and the resident's screens in traditional Mongolian.
import type { Page } from 'playwright-core'
import type { ResidentCaseView } from '../../src/core/mediation/contract'
import { mnMong } from '../../src/i18n/mn-Mong'
import { mediationMnMong } from '../../src/packages/mediation/i18n/mn-Mong'
import { caseworkMnMong } from '../../src/packages/officer/mediation/i18n/mn-Mong'
import { expectBefore, expectMongolian } from './claims'
import { confirmPicker, on, shoot, signIn, startHarness, type Harness } from './harness'

const RESIDENT = 'demo-resident-2'
const MONGOLIAN_RESIDENT = 'demo-resident-1'
const OFFICER = 'demo-officer-2'
const LEADER = 'demo-leader-1'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.stop()
})

const myCases = (openid: string) => harness.callAs<ResidentCaseView[]>(openid, 'mediation', { action: 'myCases' })

async function openWorkbench(page: Page) {
  await on(page, 'home', '.role-home-officer .fq-entry-action').click()
  await on(page, 'workbench', '.workbench-open-mediation .fq-entry-action').click()
}

/** The station's figures on the statistics tab (this year): cases and satisfaction, as shown. */
async function dashboardFigure(page: Page) {
  await on(page, 'casework', '.casework-tab-stats').click()
  await on(page, 'casework', '.casework-stats-station .casework-stats-cases').waitFor()
  const cases = (await on(page, 'casework', '.casework-stats-station .casework-stats-cases').textContent())?.trim()
  const satisfaction = (await on(page, 'casework', '.casework-stats-station .casework-stats-satisfaction .casework-bar-label').textContent())?.trim()
  return { cases, satisfaction }
}

async function mediateOnCasePage(page: Page, notes: string) {
  await on(page, 'casework-case', '.casework-action-accept').click()
  await on(page, 'casework-case', '.casework-action-schedule').click()
  // Saving with no participant is refused with a message on that field, and nothing is stored.
  await on(page, 'casework-case', '.casework-save').click()
  await on(page, 'casework-case', '.casework-field-participants.is-invalid .fq-field-error').waitFor()
  await on(page, 'casework-case', '.casework-field-date.is-invalid').waitFor()
  await confirmPicker(page, 'casework-case', '.casework-schedule-date')
  await confirmPicker(page, 'casework-case', '.casework-schedule-time')
  expect(await on(page, 'casework-case', '.casework-schedule-time').textContent()).toContain('10:00')
  await on(page, 'casework-case', '.casework-place-pavilion').click()
  await on(page, 'casework-case', '.casework-schedule-participants input').fill('双方当事人, 社区调解员')
  await on(page, 'casework-case', '.casework-save').click()
  await on(page, 'casework-case', '.casework-action-hold').click()
  await on(page, 'casework-case', '.casework-hold-form textarea').fill(notes)
  await on(page, 'casework-case', '.casework-save').click()
  await on(page, 'casework-case', '.casework-action-settle').waitFor()
}

describe('a neighbour dispute through three-level mediation', () => {
  it('is filed, mediated at level 1, escalated, settled by a leader, rated, and counted on the dashboard', async () => {
    const leader = await harness.openPhone()
    await signIn(leader.page, LEADER)
    await openWorkbench(leader.page)
    const before = await dashboardFigure(leader.page)
    await shoot(leader.page, 'mediation-5-dashboard-before')

    // The resident files.
    const resident = await harness.openPhone()
    await signIn(resident.page, RESIDENT)
    await on(resident.page, 'home', '.home-open-mediation').click()
    await on(resident.page, 'mediation', '.mediation-danger-no').click()
    await on(resident.page, 'mediation', '.mediation-type-neighbour').click()
    await on(resident.page, 'mediation', '.mediation-description textarea').fill('楼上邻居每天夜里装修到十二点，多次沟通无果。')
    await on(resident.page, 'mediation', '.mediation-phone input').fill('13912345678')
    await on(resident.page, 'mediation', '.mediation-other-name input').fill('刘建国')
    await shoot(resident.page, 'mediation-1-file')
    await on(resident.page, 'mediation', '.mediation-submit').click()
    await on(resident.page, 'mediation', '.mediation-filed').waitFor()
    const [filed] = await myCases(RESIDENT)
    expect(filed).toMatchObject({ type: 'neighbour', status: 'submitted', level: 1 })

    // The community officer of 朝格社区 accepts, holds a session and records "not settled".
    const officer = await harness.openPhone()
    await signIn(officer.page, OFFICER)
    await openWorkbench(officer.page)
    await on(officer.page, 'casework', `.casework-summary-${filed.id} .casework-open`).click()
    await mediateOnCasePage(officer.page, '对方拒绝调整施工时间（内部记录）')
    await shoot(officer.page, 'mediation-2-officer-case')
    await on(officer.page, 'casework-case', '.casework-action-not_settled').click()
    await on(officer.page, 'casework-case', '.casework-not_settled-form textarea').fill('对方不同意调整施工时间')
    const note = '申请人白天在草场，晚上七点后再打电话'
    await on(officer.page, 'casework-case', '.casework-note-input textarea').fill(note)
    // A reload (a lost signal, WeChat closing the page) keeps what the officer wrote, with its step open.
    await officer.page.reload()
    expect(await on(officer.page, 'casework-case', '.casework-not_settled-form textarea').inputValue()).toBe('对方不同意调整施工时间')
    expect(await on(officer.page, 'casework-case', '.casework-note-input textarea').inputValue()).toBe(note)
    await on(officer.page, 'casework-case', '.casework-note-add').click()
    await on(officer.page, 'casework-case', '.casework-note-text').filter({ hasText: note }).waitFor()
    expect(await on(officer.page, 'casework-case', '.casework-note-input textarea').inputValue()).toBe('')
    await on(officer.page, 'casework-case', '.casework-save').click()
    await on(officer.page, 'casework-case', '.casework-read-only').waitFor()
    expect((await myCases(RESIDENT))[0]).toMatchObject({ status: 'escalated', level: 2 })

    // A leader finds it among the level-2/3 cases and settles it.
    await leader.page.goBack()
    await on(leader.page, 'workbench', '.workbench-open-mediation .fq-entry-action').click()
    await on(leader.page, 'casework', '.casework-tab-escalated').click()
    await on(leader.page, 'casework', `.casework-summary-${filed.id} .casework-open`).click()
    await mediateOnCasePage(leader.page, '所长约谈双方')
    await on(leader.page, 'casework-case', '.casework-action-settle').click()
    await on(leader.page, 'casework-case', '.casework-settle-form textarea').fill('施工只在白天八点到十八点进行，违约赔偿五百元。')
    await on(leader.page, 'casework-case', '.casework-save').click()
    await on(leader.page, 'casework-case', '.casework-action-close').click()
    await on(leader.page, 'casework-case', '.casework-close-confirm .fq-dialog-confirm').click()
    await on(leader.page, 'casework-case', '.casework-status').filter({ hasText: '已结案' }).waitFor()
    await shoot(leader.page, 'mediation-3-leader-settled')

    // The resident sees the timeline without any internal note, and rates the mediation.
    await resident.page.reload()
    await on(resident.page, 'mediation', '.mediation-tab-mine').click()
    const card = on(resident.page, 'mediation', `.mediation-case-${filed.id}`)
    await card.locator('.mediation-rate-5').click()
    expect(await card.textContent()).not.toContain('内部记录')
    await shoot(resident.page, 'mediation-4-resident-timeline')
    await card.locator('.mediation-rate-submit').click()
    await card.locator('.mediation-rated').waitFor()
    expect((await myCases(RESIDENT))[0]).toMatchObject({ status: 'closed', rating: { value: 5 }, agreement: expect.stringContaining('五百元') })

    // The dashboard counts it.
    await leader.page.goBack()
    await leader.page.reload()
    const after = await dashboardFigure(leader.page)
    expect(after.cases).not.toBe(before.cases)
    expect(after.satisfaction).not.toBe(before.satisfaction)
    await shoot(leader.page, 'mediation-5-dashboard-after')
    // Any period: typed days, here the whole decade.
    await on(leader.page, 'casework', '.casework-period-custom').click()
    await on(leader.page, 'casework', '.casework-stats-from input').fill('2020-01-01')
    await on(leader.page, 'casework', '.casework-stats-to input').fill('2035-12-31')
    await on(leader.page, 'casework', '.casework-stats-apply').click()
    await on(leader.page, 'casework', '.casework-stats-station .casework-stats-cases').waitFor()
    await on(leader.page, 'casework', '.casework-by-type').click()
    await on(leader.page, 'casework', '.casework-stats-neighbour').waitFor()
    await shoot(leader.page, 'mediation-5b-dashboard-by-type')
    for (const phone of [leader, resident, officer]) await phone.context.close()
  })
})

describe('in danger now', () => {
  it('shows the 110 call first, in traditional Mongolian for a Mongolian-speaking resident', async () => {
    const { context, page } = await harness.openPhone()
    await signIn(page, MONGOLIAN_RESIDENT)
    await on(page, 'home', '.home-open-mediation').click()
    await on(page, 'mediation', '.mediation-danger-yes').click()
    await on(page, 'mediation', '.emergency-call-110').waitFor()
    await on(page, 'mediation', '.mediation-form').waitFor()
    await expectBefore(on(page, 'mediation', '.emergency-call'), on(page, 'mediation', '.mediation-form'))
    await expectMongolian(on(page, 'mediation', '.emergency-call-110'), mnMong['emergency.call110'])
    await expectMongolian(on(page, 'mediation', '.mediation-call-first'), mediationMnMong['mediation.danger.callFirst'])
    await shoot(page, 'mediation-6-danger-mn')
    await on(page, 'mediation', '.mediation-tab-mine').click()
    await on(page, 'mediation', '.mediation-mine-empty').waitFor()
    await shoot(page, 'mediation-7-mine-empty-mn')
    // Elder mode, set on the home screen, enlarges this screen too.
    await page.goBack()
    await on(page, 'home', '.elder-mode-switch').click()
    await page.locator('#page-home.elder').waitFor()
    await on(page, 'home', '.home-open-mediation').click()
    await page.locator('#page-mediation.lang-mn.elder .mediation-danger').waitFor()
    // The h5 build shares one window scroll between pages; the home was scrolled sideways to the button.
    await on(page, 'mediation', '.mediation-tabs').scrollIntoViewIfNeeded()
    await shoot(page, 'mediation-7b-danger-mn-elder')
    await context.close()
  })
})

describe('the officer’s workbench in Mongolian', () => {
  it('lists a high-risk dispute first, with its deadline, and opens it', async () => {
    // Filed first, so its deadline comes first: only the high-risk rule can put the other ahead.
    const ordinary = await harness.callAs<ResidentCaseView>(MONGOLIAN_RESIDENT, 'mediation', {
      action: 'fileDispute',
      requestId: 'e2e-mongolian-ordinary-0001',
      type: 'livestock',
      description: '邻居家的羊群进了我家草场，希望调解赔偿。',
      applicant: { name: '其木格', phone: '13900000001' },
      dangerNow: false,
    })
    const risky = await harness.callAs<ResidentCaseView>(MONGOLIAN_RESIDENT, 'mediation', {
      action: 'fileDispute',
      requestId: 'e2e-mongolian-high-risk-0001',
      type: 'land_boundary',
      description: '草场边界纠纷，对方说要拿刀来',
      applicant: { name: '其木格', phone: '13900000001' },
      dangerNow: false,
    })
    const { context, page } = await harness.openPhone()
    await signIn(page, 'demo-officer-1')
    await openWorkbench(page)
    const highRisk = on(page, 'casework', `.casework-summary-${risky.id}.is-high-risk`)
    await highRisk.waitFor()
    await on(page, 'casework', `.casework-summary-${ordinary.id}`).waitFor()
    await expectBefore(highRisk, on(page, 'casework', `.casework-summary-${ordinary.id}`))
    await expectMongolian(highRisk.locator('.casework-tag.is-alarm'), caseworkMnMong['casework.highRisk'])
    await expectMongolian(highRisk.locator('.casework-deadline'), caseworkMnMong['casework.deadline.accept'])
    await shoot(page, 'mediation-8-officer-inbox-mn')
    await highRisk.locator('.casework-open').click()
    await on(page, 'casework-case', '.casework-action-accept').waitFor()
    await shoot(page, 'mediation-9-officer-case-mn')
    await context.close()
  })
})
