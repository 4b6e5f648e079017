// Leaders compare stations (issue 21) through the h5 build: the bureau leader (demo-bureau-leader,
// 张志刚) opens the dashboard on the bureau, and the comparison shows 潮格温都尔镇派出所 and
// 巴音宝力格镇派出所 with figures, each tile's text the function's answer as the screen words it;
// the CSV carries the comparison; the same in traditional Mongolian and in elder mode.
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { COMPARISON, COMPARISON_KEYS, type ComparisonKey } from '../../src/core/stats/figures'
import type { DashboardView } from '../../src/core/stats/contract'
import { localDay, presetPeriod } from '../../src/core/stats/period'
import { dayjs } from '../../src/core/time'
import { mediationCaseRecord } from '../../scripts/demo-mediation'
import { dashboardMnMong } from '../../src/packages/stats/dashboard/i18n/mn-Mong'
import { dashboardZhHans } from '../../src/packages/stats/dashboard/i18n/zh-Hans'
import { expectMongolian } from './claims'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const BUREAU_LEADER = 'demo-bureau-leader'
const A = 'station-chaogewendur'
const B = 'station-bayanbolag'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
  // A dispute of each station filed today, beside the demo history (both stations' past weeks);
  // then the rollup job, so the screen reads rollups and today's live part.
  const now = new Date()
  const ofB = { communityId: 'community-altan', officerId: 'officer-bb-1', officerIds: ['officer-bb-1'], stationId: B }
  await harness.emulator.seed({
    mediation_cases: [
      mediationCaseRecord('e2e-bureau-a', { createdAt: now, type: 'livestock' }),
      mediationCaseRecord('e2e-bureau-b', { createdAt: now, type: 'debt', ...ofB }),
    ],
  })
  const yesterday = localDay(dayjs().subtract(1, 'day'))
  for (let run = 0; run < 10; run++) {
    const result = (await harness.emulator.runTimer('stats', 'rollup')) as { data?: { through: string | null } }
    if (result.data?.through === yesterday) break
  }
})
afterAll(async () => {
  await harness?.stop()
})

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10)
/** A compared value as the Chinese screen words it (figures-view.ts's rules, from the catalog). */
function zhText(key: ComparisonKey, value: number | null): string {
  if (value === null) return dashboardZhHans['dash.value.none']
  const format = COMPARISON[key].format
  if (format === 'rate') return dashboardZhHans['dash.value.percent'].replace('{value}', oneDecimal(value * 100))
  if (format === 'hours') return value < 1 ? dashboardZhHans['dash.value.minutes'].replace('{value}', String(Math.round(value * 60))) : dashboardZhHans['dash.value.hours'].replace('{value}', oneDecimal(value))
  return String(value)
}

/** The dashboard from the workbench, on the last 30 days (the demo history's weeks). */
async function openLast30(page: Page): Promise<DashboardView> {
  await on(page, 'home', '.role-home-officer .fq-entry-action').click()
  await on(page, 'workbench', '.workbench-open-dashboard .fq-entry-action').click()
  await on(page, 'dashboard', `.dash-compare-station-${B}`).waitFor({ timeout: 60_000 })
  await on(page, 'dashboard', '.dash-period-last30').click()
  const period = presetPeriod('last30', localDay(dayjs()))
  const view = await harness.callAs<DashboardView>(BUREAU_LEADER, 'stats', { action: 'dashboard', period, scope: { kind: 'bureau' } })
  const disputesOfB = view.stations.find((s) => s.id === B)!.values.disputes
  await on(page, 'dashboard', `.dash-compare-station-${B} .dash-compare-disputes .dash-tile-value:text-is("${disputesOfB}")`).waitFor({ timeout: 60_000 })
  return view
}

describe('the bureau leader compares the stations', () => {
  it('sees every station with the function’s figures, and exports them', async () => {
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, BUREAU_LEADER)
      const view = await openLast30(page)
      expect(view.scope).toEqual({ kind: 'bureau' })
      expect(view.stations.map((s) => s.id)).toEqual([A, B, 'station-saiusu'])
      // Two stations with figures: disputes and door-to-door requests in both.
      for (const id of [A, B]) {
        const values = view.stations.find((s) => s.id === id)!.values
        expect(values.disputes).toBeGreaterThan(0)
        expect(values.homeVisits).toBeGreaterThan(0)
      }
      expect(await on(page, 'dashboard', '.dash-compare .fq-card-title').textContent()).toBe('各派出所对比')
      for (const station of view.stations) {
        const block = on(page, 'dashboard', `.dash-compare-station-${station.id}`)
        expect(await block.locator('.dash-compare-name').textContent()).toBe(station.name.zh)
        for (const key of COMPARISON_KEYS) {
          expect([station.id, key, await block.locator(`.dash-compare-${key} .dash-tile-value`).textContent()]).toEqual([station.id, key, zhText(key, station.values[key] ?? null)])
        }
      }
      // The bureau's disputes tile is the stations' sum.
      const sum = view.stations.reduce((n, s) => n + (s.values.disputes ?? 0), 0)
      expect(await on(page, 'dashboard', '.dash-figure-disputes .dash-tile-value').textContent()).toBe(String(sum))
      await on(page, 'dashboard', '.dash-scope-bureau').waitFor()
      await on(page, 'dashboard', `.dash-scope-station-${B}`).waitFor()
      await on(page, 'dashboard', '.dash-compare').scrollIntoViewIfNeeded()
      await shoot(page, 'bureau-dashboard-1-compare-zh')
      await on(page, 'dashboard', `.dash-compare-station-${B}`).scrollIntoViewIfNeeded()
      await shoot(page, 'bureau-dashboard-2-second-station-zh')

      const [download] = await Promise.all([page.waitForEvent('download'), on(page, 'dashboard', '.dash-export').click()])
      const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
      const cell = (scope: string, label: string) => lines.find((l) => l.split(',')[0] === scope && l.split(',')[2] === label)?.split(',')[3]
      const b = view.stations.find((s) => s.id === B)!
      expect(cell(b.name.zh, '受理纠纷')).toBe(String(b.values.disputes))
      expect(cell(b.name.zh, '上门服务申请')).toBe(String(b.values.homeVisits))
      expect(cell('全局', '受理纠纷')).toBe(String(sum))
      // The bureau's figures and requests, then ten compared figures per station.
      expect(lines.length).toBe(1 + view.figures.filter((f) => f.applies).length + 5 + view.stations.length * COMPARISON_KEYS.length)

      // Opening the second station alone shows its own figures.
      await on(page, 'dashboard', `.dash-scope-station-${B}`).click()
      await on(page, 'dashboard', `.dash-figure-disputes .dash-tile-value:text-is("${b.values.disputes}")`).waitFor({ timeout: 60_000 })
      expect(await on(page, 'dashboard', '.dash-compare').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  it('reads in traditional Mongolian, and larger in elder mode', async () => {
    await harness.callAs(BUREAU_LEADER, 'account', { action: 'updatePreferences', language: 'mn', elderMode: false })
    const mn = await harness.openPhone()
    try {
      await signIn(mn.page, BUREAU_LEADER)
      const view = await openLast30(mn.page)
      await expectMongolian(on(mn.page, 'dashboard', '.dash-compare .fq-card-title'), dashboardMnMong['dash.compare.title'])
      const b = view.stations.find((s) => s.id === B)!
      expect(await on(mn.page, 'dashboard', `.dash-compare-station-${B} .dash-compare-name`).textContent()).toBe(b.name.mn)
      await on(mn.page, 'dashboard', '.dash-compare').scrollIntoViewIfNeeded()
      await shoot(mn.page, 'bureau-dashboard-3-compare-mn')
      await on(mn.page, 'dashboard', `.dash-compare-station-${B}`).scrollIntoViewIfNeeded()
      await shoot(mn.page, 'bureau-dashboard-4-second-station-mn')
    } finally {
      await mn.context.close()
    }
    await harness.callAs(BUREAU_LEADER, 'account', { action: 'updatePreferences', language: 'zh', elderMode: true })
    const elder = await harness.openPhone()
    try {
      await signIn(elder.page, BUREAU_LEADER)
      await openLast30(elder.page)
      expect(await elder.page.locator('#page-dashboard').getAttribute('class')).toContain('elder')
      const sizes = await on(elder.page, 'dashboard', `.dash-compare-station-${B} .dash-compare-disputes .dash-tile-label`).evaluate((label) => {
        const page = label.closest('.fq-page')!
        const size = () => parseFloat(getComputedStyle(label).fontSize)
        const elderSize = size()
        page.classList.remove('elder')
        const plainSize = size()
        page.classList.add('elder')
        return { elderSize, plainSize }
      })
      expect(sizes.elderSize).toBeGreaterThanOrEqual(sizes.plainSize * 1.25)
      await on(elder.page, 'dashboard', `.dash-compare-station-${B}`).scrollIntoViewIfNeeded()
      await shoot(elder.page, 'bureau-dashboard-5-compare-elder')
    } finally {
      await elder.context.close()
      await harness.callAs(BUREAU_LEADER, 'account', { action: 'updatePreferences', language: 'zh', elderMode: false })
    }
  })
})
