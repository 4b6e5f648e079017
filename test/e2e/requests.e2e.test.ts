// The requests desk through the h5 build (issue 15): a Mongolian-reading herder files an anonymous
// tip-off with a photo and her position; the responsible officer finds it in 今日待办, accepts it,
// hands it to the judicial office, records the office's answer and answers her; she reads the
// answer in Mongolian and says it is not resolved; the officer answers again; she confirms and
// rates 2; a leader sees the rectification task. Screenshots in Chinese, Mongolian and elder mode.
// And the officer's half-written hand-off, kept on the device through a reload (docs/offline.md).
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { point, polygon } from '@turf/helpers'
import demoDocument from '../../scripts/demo-jurisdiction.json'
import { buildRequest } from '../integration/requests-support'
import { on, shoot, signIn, startHarness, type Harness } from './harness'

const HERDER = 'demo-resident-1'
const OFFICER = 'demo-officer-1'
const LEADER = 'demo-leader-1'
const CHINESE_RESIDENT = 'demo-resident-2'
const GACHA = 'gacha-bayanbulag'

/** A point inside the herder's gacha: the mean of its boundary's corners, checked with turf. */
function insideGacha(): { longitude: number; latitude: number } {
  const community = (demoDocument.communities as Array<{ id: string; boundary: { coordinates: number[][][] } | null }>).find((c) => c.id === GACHA)!
  const ring = community.boundary!.coordinates[0]
  const corners = ring.slice(0, -1)
  const longitude = corners.reduce((sum, p) => sum + p[0], 0) / corners.length
  const latitude = corners.reduce((sum, p) => sum + p[1], 0) / corners.length
  if (!booleanPointInPolygon(point([longitude, latitude]), polygon([ring]))) throw new Error(`the mean corner of ${GACHA} lies outside it`)
  return { longitude, latitude }
}

/** A real 1×1 PNG standing in for the picture the herder took of the fence. */
function photoFile(): string {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'fengqiao-photo-')), 'fence.png')
  writeFileSync(file, png)
  return file
}

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
})
afterAll(async () => {
  await harness?.stop()
})

async function confirmDialog(page: Page, screen: string) {
  await on(page, screen, '.fq-dialog-confirm').click()
  await on(page, screen, '.fq-dialog-mask').waitFor({ state: 'detached' })
}

/** Run one step on the officer's request page: open it, fill what it asks, confirm. */
async function step(page: Page, name: string, fill: () => Promise<void> = async () => undefined) {
  await on(page, 'officer-request', `.oq-step-${name}`).click()
  await fill()
  if (name !== 'accept') await on(page, 'officer-request', '.oq-save').click()
  await confirmDialog(page, 'officer-request')
}

describe('an anonymous tip-off from a herder, through the judicial office, to a rectification', () => {
  it('is filed, found in the inbox, handed off, answered twice, confirmed, rated 2 and seen by a leader', async () => {
    // The herder reads Mongolian: the whole journey is set vertically.
    const herder = await harness.openPhone()
    await herder.context.grantPermissions(['geolocation'], { origin: harness.emulator.url })
    await herder.context.setGeolocation(insideGacha())
    await signIn(herder.page, HERDER)
    await herder.page.locator('#page-home.lang-mn').waitFor()
    await shoot(herder.page, 'requests-0-home-mn')
    await on(herder.page, 'home', '.home-open-requests-tipOff').click()
    await herder.page.locator('#page-requests-file.lang-mn .rq-kind-tip_off.is-chosen').waitFor()
    await on(herder.page, 'requests-file', '.rq-subject-illegal_mining_grazing').click()
    await on(herder.page, 'requests-file', '.rq-text textarea').fill('有人夜里开车进草场偷挖沙子，围栏被剪断了。')
    const [chooser] = await Promise.all([herder.page.waitForEvent('filechooser'), on(herder.page, 'requests-file', '.rq-photo-add').click()])
    await chooser.setFiles(photoFile())
    await on(herder.page, 'requests-file', '.rq-photo-preview').waitFor()
    await on(herder.page, 'requests-file', '.rq-position-current').click()
    await on(herder.page, 'requests-file', '.rq-position-chosen').waitFor()
    await on(herder.page, 'requests-file', '.rq-anonymous-yes').click()
    // Anonymous: no name or phone fields at all.
    expect(await on(herder.page, 'requests-file', '.rq-field-phone').count()).toBe(0)
    await on(herder.page, 'requests-file', '.rq-field-anonymous').scrollIntoViewIfNeeded()
    await shoot(herder.page, 'requests-1-tip-off-anonymous-mn')
    await on(herder.page, 'requests-file', '.rq-submit').click()
    await on(herder.page, 'requests-file', '.rq-filed').waitFor()
    await on(herder.page, 'requests-file', '.rq-filed-mine').click()
    const card = on(herder.page, 'requests-mine', '.rq-request').first()
    await card.locator('.rq-anonymous-tag').waitFor()
    const requestId = /rq-request-(\S+)/.exec((await card.getAttribute('class')) ?? '')![1]
    expect(requestId).not.toBe('')

    // The gacha's officer (巴特尔, reads Mongolian) finds it in 今日待办.
    const officer = await harness.openPhone()
    await signIn(officer.page, OFFICER)
    await on(officer.page, 'home', '.role-home-officer .fq-entry-action').click()
    await on(officer.page, 'workbench', '.workbench-open-inbox .fq-entry-action').click()
    const line = on(officer.page, 'inbox', `.oq-item-${requestId}`)
    await line.waitFor()
    await shoot(officer.page, 'requests-2-officer-inbox-mn')
    await line.locator('.oq-open').click()
    await on(officer.page, 'officer-request', '.oq-filer-anonymous').waitFor()
    // The photo passed the picture check and shows; nobody can see who filed.
    await on(officer.page, 'officer-request', '.oq-photo').waitFor()
    expect(await on(officer.page, 'officer-request', '.oq-reveal').count()).toBe(0)
    await step(officer.page, 'accept')
    await step(officer.page, 'hand_off', async () => {
      await on(officer.page, 'officer-request', '.oq-partner-judicial_office').click()
      await on(officer.page, 'officer-request', '.oq-handoff-note textarea').fill('请司法所核实巴音布拉格嘎查草场被挖沙一事，并告知处理意见。')
    })
    await on(officer.page, 'officer-request', '.oq-status.is-with_partner').waitFor()
    await step(officer.page, 'partner_answer', async () => {
      await on(officer.page, 'officer-request', '.oq-partner-answer textarea').fill('司法所已联系嘎查委员会，三日内现场核查并依法处理。')
    })
    await step(officer.page, 'reply', async () => {
      await on(officer.page, 'officer-request', '.oq-reply-zh textarea').fill('已交司法所核查，三日内到现场处理，围栏由嘎查组织修复。')
      await on(officer.page, 'officer-request', '.oq-reply-mn textarea').fill('ᠱᠦᠭᠦᠨ ᠲᠠᠰᠤᠭ ᠭᠤᠷᠪᠠᠨ ᠡᠳᠦᠷ ᠳᠣᠲᠣᠷ᠎ᠠ ᠪᠠᠶᠢᠴᠠᠭᠠᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ᠃')
    })
    await on(officer.page, 'officer-request', '.oq-status.is-answered').waitFor()
    await shoot(officer.page, 'requests-3-officer-answered-mn')

    // She reads the answer in Mongolian and says it is not resolved.
    await herder.page.reload()
    const mine = on(herder.page, 'requests-mine', `.rq-request-${requestId}`)
    await mine.locator('.rq-answer-text').filter({ hasText: 'ᠱᠦᠭᠦᠨ ᠲᠠᠰᠤᠭ' }).waitFor()
    await mine.locator('.rq-confirm-no').click()
    await mine.locator('.rq-reason textarea').fill('围栏还没有修，晚上还有车进来。')
    await shoot(herder.page, 'requests-4-answer-mn')
    await mine.locator('.rq-not-resolved-send').click()
    await confirmDialog(herder.page, 'requests-mine')
    await mine.locator('.rq-status.is-reopened').waitFor()

    // The officer answers again.
    await officer.page.reload()
    await on(officer.page, 'officer-request', '.oq-reopen-comment').waitFor()
    await step(officer.page, 'reply', async () => {
      await on(officer.page, 'officer-request', '.oq-reply-zh textarea').fill('今晚起派辅警夜巡，围栏明天由嘎查修好。')
      await on(officer.page, 'officer-request', '.oq-reply-mn textarea').fill('ᠥᠨᠥᠭᠡᠳᠦᠷ ᠰᠥᠨᠢ ᠡᠴᠡ ᠡᠬᠢᠯᠡᠨ ᠡᠷᠭᠢᠯᠲᠡ ᠬᠢᠨ᠎ᠡ᠃')
    })
    await on(officer.page, 'officer-request', '.oq-status.is-answered').waitFor()

    // She confirms it is resolved and rates 2 (dissatisfied), in elder mode.
    await herder.page.goto(`${harness.emulator.url}/#/pages/index/index`)
    await on(herder.page, 'home', '.elder-mode-switch').click()
    await herder.page.locator('#page-home.elder').waitFor()
    await on(herder.page, 'home', '.home-open-requests-mine').click()
    const again = on(herder.page, 'requests-mine', `.rq-request-${requestId}`)
    await herder.page.locator('#page-requests-mine.lang-mn.elder').waitFor()
    await again.locator('.rq-confirm-yes').click()
    await again.locator('.rq-rate-2').click()
    await again.locator('.rq-rate-comment textarea').fill('第一次答复没有解决问题。')
    await shoot(herder.page, 'requests-5-rate-mn-elder')
    await again.locator('.rq-rate-submit').click()
    await again.locator('.rq-rated').waitFor()

    // A leader (Chinese) sees the station's load and the rectification task.
    const leader = await harness.openPhone()
    await signIn(leader.page, LEADER)
    await on(leader.page, 'home', '.role-home-leader .fq-entry-action').click()
    await on(leader.page, 'leadership', '.leadership-open-station-inbox .fq-entry-action').click()
    await on(leader.page, 'inbox', '.oq-load-card').waitFor()
    await shoot(leader.page, 'requests-6-leader-station-zh')
    await on(leader.page, 'inbox', '.oq-tab-rectifications').click()
    const task = on(leader.page, 'inbox', '.oq-rect.is-open').first()
    await task.waitFor()
    expect(await task.textContent()).toContain('线索举报')
    await shoot(leader.page, 'requests-7-leader-rectification-zh')
    for (const phone of [herder, officer, leader]) await phone.context.close()
  })
})

describe('the filing form in Chinese', () => {
  it('shows the 96110 hotline before a fraud report, labels every field and names the missing ones', async () => {
    const { context, page } = await harness.openPhone()
    await signIn(page, CHINESE_RESIDENT)
    // 我的 reaches the same desk in one tap.
    await on(page, 'home', '.home-me-link').click()
    await on(page, 'me', '.me-open-requests-fraud').click()
    await on(page, 'requests-file', '.rq-fraud-hotline .rq-call-96110').waitFor()
    await on(page, 'requests-file', '.rq-submit').click()
    await on(page, 'requests-file', '.rq-field-channel .rq-field-error, .rq-channel .rq-field-error').first().waitFor()
    expect(await on(page, 'requests-file', '.rq-field-error').count()).toBeGreaterThanOrEqual(3)
    expect(await on(page, 'requests-file', '.rq-field-text .rq-field-error').textContent()).toContain('发生了什么')
    await shoot(page, 'requests-8-fraud-form-errors-zh')
    // Help asks about danger first and offers 110.
    await on(page, 'requests-file', '.rq-kind-help').click()
    await on(page, 'requests-file', '.rq-danger-yes').click()
    await on(page, 'requests-file', '.emergency-call-110').first().waitFor()
    await shoot(page, 'requests-9-help-danger-zh')
    await context.close()
  })
})

describe('an officer halfway through a hand-off when the page is lost', () => {
  /** The drafts this browser keeps, by form name (useFormDraft's storage keys). */
  const storedDrafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('fengqiao.draft.')))

  it('finds the unit, note and contact again with the hand-off open, in Mongolian and in Chinese, and loses them once it is sent', async () => {
    const filed = await harness.callAs<{ id: string }>(HERDER, 'requests', buildRequest({ text: '嘎查北边草场的界桩被人挪走了，想问该找谁。' }))
    await harness.callAs(OFFICER, 'requests', { action: 'accept', id: filed.id })
    const requestUrl = `${harness.emulator.url}/#/packages/officer/pages/request/index?id=${encodeURIComponent(filed.id)}`
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, OFFICER)
      await page.goto(requestUrl)
      await on(page, 'officer-request', '.oq-step-hand_off').click()
      await on(page, 'officer-request', '.oq-partner-township_government').click()
      const note = '请苏木政府核实巴音布拉格嘎查北边界桩被挪一事。'
      await on(page, 'officer-request', '.oq-handoff-note textarea').fill(note)
      await on(page, 'officer-request', '.oq-handoff-contact textarea').fill('苏木草原站 那顺')
      expect(await storedDrafts(page)).toContain(`fengqiao.draft.requests.handOff.${filed.id}@${OFFICER}`)

      // The page is lost (WeChat closed it, the signal dropped): reopened, the hand-off is open again as it was.
      for (const language of ['mn', 'zh'] as const) {
        await page.goto(`${harness.emulator.url}/`)
        await on(page, 'home', `.language-option-${language}`).click()
        await page.locator(`#page-home.lang-${language}`).waitFor()
        await page.goto(requestUrl)
        await page.locator(`#page-officer-request.lang-${language} .oq-handoff-form`).waitFor()
        expect(await on(page, 'officer-request', '.oq-handoff-note textarea').inputValue()).toBe(note)
        expect(await on(page, 'officer-request', '.oq-handoff-contact textarea').inputValue()).toBe('苏木草原站 那顺')
        expect(await on(page, 'officer-request', '.oq-partner-township_government').getAttribute('class')).toContain('primary')
        // Vertical Mongolian runs in columns from the left: the chosen unit starts what was restored.
        await on(page, 'officer-request', language === 'mn' ? '.oq-partner-township_government' : '.oq-handoff-form').scrollIntoViewIfNeeded()
        await shoot(page, `requests-10-handoff-draft-restored-${language}`)
      }

      await on(page, 'officer-request', '.oq-save').click()
      await confirmDialog(page, 'officer-request')
      await on(page, 'officer-request', '.oq-status.is-with_partner').waitFor()
      expect(await storedDrafts(page)).not.toContain(`fengqiao.draft.requests.handOff.${filed.id}@${OFFICER}`)
      await page.reload()
      await on(page, 'officer-request', '.oq-status.is-with_partner').waitFor()
      expect(await on(page, 'officer-request', '.oq-handoff-form').count()).toBe(0)
    } finally {
      await context.close()
    }
  })

  it('keeps the note of a transfer per request, and does not bring it back once transferring is no longer allowed', async () => {
    const filed = await harness.callAs<{ id: string }>(HERDER, 'requests', buildRequest({ text: '想咨询牲畜检疫证明怎么办理。' }))
    await harness.callAs(OFFICER, 'requests', { action: 'accept', id: filed.id })
    const requestUrl = `${harness.emulator.url}/#/packages/officer/pages/request/index?id=${encodeURIComponent(filed.id)}`
    const { context, page } = await harness.openPhone()
    try {
      await signIn(page, OFFICER)
      await page.goto(requestUrl)
      await on(page, 'officer-request', '.oq-step-transfer').click()
      await on(page, 'officer-request', '.oq-transfer-note textarea').fill('该户实际住在镇上，请王磊接手。')
      await page.reload()
      await on(page, 'officer-request', '.oq-transfer-form').waitFor()
      expect(await on(page, 'officer-request', '.oq-transfer-note textarea').inputValue()).toBe('该户实际住在镇上，请王磊接手。')

      // Meanwhile the request is answered from another phone: transferring is no longer offered.
      await harness.callAs(OFFICER, 'requests', { action: 'reply', id: filed.id, text: '请带免疫证明到苏木兽医站办理。' })
      await page.reload()
      await on(page, 'officer-request', '.oq-status.is-answered').waitFor()
      expect(await on(page, 'officer-request', '.oq-transfer-form').count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
