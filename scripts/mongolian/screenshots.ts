// `npm run mongolian:screenshots`: every area of the h5 build in Mongolian (and the resident home
// in elder mode), for checking suffix shaping after U+202F and line breaks. Build h5 first
// (npm run build:h5). Pictures go to test/e2e/artifacts/mongolian/ (not committed).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ARTIFACTS, on, shoot, signIn, startHarness } from '../../test/e2e/harness'

const AREAS: Record<string, string[]> = {
  'demo-resident-1': [
    'pages/index/index',
    'pages/me/index',
    'pages/privacy/index',
    'pages/community/index',
    'packages/booking/pages/index/index',
    'packages/mediation/pages/index/index',
    'packages/notices/pages/feed/index',
    'packages/notices/pages/groups/index',
    'packages/privacy-rights/pages/index/index',
    'packages/volunteer/pages/apply/index',
  ],
  'demo-volunteer-1': ['packages/volunteer/pages/center/index'],
  'demo-officer-1': [
    'packages/officer/pages/workbench/index',
    'packages/officer/pages/desk/index',
    'packages/officer/pages/mediation/index',
    'packages/officer-volunteers/pages/volunteers/index',
    'packages/officer/pages/notices/index',
    'packages/officer/pages/notices-compose/index',
  ],
  'demo-leader-1': ['packages/officer/pages/leadership/index', 'packages/stats/pages/dashboard/index', 'packages/officer/pages/audit/index', 'packages/officer/pages/notices-review/index'],
  'demo-admin': ['packages/admin/pages/invites/index', 'packages/admin/pages/jurisdiction/index'],
}

async function main() {
  const only = process.argv[2]
  const out = path.join(ARTIFACTS, 'mongolian')
  mkdirSync(out, { recursive: true })
  const harness = await startHarness()
  try {
    for (const [identity, routes] of Object.entries(AREAS)) {
      if (only && identity !== only) continue
      const { context, page } = await harness.openPhone()
      await signIn(page, identity)
      await on(page, 'home', '.language-option-mn').click()
      await page.locator('#page-home.lang-mn').waitFor()
      for (const route of routes) {
        await page.goto('about:blank')
        await page.goto(`${harness.emulator.url}/#/${route}`)
        try {
          await page.locator('[id^="page-"].lang-mn').first().waitFor({ timeout: 30000 })
        } catch {
          console.log(`${route}: no Mongolian screen within 30 s (it needs a parameter or another role); shot as it is`)
        }
        // Lists load after the first paint; give them a moment, then wait for transitions.
        await page.waitForTimeout(2500)
        const name = `mongolian/${identity}--${route.replace(/\/index$/, '').replace(/\//g, '_')}`
        // A spinner that never stops would keep shoot() waiting for transitions: take it as it is.
        const settled = await Promise.race([shoot(page, name).then(() => true), page.waitForTimeout(20000).then(() => false)])
        if (!settled) await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
        console.log(`${name}.png${settled ? '' : ' (still animating)'}`)
      }
      if (identity === 'demo-resident-1') {
        await page.goto('about:blank')
        await page.goto(`${harness.emulator.url}/#/pages/index/index`)
        await on(page, 'home', '.elder-mode-switch').click()
        await page.locator('#page-home.lang-mn.elder').waitFor()
        await shoot(page, `mongolian/${identity}--home-elder`)
      }
      await context.close()
    }
  } finally {
    await harness.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
