// The station dashboard through the h5 build (issue #8): the leader opens it from the workbench,
// the figures show with their freshness, the three charts draw on their canvases, the CSV
// downloads with the figures on screen; the requests desk's figures (群众诉求, issue 15) show as
// the function counts them; the same screen in Mongolian and in elder mode.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import type { DashboardView } from '../../src/core/stats/contract'
import { localDay, presetPeriod } from '../../src/core/stats/period'
import { dayjs } from '../../src/core/time'
import { mediationCaseRecord } from '../../scripts/demo-mediation'
import { dashboardMnMong } from '../../src/packages/stats/dashboard/i18n/mn-Mong'
import { buildRequest, newFollowSecret } from '../integration/requests-support'
import { expectMongolian } from './claims'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const LEADER = 'demo-leader-1'
const OFFICER = 'demo-officer-1'
const RESIDENT = 'demo-resident-1'

/**
 * Two requests filed today through the requests function, so the 群众诉求 tiles have figures: a
 * consultation the officer accepts and answers and the resident confirms and rates 5, and an
 * anonymous tip-off still waiting (not due yet).
 */
async function fileRequests(harness: Harness) {
  const asked = await harness.callAs<{ id: string }>(RESIDENT, 'requests', buildRequest())
  await harness.callAs(OFFICER, 'requests', { action: 'accept', id: asked.id })
  await harness.callAs(OFFICER, 'requests', { action: 'reply', id: asked.id, text: '请带户口簿和出生医学证明到户籍窗口。' })
  await harness.callAs(RESIDENT, 'requests', { action: 'confirm', id: asked.id, resolved: true })
  await harness.callAs(RESIDENT, 'requests', { action: 'rate', id: asked.id, rating: 5 })
  await harness.callAs(
    RESIDENT,
    'requests',
    buildRequest({
      details: { kind: 'tip_off', subject: 'illegal_mining_grazing', ongoing: false },
      text: '巴音布拉格嘎查北边夜里有人开采砂石',
      contact: undefined,
      anonymous: true,
      followSecret: newFollowSecret(),
      language: 'mn',
    }),
  )
}

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
  // Two disputes filed today (the demo's are of the past three months, which "this year" may
  // not reach in January), then the rollup job: the screen reads rollups and today's live part.
  const now = new Date()
  await harness.emulator.seed({
    mediation_cases: [
      mediationCaseRecord('e2e-dash-1', { createdAt: now, type: 'livestock', status: 'closed', open: false, outcome: 'settled', settledLevel: 1, daysToSettle: 0.5, rating: 5 }),
      mediationCaseRecord('e2e-dash-2', { createdAt: now, type: 'debt', communityId: 'community-chaoge', officerId: 'officer-2' }),
    ],
  })
  await fileRequests(harness)
  // Runs until caught up: on a busy machine one run may stop at its time budget part of the way.
  const yesterday = localDay(dayjs().subtract(1, 'day'))
  for (let run = 0; run < 10; run++) {
    const result = (await harness.emulator.runTimer('stats', 'rollup')) as { data?: { through: string | null } }
    if (result.data?.through === yesterday) break
  }
})
afterAll(async () => {
  await harness?.stop()
})

async function openDashboard(page: Page) {
  await on(page, 'home', '.role-home-officer .fq-entry-action').click()
  await on(page, 'workbench', '.workbench-open-dashboard .fq-entry-action').click()
  // The emulator answers the dashboard's aggregation by scanning collections in memory: slow
  // while every other suite runs too (the cloud uses indexes).
  await on(page, 'dashboard', '.dash-figure-disputes .dash-tile-value').waitFor({ timeout: 60_000 })
}

/**
 * Canvas pixels that are not transparent, once the chart has drawn more than a few (a chart that
 * drew something has thousands). Counted in one evaluation, so a redraw in between cannot mislead.
 */
async function drawnPixels(page: Page, chart: string): Promise<number> {
  const selector = `#page-dashboard #dash-chart-${chart} canvas`
  const handle = await page.waitForFunction(
    (s) => {
      const canvas = document.querySelector<HTMLCanvasElement>(s)
      if (!canvas || canvas.width === 0 || canvas.height === 0) return 0
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let drawn = 0
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) drawn++
      return drawn > 500 ? drawn : 0
    },
    selector,
    { timeout: 15_000 },
  )
  return (await handle.jsonValue()) as number
}

/** After picking "this year": the year's disputes are on screen, so the charts are the year's. */
async function showYear(page: Page) {
  await on(page, 'dashboard', '.dash-period-year').click()
  const year = presetPeriod('year', localDay(dayjs()))
  const view = await harness.callAs<DashboardView>(LEADER, 'stats', { action: 'dashboard', period: year, scope: { kind: 'station' } })
  const disputes = view.figures.find((f) => f.key === 'disputes')!.value
  await on(page, 'dashboard', `.dash-figure-disputes .dash-tile-value:text-is("${disputes}")`).waitFor({ timeout: 60_000 })
  return { year, view, disputes }
}

describe('the station dashboard', () => {
  it('the leader opens it: figures with freshness, charts drawn, CSV downloaded with the same figures', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, LEADER)
      await openDashboard(page)
      const { year, view: expected, disputes } = await showYear(page)
      expect(disputes).toBeGreaterThan(0)
      expect(await on(page, 'dashboard', '.dash-figure-disputes .dash-tile-fresh').textContent()).toMatch(/\d\d-\d\d \d\d:\d\d/)

      for (const chart of ['weeks', 'communities', 'types']) expect(await drawnPixels(page, chart)).toBeGreaterThan(500)
      await shoot(page, 'dashboard-1-leader-zh')
      await on(page, 'dashboard', '.dash-group-mediation').scrollIntoViewIfNeeded()
      await shoot(page, 'dashboard-2-figures-zh')
      await on(page, 'dashboard', '.dash-charts').scrollIntoViewIfNeeded()
      await shoot(page, 'dashboard-3-charts-zh')

      // The requests desk's tiles show the function's figures: both requests of today, the answered
      // one on time and rated 5.
      const requests = expected.requests
      expect(requests).toMatchObject({ onTimeRate: 1, meanRating: 5, ratings: 1 })
      expect(requests.received).toBeGreaterThanOrEqual(2)
      const tile = (key: string) => on(page, 'dashboard', `.dash-request-${key} .dash-tile-value`)
      await on(page, 'dashboard', '.dash-group-requests').scrollIntoViewIfNeeded()
      expect(await on(page, 'dashboard', '.dash-group-requests .fq-card-title').textContent()).toBe('群众诉求')
      expect(await tile('received').textContent()).toBe(String(requests.received))
      expect(await tile('onTimeRate').textContent()).toBe('100%')
      // Under an hour the median is worded in minutes (today's answer came within minutes).
      const median = requests.medianHoursToAnswer!
      expect(await tile('medianHoursToAnswer').textContent()).toBe(median < 1 ? `${Math.round(median * 60)} 分钟` : `${Math.round(median * 10) / 10} 小时`)
      expect(await tile('reopened').textContent()).toBe(String(requests.reopened))
      expect(await tile('meanRating').textContent()).toBe('5 分')
      expect(await on(page, 'dashboard', '.dash-request-ratings').textContent()).toBe('1 人评价')
      expect(await on(page, 'dashboard', '.dash-request-kind-tip_off').textContent()).toMatch(/^线索举报 \d+$/)
      await shoot(page, 'dashboard-2b-requests-zh')

      const [download] = await Promise.all([page.waitForEvent('download'), on(page, 'dashboard', '.dash-export').click()])
      expect(download.suggestedFilename()).toBe(`station-figures_${year.from}_${year.to}.csv`)
      const csv = readFileSync((await download.path())!, 'utf8')
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
      expect(lines[0]).toBe('范围,时段,指标,数值,单位,数据截至')
      const row = (label: string) => lines.find((l) => l.split(',')[2] === label)?.split(',')
      expect(row('受理纠纷')?.[3]).toBe(String(disputes))
      const satisfaction = expected.figures.find((f) => f.key === 'satisfactionRate')!.value!
      expect(row('满意率')?.[3]).toBe(String(Math.round(satisfaction * 1000) / 10))
      expect(row('受理诉求')?.[3]).toBe(String(requests.received))
      expect(row('按时答复率')?.[3]).toBe('100')
      // Five rows of the requests desk after the dashboard's own figures.
      expect(lines.length).toBe(1 + expected.figures.filter((f) => f.applies).length + 5)
    } finally {
      await context.close()
    }
  })

  // demo-officer-1 reads the app in Mongolian.
  it('an officer sees their own figures and the communities they cover, without the export', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, OFFICER)
      await openDashboard(page)
      await on(page, 'dashboard', '.dash-scope-officer-officer-1').waitFor()
      expect(await on(page, 'dashboard', '.dash-scope-station').count()).toBe(0)
      expect(await on(page, 'dashboard', '.dash-export').count()).toBe(0)
      await on(page, 'dashboard', '.dash-scope-community-gacha-bayanbulag').click()
      // A community has door-to-door requests but no counter bookings of its own.
      await on(page, 'dashboard', '.dash-group-bookings .dash-station-only').waitFor()
      await on(page, 'dashboard', '.dash-figure-homeVisits').waitFor()
      expect(await on(page, 'dashboard', '.dash-figure-bookingsMade').count()).toBe(0)
      await shoot(page, 'dashboard-4-officer-community-mn')
    } finally {
      await context.close()
    }
  })

  it('reads in traditional Mongolian, and larger in elder mode', async () => {
    await harness.callAs(LEADER, 'account', { action: 'updatePreferences', language: 'mn', elderMode: false })
    const mn = await harness.openPhone()
    try {
      await signIn(mn.page, LEADER)
      await openDashboard(mn.page)
      await showYear(mn.page)
      expect(await drawnPixels(mn.page, 'weeks')).toBeGreaterThan(500)
      await expectMongolian(on(mn.page, 'dashboard', '.dash-group-mediation .fq-card-title'), dashboardMnMong['dash.group.mediation'])
      await expectMongolian(on(mn.page, 'dashboard', '.dash-figure-disputes .dash-tile-label'), dashboardMnMong['dash.figure.disputes'])
      await shoot(mn.page, 'dashboard-5-leader-mn')
      // Vertical columns run left to right: bring the group's title column into view.
      await on(mn.page, 'dashboard', '.dash-group-requests .fq-card-title').scrollIntoViewIfNeeded()
      expect(await on(mn.page, 'dashboard', '.dash-request-onTimeRate .dash-tile-value').textContent()).toBe('100%')
      expect(await on(mn.page, 'dashboard', '.dash-request-meanRating .dash-tile-value').textContent()).toBe('5 / 5')
      await shoot(mn.page, 'dashboard-5c-requests-mn')
      await on(mn.page, 'dashboard', '.dash-charts').scrollIntoViewIfNeeded()
      await shoot(mn.page, 'dashboard-5b-charts-mn')
    } finally {
      await mn.context.close()
    }
    await harness.callAs(LEADER, 'account', { action: 'updatePreferences', language: 'zh', elderMode: true })
    const elder = await harness.openPhone()
    try {
      await signIn(elder.page, LEADER)
      await openDashboard(elder.page)
      expect(await elder.page.locator('#page-dashboard').getAttribute('class')).toContain('elder')
      // Larger than the same tile without elder mode: measured with and without the page's class.
      const sizes = await on(elder.page, 'dashboard', '.dash-figure-disputes .dash-tile-label').evaluate((label) => {
        const page = label.closest('.fq-page')!
        const size = () => parseFloat(getComputedStyle(label).fontSize)
        const elderSize = size()
        page.classList.remove('elder')
        const plainSize = size()
        page.classList.add('elder')
        return { elderSize, plainSize }
      })
      expect(sizes.elderSize).toBeGreaterThanOrEqual(sizes.plainSize * 1.25)
      await on(elder.page, 'dashboard', '.dash-group-mediation').scrollIntoViewIfNeeded()
      await shoot(elder.page, 'dashboard-6-leader-elder')
      await on(elder.page, 'dashboard', '.dash-group-requests').scrollIntoViewIfNeeded()
      await on(elder.page, 'dashboard', '.dash-request-received .dash-tile-value').waitFor()
      await shoot(elder.page, 'dashboard-6b-requests-elder')
    } finally {
      await elder.context.close()
      await harness.callAs(LEADER, 'account', { action: 'updatePreferences', language: 'zh', elderMode: false })
    }
  })
})
