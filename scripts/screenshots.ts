// npm run screenshots: the README's pictures, taken from the h5 build in Chromium against a fresh
// demo station — the resident home in Chinese, then in Mongolian. Build h5 first (npm run build:h5).
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { ARTIFACTS, on, shoot, signIn, startHarness } from '../test/e2e/harness'
import { translate } from '../src/i18n'
import { root } from './local-cloud'

async function main() {
  const harness = await startHarness()
  try {
    const { context, page } = await harness.openPhone()
    await signIn(page, 'demo-resident-1')
    await on(page, 'home', '.language-option-zh').click()
    await page.locator('#page-home.lang-zh .role-home-resident').waitFor()
    // The officer's card loads after the home: the picture shows it loaded, not "loading…".
    const loading = [translate('zh', 'common.loading'), translate('mn', 'common.loading')]
    await page.waitForFunction((words) => !words.some((w) => document.body.innerText.includes(w)), loading)
    await shoot(page, 'readme-zh')
    await on(page, 'home', '.language-option-mn').click()
    await page.locator('#page-home.lang-mn .role-home-resident').waitFor()
    await page.waitForFunction((words) => !words.some((w) => document.body.innerText.includes(w)), loading)
    await shoot(page, 'readme-mn')
    await context.close()
    for (const language of ['zh', 'mn']) copyFileSync(path.join(ARTIFACTS, `readme-${language}.png`), path.join(root, 'docs', `screenshot-${language}.png`))
    console.log('wrote docs/screenshot-zh.png and docs/screenshot-mn.png')
  } finally {
    await harness.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
