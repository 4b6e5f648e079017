// What every e2e journey needs: a fresh emulator serving the h5 build with the demo station, a
// phone-sized Chromium with an empty profile, the demo identity picker, the privacy agreement,
// screenshots once fonts and page transitions have settled, and reading the backend directly.
// Assumes dist/h5 and dist/cloudfunctions are built (the e2e globalSetup builds them).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import type { Emulator } from '../../emulator'
import { generousLimitsEnv, startLocalCloud } from '../../scripts/local-cloud'
import { demoSeed } from '../../scripts/demo-seed'
import { expectEveryQueryIndexed } from '../support/cloud'
import type { Envelope } from '../../src/core/envelope'

const root = path.resolve(__dirname, '../..')
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS = path.join(__dirname, 'artifacts')
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export interface Harness {
  emulator: Emulator
  /** A phone-sized browser with its own empty profile, so no identity or preference carries over. */
  openPhone: () => Promise<{ context: BrowserContext; page: Page }>
  /** A function's answer as `openid`, failing the test on an error envelope. */
  callAs: <T>(openid: string, name: string, data: Record<string, unknown>) => Promise<T>
  stop: () => Promise<void>
}

/** `functionEnv` replaces the default environment: abuse limits out of reach (see generousLimitsEnv). */
export async function startHarness(options: { functionEnv?: Record<string, string> } = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: the e2e globalSetup installs it when run as root; else sudo apt-get install chromium fonts-noto-core fonts-noto-cjk (or set CHROMIUM_PATH).`)
  mkdirSync(ARTIFACTS, { recursive: true })
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-e2e-'))
  const browserDirs: string[] = []
  const emulator = await startLocalCloud({ dataDir, staticDir: path.join(root, 'dist', 'h5'), functionEnv: options.functionEnv ?? generousLimitsEnv() })
  await emulator.seed(demoSeed())

  const openPhone = async () => {
    const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-chromium-'))
    browserDirs.push(userDataDir)
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${emulator.url}/`)
    return { context, page }
  }

  const callAs = async <T>(openid: string, name: string, data: Record<string, unknown>): Promise<T> => {
    const envelope = (await emulator.call(name, data, { openid })) as Envelope<T>
    if (!envelope.ok) throw new Error(`${name}.${String(data.action)} as ${openid} failed: ${envelope.error.code} ${envelope.error.message}`)
    return envelope.data
  }

  const stop = async () => {
    const unindexed = emulator.unindexedQueries()
    await emulator.stop()
    for (const dir of [dataDir, ...browserDirs]) rmSync(dir, { recursive: true, force: true })
    expectEveryQueryIndexed(unindexed)
  }
  return { emulator, openPhone, callAs, stop }
}

/** A locator inside one screen (PageShell gives each root the id `page-<name>`). */
export const on = (page: Page, screen: string, selector = '') => page.locator(`#page-${screen} ${selector}`.trim())

/** After fonts load and page transitions (Taro h5 slides pages in) have finished. */
export async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready)
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'))
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
}

/** The local demo asks who you are first; choosing reloads the session as that identity. */
export async function pickIdentity(page: Page, openid: string) {
  await on(page, 'home', '.demo-identity-picker').waitFor()
  await on(page, 'home', `.demo-identity-${openid}`).click()
}

/**
 * Accepts and waits for the backend's answer, so a slow answer is told apart from a lost tap. A tap
 * that sent nothing within 15 s (it happened in CI, on a page drawn while the machine was loaded) is
 * made once more, as a person would tap again; accepting twice records the same version.
 */
export async function acceptPrivacy(page: Page) {
  await on(page, 'home', '.privacy-prompt-open').click()
  const accept = page.locator('#page-privacy .privacy-accept')
  const acceptance = () => page.waitForRequest((request) => request.url().endsWith('/gateway/call') && (request.postData() ?? '').includes('acceptPrivacy'), { timeout: 15_000 })
  const first = acceptance()
  await accept.click()
  const request = await first.catch(async () => {
    const again = acceptance()
    await accept.click()
    return again
  })
  await request.response()
}

/** Pick the identity, accept the agreement unless this identity already did, and wait for the home screen. */
export async function signIn(page: Page, openid: string) {
  await pickIdentity(page, openid)
  await on(page, 'home', '.privacy-prompt, .role-home-resident').first().waitFor()
  if ((await on(page, 'home', '.privacy-prompt').count()) > 0) await acceptPrivacy(page)
  try {
    await on(page, 'home', '.role-home-resident').waitFor()
  } catch (err) {
    await page.screenshot({ path: path.join(ARTIFACTS, `debug-signin-${openid}.png`) })
    throw err
  }
}

/**
 * Chooses in a date or time picker (components/date-time-field.tsx) the value its wheel opens at,
 * the way a person taps the field and then the picker's confirm button.
 */
export async function confirmPicker(page: Page, screen: string, selector: string) {
  await on(page, screen, selector).click()
  // Taro's h5 Picker moves its overlay to <body> once loaded, so the sheet is not inside the field.
  // Every picker on every kept page has an overlay there; only the tapped one is shown.
  const open = page.locator('.weui-picker__overlay .weui-picker:visible')
  await open.waitFor({ state: 'visible' })
  await open.locator('.weui-picker__action').last().click()
  await open.waitFor({ state: 'hidden' })
}
