// The notices journey through the h5 build: an officer publishes an urgent anti-fraud warning to
// a gacha; a resident of that gacha sees it pinned and reads it; the officer sees the reach go up.
// Screens are shot in Chinese and in vertical Mongolian.
import { randomUUID } from 'node:crypto'
import type { OfficerNotice, Reach } from '../../src/core/notices/contract'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const OFFICER = 'demo-officer-1' // covers gacha-bayanbulag
const RESIDENT = 'demo-resident-1' // lives in gacha-bayanbulag, reads Mongolian
const GACHA = 'gacha-bayanbulag'
const TITLE = '紧急提醒：冒充公检法诈骗'
const BODY = '近期有人冒充公安机关打电话，称您涉嫌洗钱，要求转账到“安全账户”。公安机关不会电话办案，更没有安全账户。请立即挂断，拨打 96110 咨询。'

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.stop()
})

const myNotices = () => harness.callAs<{ items: OfficerNotice[] }>(OFFICER, 'notices', { action: 'myNotices' })

describe('an urgent anti-fraud warning to a gacha', () => {
  it('is published by the officer, pinned and read by a resident there, and the officer sees the reach go up', async () => {
    // The resident allowed one urgent alert earlier (on weapp, through requestSubscribeMessage).
    await harness.callAs(RESIDENT, 'notices', { action: 'grantAlerts', accepted: 1, requestId: randomUUID() })
    const officer = await harness.openPhone()
    const resident = await harness.openPhone()
    try {
      // The officer writes it (in Chinese) from the workbench.
      const { page } = officer
      await signIn(page, OFFICER)
      await on(page, 'home', '.language-option-zh').click()
      await page.locator('#page-home:not(.lang-mn) .role-home-officer').waitFor()
      await on(page, 'home', '.role-home-officer .fq-entry-action').click()
      await on(page, 'workbench', '.workbench-open-notices .fq-entry-action').click()
      await on(page, 'officer-notices', '.on-compose').click()
      await on(page, 'officer-notice-compose', `.on-target-${GACHA}`).waitFor()
      await on(page, 'officer-notice-compose', '.on-category-anti_fraud').click()
      await on(page, 'officer-notice-compose', '.on-urgency-urgent').click()
      await on(page, 'officer-notice-compose', '.on-title-zh input').fill(TITLE)
      await on(page, 'officer-notice-compose', '.on-body-zh textarea').fill(BODY)
      await on(page, 'officer-notice-compose', `.on-target-${GACHA}`).click()
      // A poster drawn in the browser, attached through the image picker.
      const poster = await page.evaluate(() => {
        const canvas = document.createElement('canvas')
        canvas.width = 600
        canvas.height = 300
        const g = canvas.getContext('2d')!
        g.fillStyle = '#c0392b'
        g.fillRect(0, 0, 600, 300)
        g.fillStyle = '#fff'
        g.font = 'bold 64px sans-serif'
        g.fillText('谨防诈骗 96110', 60, 170)
        return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
      })
      const chooser = page.waitForEvent('filechooser')
      await on(page, 'officer-notice-compose', '.on-add-image').click()
      await (await chooser).setFiles({ name: 'poster.png', mimeType: 'image/png', buffer: Buffer.from(poster, 'base64') })
      await on(page, 'officer-notice-compose', '.on-image-preview').waitFor()
      await shoot(page, 'notices-1-officer-compose')
      await on(page, 'officer-notice-compose', '.on-submit').click()
      await on(page, 'officer-notices', '.on-notice-published').first().waitFor()
      const [published] = (await myNotices()).items
      expect(published).toMatchObject({ status: 'published', urgency: 'urgent', category: 'anti_fraud', targets: [GACHA], title: { zh: TITLE }, images: [expect.stringMatching(/\/notices\/.+\.png$/)] })
      await on(page, 'officer-notices', '.on-notice-published .on-open-reach').first().click()
      await on(page, 'officer-notices', '.on-reach-total').waitFor()
      const before = (await on(page, 'officer-notices', '.on-reach-total').textContent()) ?? ''
      expect(before).toContain('已读 0 人')

      // The resident (Mongolian) finds it pinned on top and reads it.
      const r = resident.page
      await signIn(r, RESIDENT)
      await on(r, 'home', '.home-notices .fq-entry-action').click()
      await on(r, 'notices', '.notice-pinned .notice-row').first().waitFor()
      expect(await on(r, 'notices', '.notice-pinned .notice-row-title').first().textContent()).toBe(TITLE)
      expect(await r.locator('#page-notices.lang-mn').count()).toBe(1)
      await shoot(r, 'notices-2-resident-feed-mn')
      await on(r, 'notices', '.notice-pinned .notice-row').first().click()
      await on(r, 'notice-detail', '.notice-body').waitFor()
      expect(await on(r, 'notice-detail', '.notice-body').textContent()).toBe(BODY)
      await on(r, 'notice-detail', '.notice-image img').waitFor()
      await on(r, 'notice-detail', '.notice-in-chinese').waitFor()
      await shoot(r, 'notices-3-resident-detail-mn')
      await on(r, 'notice-detail', '.notice-image').scrollIntoViewIfNeeded()
      await shoot(r, 'notices-3b-resident-detail-image-mn')

      // Back on the feed it is read; the same feed in Chinese.
      await on(r, 'notice-detail', '.notice-back').click()
      await r.locator('#page-notices .notice-pinned .notice-row:not(.is-unread)').first().waitFor()
      await r.goto('about:blank')
      await r.goto(`${harness.emulator.url}/#/pages/index/index`)
      await on(r, 'home', '.language-option-zh').click()
      await r.locator('#page-home:not(.lang-mn) .home-notices').waitFor()
      await on(r, 'home', '.home-notices .fq-entry-action').click()
      await on(r, 'notices', '.notice-pinned .notice-row').first().waitFor()
      await shoot(r, 'notices-4-resident-feed-zh')
      await on(r, 'notices', '.notices-open-groups').click()
      await on(r, 'notice-groups', '.notices-topics .topic-join').first().waitFor()
      await shoot(r, 'notices-5-resident-groups-zh')
      // Elder mode: larger type and tap targets.
      await r.goto('about:blank')
      await r.goto(`${harness.emulator.url}/#/pages/index/index`)
      await on(r, 'home', '.elder-mode-switch').click()
      await r.locator('#page-home.elder .home-notices').waitFor()
      await on(r, 'home', '.home-notices .fq-entry-action').click()
      await r.locator('#page-notices.elder .notice-pinned .notice-row').first().waitFor()
      await shoot(r, 'notices-5b-resident-feed-zh-elder')

      // The fan-out timer sends the resident's alert; then the officer refreshes the reach: one reader, one message.
      await harness.emulator.runTimer('notices', 'fanOutUrgent')
      expect(harness.emulator.outbox().filter((e) => e.api === 'subscribeMessage.send').map((e) => (e.data as { touser: string }).touser)).toEqual([RESIDENT])
      await on(page, 'officer-notices', '.on-reach-refresh').click()
      await page.locator('#page-officer-notices .on-reach-total', { hasText: '已读 1 人' }).waitFor()
      await page.locator('#page-officer-notices .on-reach-messages-counts', { hasText: '已发送 1' }).waitFor()
      const reach = await harness.callAs<Reach>(OFFICER, 'notices', { action: 'reach', noticeId: published.id })
      expect(reach.groups.find((g) => g.groupId === GACHA)?.readers).toBe(1)
      await on(page, 'officer-notices', '.on-reach').scrollIntoViewIfNeeded()
      await shoot(page, 'notices-6-officer-reach-zh')

      // The officer's list in Mongolian.
      await page.goto('about:blank')
      await page.goto(`${harness.emulator.url}/#/pages/index/index`)
      await on(page, 'home', '.language-option-mn').click()
      await page.locator('#page-home.lang-mn .role-home-officer').waitFor()
      await page.goto(`${harness.emulator.url}/#/packages/officer/pages/notices/index`)
      await page.locator('#page-officer-notices.lang-mn .on-notice-published .on-open-reach').first().click()
      await on(page, 'officer-notices', '.on-reach-total').waitFor()
      await shoot(page, 'notices-7-officer-reach-mn')
    } finally {
      await officer.context.close()
      await resident.context.close()
    }
  })
})
