// One journey per role through the h5 build, in Debian's Chromium against a fresh emulator: pick
// the demo identity, accept the privacy agreement, and see exactly that role's home. Then the two
// adaptations: traditional Mongolian set vertically in its own font, and elder mode's larger type
// and tap targets, remembered on the device and stored in the backend.
import type { Page } from 'playwright-core'
import type { Profile } from '../../src/core/account/contract'
import { acceptPrivacy, pickIdentity, shoot, startHarness, type Harness } from './harness'

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
