// Notice topic groups of a second station's resident through the h5 build (docs/bureau.md ›
// Notice topic groups): 乌云 of 阿拉坦社区 (巴音宝力格镇派出所) sees her station's topic groups and
// the bureau-wide ones, marked as such, none of the first station's; her feed holds her station's
// herders' notice and the bureau's anti-fraud notice. Screens in Chinese and vertical Mongolian.
import type { GroupsAnswer } from '../../src/core/notices/contract'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const RESIDENT = 'demo-resident-bb-1'
const BB_HERDERS = 'topic-herders_station-bayanbolag'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.stop()
})

it('shows a second-station resident her station’s topic groups and the bureau’s, in Chinese and in Mongolian', async () => {
  const { topics } = await harness.callAs<GroupsAnswer>(RESIDENT, 'notices', { action: 'groups' })
  const { context, page } = await harness.openPhone()
  try {
    await signIn(page, RESIDENT)
    await on(page, 'home', '.language-option-zh').click()
    await page.locator('#page-home:not(.lang-mn) .home-notices').waitFor()
    await on(page, 'home', '.home-notices .fq-entry-action').click()
    await on(page, 'notices', '.notice-row').first().waitFor()
    const titles = await page.locator('#page-notices .notice-row-title').allTextContents()
    expect(titles).toEqual(expect.arrayContaining(['冬季转场期间谨防牲畜被盗', '“刷单返利”都是诈骗']))
    expect(titles).not.toContain('草原防火期严禁野外用火') // the first station's herders' notice

    await on(page, 'notices', '.notices-open-groups').click()
    await on(page, 'notice-groups', `.notices-topics .topic-${BB_HERDERS}`).waitFor()
    const rows = page.locator('#page-notice-groups .notices-topics .notice-group')
    expect(await rows.count()).toBe(topics.length)
    expect(await on(page, 'notice-groups', `.topic-${BB_HERDERS} .fq-text`).textContent()).toBe('牧民 · 已加入')
    expect(await on(page, 'notice-groups', '.topic-topic-anti-fraud .fq-text').textContent()).toBe('反诈预警 · 全旗 · 已加入')
    expect(await on(page, 'notice-groups', '.topic-topic-drivers .fq-text').textContent()).toBe('驾驶员 · 全旗')
    // Not one of the first station's groups.
    expect(await page.locator('#page-notice-groups .topic-topic-herders').count()).toBe(0)
    await shoot(page, 'notices-bureau-1-resident-bb-groups-zh')

    await page.goto('about:blank')
    await page.goto(`${harness.emulator.url}/#/pages/index/index`)
    await on(page, 'home', '.language-option-mn').click()
    await page.locator('#page-home.lang-mn .home-notices').waitFor()
    await on(page, 'home', '.home-notices .fq-entry-action').click()
    await page.locator('#page-notices.lang-mn .notices-open-groups').click()
    await page.locator(`#page-notice-groups.lang-mn .topic-${BB_HERDERS}`).waitFor()
    expect(await on(page, 'notice-groups', '.topic-topic-drivers .fq-text').textContent()).toBe('ᠵᠣᠯᠣᠭᠴᠢ · ᠪᠦᠬᠦ ᠬᠣᠰᠢᠭᠤ')
    await shoot(page, 'notices-bureau-2-resident-bb-groups-mn')
    // Vertical columns run left to right: the bureau-wide groups come last, further along.
    await on(page, 'notice-groups', '.topic-topic-anti-fraud').scrollIntoViewIfNeeded()
    await shoot(page, 'notices-bureau-3-resident-bb-groups-bureau-wide-mn')
  } finally {
    await context.close()
  }
})

it('names each station’s topic groups for the bureau leader composing a notice, and marks the bureau-wide ones', async () => {
  const { context, page } = await harness.openPhone()
  try {
    await signIn(page, 'demo-bureau-leader')
    await on(page, 'home', '.language-option-zh').click()
    await page.locator('#page-home:not(.lang-mn) .role-home-officer').waitFor()
    await on(page, 'home', '.role-home-officer .fq-entry-action').click()
    await on(page, 'workbench', '.workbench-open-notices .fq-entry-action').click()
    await on(page, 'officer-notices', '.on-compose').click()
    await on(page, 'officer-notice-compose', `.on-target-${BB_HERDERS}`).waitFor()
    expect(await on(page, 'officer-notice-compose', `.on-target-${BB_HERDERS}`).textContent()).toMatch(/^牧民群（巴音宝力格镇派出所） \(\d+\)$/)
    expect(await on(page, 'officer-notice-compose', '.on-target-topic-herders').textContent()).toMatch(/^牧民群（潮格温都尔镇派出所） \(\d+\)$/)
    expect(await on(page, 'officer-notice-compose', '.on-target-topic-anti-fraud').textContent()).toMatch(/^反诈预警群（全旗） \(\d+\)$/)
    await on(page, 'officer-notice-compose', '.on-target-topic-anti-fraud').scrollIntoViewIfNeeded()
    await shoot(page, 'notices-bureau-4-bureau-leader-compose-zh')
  } finally {
    await context.close()
  }
})
