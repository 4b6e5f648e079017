// Slow networks (docs/offline.md), for `npm run bench -- network`:
// - the h5 first screen under a 2G-like profile: Chromium's network emulation (250 kbit/s down,
//   125 kbit/s up, 800 ms round trip), from navigation until a returning resident's home is
//   usable (the services card, or the privacy prompt before the agreement), with an empty cache and then with the browser's cache;
// - what a resident downloads on weapp before the home is usable: the main package, the
//   Mongolian font loaded at launch, and the answers of the calls the home makes (account.me,
//   jurisdiction.myCommunity), measured through the emulator's gateway.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { demoSeed } from './demo-seed'
import { generousLimitsEnv, root, startLocalCloud } from './local-cloud'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The 2G-like profile of issue 18: bytes per second for CDP. */
export const SLOW_2G = { offline: false, latency: 800, downloadThroughput: (250 * 1000) / 8, uploadThroughput: (125 * 1000) / 8 }
const RESIDENT = 'demo-resident-2'
const FONT = path.join(root, 'node_modules/@fontsource/noto-sans-mongolian/files/noto-sans-mongolian-mongolian-400-normal.woff2')

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name)
    return sum + (entry.isDirectory() ? dirBytes(full) : statSync(full).size)
  }, 0)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Bytes of the weapp main package: the build minus its subpackages. */
function weappMainBytes(): number {
  const weapp = path.join(root, 'dist', 'weapp')
  const appJson = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const sub = (appJson.subPackages ?? []).reduce((sum, p) => sum + dirBytes(path.join(weapp, p.root)), 0)
  return dirBytes(weapp) - sub
}

export async function benchNetwork(): Promise<Array<Record<string, string>>> {
  for (const [type, marker] of [['h5', 'dist/h5/index.html'], ['weapp', 'dist/weapp/app.json']] as const) {
    if (existsSync(path.join(root, marker))) continue
    console.log(`building ${type}…`)
    execFileSync('npx', ['taro', 'build', '--type', type], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-bench-network-'))
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-bench-chromium-'))
  const emulator = await startLocalCloud({ dataDir, staticDir: path.join(root, 'dist', 'h5'), functionEnv: generousLimitsEnv() })
  const rows: Array<Record<string, string>> = []
  try {
    await emulator.seed(demoSeed())
    // The answers the home waits for, as JSON bytes (the weapp receives the same envelopes).
    const answers = await Promise.all(
      [
        ['account', 'me'],
        ['jurisdiction', 'myCommunity'],
      ].map(async ([name, action]) => Buffer.byteLength(JSON.stringify(await emulator.call(name, { action }, { openid: RESIDENT })))),
    )
    const main = weappMainBytes()
    const font = statSync(FONT).size
    const answerBytes = answers.reduce((a, b) => a + b, 0)
    rows.push({ measure: 'weapp: main package', value: kb(main), at2G: seconds(((main * 8) / 250_000) * 1000) })
    rows.push({ measure: 'weapp: Mongolian font loaded at launch', value: kb(font), at2G: seconds(((font * 8) / 250_000) * 1000) })
    rows.push({ measure: 'weapp: answers the home loads (account.me, myCommunity)', value: kb(answerBytes), at2G: seconds(((answerBytes * 8) / 250_000) * 1000 + 2 * 800) })
    rows.push({ measure: 'weapp: bytes before the home is usable', value: kb(main + font + answerBytes), at2G: seconds((((main + font + answerBytes) * 8) / 250_000) * 1000 + 2 * 800) })

    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 375, height: 740 },
      isMobile: true,
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      // A returning resident: the identity the local demo would have remembered.
      await context.addInitScript((openid) => window.localStorage.setItem('fengqiao.demoOpenid', openid), RESIDENT)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      let bytes = 0
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        bytes += event.encodedDataLength
      })
      await cdp.send('Network.emulateNetworkConditions', SLOW_2G)
      for (const run of ['empty cache', 'browser cache'] as const) {
        bytes = 0
        const started = Date.now()
        await page.goto(`${emulator.url}/`, { waitUntil: 'commit', timeout: 600_000 })
        // Usable: the resident's services, or for someone who has not yet agreed, the privacy prompt they act on.
        await page.locator('#page-home .role-home-resident, #page-home .privacy-prompt').first().waitFor({ timeout: 600_000 })
        rows.push({ measure: `h5: first screen usable at 2G (${run})`, value: kb(bytes), at2G: seconds(Date.now() - started) })
      }
    } finally {
      await context.close()
    }
  } finally {
    await emulator.stop()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(profileDir, { recursive: true, force: true })
  }
  return rows
}
