// One journey per role through the h5 build, in Debian's Chromium against a fresh emulator: pick
// the demo identity, accept the privacy agreement, and see exactly that role's home. Then the two
// adaptations: traditional Mongolian set vertically in its own font, and elder mode's larger type
// and tap targets, remembered on the device and stored in the backend.
import type { Page } from 'playwright-core'
import type { Profile } from '../../src/core/account/contract'
import path from 'node:path'
import { newUser } from '../../cloudfunctions/_shared/user-record'
import { dayjs } from '../../src/core/time'
import { adminMnMong } from '../../src/packages/admin/i18n/mn-Mong'
import { expectMongolian } from './claims'
import { acceptPrivacy, ARTIFACTS, on, pickIdentity, shoot, signIn, startHarness, type Harness } from './harness'

/** Home sections by role: what each identity must see, and so what the others must not. */
const ROLE_SECTIONS = ['role-home-resident', 'role-home-officer', 'role-home-leader', 'role-home-volunteer', 'role-home-admin'] as const
type RoleSection = (typeof ROLE_SECTIONS)[number]

interface Journey {
  openid: string
  sees: RoleSection[]
  /** The entry to follow from the home, and what its screen shows once loaded. */
  opens?: { entry: RoleSection; screen: string }
}

const JOURNEYS: Journey[] = [
  { openid: 'demo-resident-1', sees: ['role-home-resident'] },
  { openid: 'demo-officer-1', sees: ['role-home-resident', 'role-home-officer'], opens: { entry: 'role-home-officer', screen: '#page-workbench .officer-record' } },
  {
    openid: 'demo-leader-1',
    sees: ['role-home-resident', 'role-home-officer', 'role-home-leader'],
    opens: { entry: 'role-home-leader', screen: '#page-leadership .leadership-open-station-inbox' },
  },
  {
    openid: 'demo-volunteer-1',
    sees: ['role-home-resident', 'role-home-volunteer'],
    opens: { entry: 'role-home-volunteer', screen: '#page-volunteer .volunteer-activity-act-demo-patrol' },
  },
  { openid: 'demo-admin', sees: ['role-home-resident', 'role-home-admin'], opens: { entry: 'role-home-admin', screen: '#page-admin-invites .admin-officer' } },
]

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness?.stop()
})

const openPhone = () => harness.openPhone()

const home = (page: Page, selector = '') => page.locator(`#page-home ${selector}`.trim())

const storedProfile = (openid: string) => harness.callAs<Profile>(openid, 'account', { action: 'me' })

/** Resolves when the backend answered the preferences update whose request contains `fragment`. */
const preferencesStored = (page: Page, fragment: string) =>
  page.waitForResponse((response) => {
    const body = response.request().postData() ?? ''
    return response.url().endsWith('/gateway/call') && body.includes('updatePreferences') && body.includes(fragment)
  })

const styleOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el)
    return { writingMode: style.writingMode, fontFamily: style.fontFamily, fontSize: parseFloat(style.fontSize) }
  })

describe('roles', () => {
  describe.each(JOURNEYS)('as $openid', ({ openid, sees, opens }) => {
    it('sees only the agreement and calling 110 until privacy is accepted, then exactly their role’s home', async () => {
      const { context, page } = await openPhone()
      try {
        await pickIdentity(page, openid)
        await home(page, '.privacy-prompt').waitFor()
        await expect(home(page, '.emergency-call-110').isVisible()).resolves.toBe(true)
        expect(await home(page, '.role-home-resident').count()).toBe(0)
        await shoot(page, `${openid}-1-before-privacy`)

        await acceptPrivacy(page)
        await home(page, `.${sees[0]}`).waitFor()
        for (const section of ROLE_SECTIONS) {
          expect({ section, shown: await home(page, `.${section}`).count() }).toEqual({ section, shown: sees.includes(section) ? 1 : 0 })
        }
        await expect(home(page, '.emergency-call-110').isVisible()).resolves.toBe(true)
        await shoot(page, `${openid}-2-home`)

        if (opens) {
          await home(page, `.${opens.entry} .fq-entry-action`).click()
          await page.locator(opens.screen).first().waitFor()
          await shoot(page, `${openid}-3-${opens.entry.replace('role-home-', '')}`)
        }
        expect((await storedProfile(openid)).privacyAcceptedVersion).not.toBeNull()
      } catch (err) {
        await page.screenshot({ path: path.join(ARTIFACTS, `debug-roles-${openid}.png`) })
        throw err
      } finally {
        await context.close()
      }
    })
  })
})

describe('language and elder mode', () => {
  it('sets Mongolian vertically in Noto Sans Mongolian, enlarges type and tap targets, and remembers both', async () => {
    const openid = 'demo-resident-2'
    const { context, page } = await openPhone()
    try {
      await pickIdentity(page, openid)
      await acceptPrivacy(page)
      await home(page, '.role-home-resident').waitFor()
      const chinese = await styleOf(page, '#page-home .emergency-call .fq-text')
      expect(chinese.writingMode).toBe('horizontal-tb')

      await home(page, '.language-option-mn').click()
      await page.locator('#page-home.lang-mn .role-home-resident').waitFor()
      const title = home(page, '.emergency-call .fq-card-title')
      expect(await title.textContent()).toMatch(/[\u1800-\u18AF]/)
      const mongolian = await styleOf(page, '#page-home .emergency-call .fq-card-title')
      expect(mongolian.writingMode).toBe('vertical-lr')
      expect(mongolian.fontFamily).toContain('Noto Sans Mongolian')
      const loadedFaces = await page.evaluate(() => document.fonts.load('16px "Noto Sans Mongolian"', '\u182E\u1823\u1829\u182D\u1823\u182F').then((faces) => faces.length))
      expect(loadedFaces).toBeGreaterThan(0)
      await shoot(page, 'language-1-mongolian')

      const body = '#page-home .emergency-call .fq-text'
      const before = (await styleOf(page, body)).fontSize
      const elderStored = preferencesStored(page, '"elderMode":true')
      await home(page, '.elder-mode-switch').click()
      await elderStored
      await page.locator('#page-home.lang-mn.elder').waitFor()
      const after = (await styleOf(page, body)).fontSize
      expect(after).toBeGreaterThanOrEqual(before * 1.25)
      const buttons = await home(page, '.nut-button').evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => ({ cls: el.className, ...el.getBoundingClientRect().toJSON() })),
      )
      expect(buttons.length).toBeGreaterThan(0)
      for (const button of buttons) expect({ cls: button.cls, small: Math.min(button.width, button.height) < 48 }).toEqual({ cls: button.cls, small: false })
      await shoot(page, 'language-2-mongolian-elder')

      // Stored with the person, and remembered on the device so the first screen is already right.
      await expect(storedProfile(openid)).resolves.toMatchObject({ language: 'mn', elderMode: true })
      await page.reload()
      await page.locator('#page-home.lang-mn.elder').waitFor()

      await home(page, '.language-option-zh').click()
      await page.locator('#page-home.lang-zh.elder .role-home-resident').waitFor()
      expect((await styleOf(page, body)).fontSize).toBeGreaterThanOrEqual(chinese.fontSize * 1.25)
      await shoot(page, 'language-3-chinese-elder')
    } finally {
      await context.close()
    }
  })
})

describe('the admins’ invites', () => {
  /** Not among the h5 picker's identities: chosen the way the picker stores its choice. */
  const BUREAU_ADMIN = 'e2e-bureau-admin'
  const invites = (page: Page, selector = '') => on(page, 'admin-invites', selector)

  beforeAll(async () => {
    await harness.emulator.seed({ users: [{ ...newUser(BUREAU_ADMIN, dayjs()), roles: ['resident', 'bureau_admin'], displayName: '局管理员', language: 'zh' }] })
  })

  it('a station admin is offered the station roles only, for their station’s officers, and reaches the audit log', async () => {
    const { context, page } = await openPhone()
    try {
      await signIn(page, 'demo-admin')
      await home(page, '.role-home-admin .fq-entry-action').click()
      await invites(page, '.admin-officer-officer-3').waitFor()
      expect(await invites(page, '.admin-officers-scope').textContent()).toBe('名单是本派出所的民警，可以授予民警或所领导身份。')
      // Another station's officers and the bureau's staff are not listed, and no station is named.
      expect(await invites(page, '.admin-officer-officer-bb-1, .admin-officer-bureau-duty-1').count()).toBe(0)
      expect(await invites(page, '.admin-officer-station').count()).toBe(0)
      await invites(page, '.admin-officer-officer-3 .admin-invite-start').click()
      await invites(page, '.admin-officer-officer-3 .admin-invite-grant-leader').waitFor()
      expect(await invites(page, '.admin-invite-grant-bureauLeader, .admin-invite-grant-bureauAdmin, .admin-invite-bureau-note').count()).toBe(0)
      await shoot(page, 'admin-invites-1-station-admin')

      await invites(page, '.admin-open-audit .fq-entry-action').click()
      await page.locator('#page-audit .audit-filters').waitFor()
      await page.locator('#page-audit .audit-search').click()
      await page.locator('#page-audit .audit-results, #page-audit .audit-empty').first().waitFor()
      expect(await page.locator('#page-audit .audit-error').count()).toBe(0)

      // The jurisdiction page in Mongolian names the admin's station and says what they may do.
      await harness.callAs('demo-admin', 'account', { action: 'updatePreferences', language: 'mn', elderMode: false })
      await page.goto(`${harness.emulator.url}/#/packages/admin/pages/jurisdiction/index`)
      await page.reload()
      await page.locator('#page-admin-jurisdiction.lang-mn .jurisdiction-scope-station').waitFor()
      await expectMongolian(page.locator('#page-admin-jurisdiction .jurisdiction-scope-station .fq-text'), adminMnMong['jurisdiction.scope.stationBody'])
      expect(await page.locator('#page-admin-jurisdiction .jurisdiction-scope-station .fq-card-title').textContent()).toContain('ᠴᠣᠭ ᠥᠨᠳᠦᠷ')
      await shoot(page, 'admin-jurisdiction-station-scope-mn')
      await harness.callAs('demo-admin', 'account', { action: 'updatePreferences', language: 'zh', elderMode: false })
    } finally {
      await context.close()
    }
  })

  it('the bureau admin sees every station’s officers by station, grants a bureau role to the bureau’s staff only, in Chinese and in Mongolian', async () => {
    const { context, page } = await openPhone()
    try {
      await page.goto(`${harness.emulator.url}/#/pages/index/index`)
      await page.evaluate((openid) => window.localStorage.setItem('fengqiao.demoOpenid', openid), BUREAU_ADMIN)
      await page.reload()
      await home(page, '.privacy-prompt').waitFor()
      await acceptPrivacy(page)
      await home(page, '.role-home-jurisdiction').waitFor()
      await home(page, '.role-home-admin .fq-entry-action').click()

      // A station's officer: the station named, the station roles offered, the bureau roles explained.
      const stationOfficer = invites(page, '.admin-officer-officer-bb-1')
      await stationOfficer.waitFor()
      expect(await stationOfficer.locator('.admin-officer-station').textContent()).toBe('巴音宝力格镇派出所')
      await stationOfficer.locator('.admin-invite-start').click()
      await stationOfficer.locator('.admin-invite-bureau-note').waitFor()
      expect(await stationOfficer.locator('.admin-invite-grant-bureauLeader, .admin-invite-grant-bureauAdmin').count()).toBe(0)

      // The bureau's staff come first, marked as such, with the bureau roles offered.
      const staff = invites(page, '.admin-officer-bureau-duty-1')
      expect(await invites(page, '.admin-officer').first().getAttribute('class')).toMatch(/admin-officer-bureau-/)
      expect(await staff.locator('.admin-officer-station').textContent()).toBe('局机关')
      await staff.locator('.admin-invite-start').click()
      await staff.locator('.admin-invite-grant-bureauAdmin').click()
      await shoot(page, 'admin-invites-2-bureau-admin-choosing')
      await staff.locator('.admin-invite-confirm').click()
      const code = ((await staff.locator('.issued-invite-code').textContent()) ?? '').replace(/\s/g, '')
      expect(code).toMatch(/^[A-Z0-9]{8}$/)
      await shoot(page, 'admin-invites-3-bureau-admin-issued')

      // Redeemed by the officer, the invite grants what was chosen.
      const duty = 'e2e-bureau-duty-officer'
      await harness.callAs(duty, 'account', { action: 'me' })
      const profile = await harness.callAs<Profile>(duty, 'account', { action: 'redeemInvite', code })
      expect(profile.roles).toEqual(expect.arrayContaining(['officer', 'bureau_admin']))
      expect(profile.officer?.id).toBe('bureau-duty-1')

      await harness.callAs(BUREAU_ADMIN, 'account', { action: 'updatePreferences', language: 'mn', elderMode: true })
      await page.reload()
      await page.locator('#page-admin-invites.lang-mn.elder').waitFor()
      await invites(page, '.admin-officers-scope').waitFor()
      await expectMongolian(invites(page, '.admin-officers-scope'), adminMnMong['admin.officers.bureauScope'])
      await expectMongolian(invites(page, '.admin-officer-bureau-chief .admin-officer-station'), adminMnMong['admin.officer.bureauStaff'])
      await invites(page, '.admin-officer-bureau-chief .admin-invite-start').click()
      await expectMongolian(invites(page, '.admin-officer-bureau-chief .admin-invite-grant-bureauLeader'), adminMnMong['admin.invite.grantBureauLeader'])
      await shoot(page, 'admin-invites-4-bureau-admin-mn-elder')

      await page.goto(`${harness.emulator.url}/#/packages/admin/pages/jurisdiction/index`)
      await page.locator('#page-admin-jurisdiction.lang-mn.elder .jurisdiction-scope-bureau').waitFor()
      await expectMongolian(page.locator('#page-admin-jurisdiction .jurisdiction-scope-bureau .fq-text'), adminMnMong['jurisdiction.scope.bureauBody'])
      await shoot(page, 'admin-jurisdiction-bureau-scope-mn-elder')
    } finally {
      await context.close()
    }
  })
})

