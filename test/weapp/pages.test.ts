// Every page of the weapp build rendered in WeChat's component framework against the emulator,
// for a resident, an officer and a Mongolian reader: the page draws its localized title and text,
// every node has a WXML template, and a tap navigates.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PRIVACY_POLICY_VERSION } from '../../src/core/account/contract'
import { translate } from '../../src/i18n'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { launchWeapp, type OpenPage } from './tools/weapp-runtime'
import { copyOf, weappDist as dist } from './support'

const MONGOLIAN = /[\u1820-\u18AA]/
const HAN = /\p{Script=Han}/u

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud?.stop()
})

const appAs = (openid: string, dir = dist) => launchWeapp(dir, (name, data) => cloud.call(openid, name, data))

/**
 * Waits until the page shows its title and its own text (not only loading words) in the reader's
 * language: Taro sends the title at once but the page's text in a later setData.
 */
async function settled(page: OpenPage, language: 'zh' | 'mn', errors: string[] = [], timeoutMs = 30_000) {
  const loading = [translate('zh', 'common.loading'), translate('mn', 'common.loading')]
  const script = language === 'mn' ? MONGOLIAN : HAN
  const ready = () => {
    const title = page.title()
    const text = page.text()
    // A section may still be loading (the desk's day list, the dashboard's later tiles); the page
    // is drawn once its own text shows besides the loading words.
    const drawn = loading.reduce((rest, words) => rest.split(words).join(''), text)
    return !!title && script.test(title) && script.test(drawn)
  }
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    if (ready()) return page
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${page.route} did not finish loading in ${language} within ${timeoutMs} ms: title ${page.title()}, text: ${page.text().slice(0, 300)}${errors.length ? `\nerrors:\n${errors.join('\n')}` : ''}`)
}

/** Waits until the page's text contains `words` (a section that loads after the page is drawn). */
async function showing(page: OpenPage, words: string, timeoutMs = 30_000) {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    if (page.text().includes(words)) return page.text()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${page.route} never showed "${words}" within ${timeoutMs} ms: ${page.text().slice(0, 400)}`)
}

const routes = () => {
  const appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  return [...appJson.pages, ...appJson.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}

/** Who opens each page and with which query: the page's own audience, in the demo station. */
async function visitOf(route: string): Promise<{ as: string; query?: string }> {
  const first = async (collection: string, where: Record<string, unknown> = {}) => String((await cloud.stored(collection, where))[0]?._id)
  if (route.startsWith('packages/admin/')) return { as: 'demo-admin' }
  if (route === 'packages/officer/pages/mediation-case/index') return { as: 'demo-leader-1', query: `id=${await first('mediation_cases')}` }
  if (route === 'packages/officer-volunteers/pages/volunteers-activity/index') return { as: 'demo-leader-1', query: `id=${await first('volunteer_activities')}` }
  if (['packages/officer/', 'packages/officer-volunteers/', 'packages/stats/'].some((root) => route.startsWith(root))) return { as: 'demo-leader-1' }
  if (route === 'packages/volunteer/pages/activity/index') return { as: 'demo-volunteer-1', query: `id=${await first('volunteer_activities')}` }
  if (route.startsWith('packages/volunteer/pages/center')) return { as: 'demo-volunteer-1' }
  if (route === 'packages/notices/pages/detail/index') return { as: 'demo-resident-2', query: `id=${await first('notices', { status: 'published' })}` }
  return { as: 'demo-resident-2' }
}

describe('the home page, before the privacy agreement is accepted', () => {
  const home = async (openid: string, language: 'zh' | 'mn') => {
    const app = appAs(openid)
    return { app, page: await settled(app.open('/pages/index/index'), language) }
  }

  it('offers a resident the privacy guide and 110, in Chinese', async () => {
    const { app, page } = await home('demo-resident-2', 'zh')
    try {
      expect(page.title()).toBe(translate('zh', 'app.name'))
      expect(await showing(page, translate('zh', 'privacyPrompt.title'))).toContain(translate('zh', 'privacyPrompt.action'))
      expect(app.templateWarnings).toEqual([])
    } finally {
      app.close()
    }
  })

  it('offers an officer the same, in Chinese', async () => {
    const { app, page } = await home('demo-officer-2', 'zh')
    try {
      await showing(page, translate('zh', 'privacyPrompt.title'))
      expect(app.templateWarnings).toEqual([])
    } finally {
      app.close()
    }
  })

  it('speaks Mongolian to a Mongolian reader', async () => {
    const { app, page } = await home('demo-resident-1', 'mn')
    try {
      expect(page.title()).toBe(translate('mn', 'app.name'))
      await showing(page, translate('mn', 'privacyPrompt.title'))
      expect(app.templateWarnings).toEqual([])
    } finally {
      app.close()
    }
  })

  it('opens the privacy guide when a resident taps its prompt', async () => {
    const { app, page } = await home('demo-resident-2', 'zh')
    try {
      await showing(page, translate('zh', 'privacyPrompt.action'))
      page.tap(translate('zh', 'privacyPrompt.action'))
      expect(app.current().route).toBe('pages/privacy/index')
      await settled(app.current(), 'zh')
      expect(app.current().title()).toBe(translate('zh', 'privacy.title'))
    } finally {
      app.close()
    }
  })
})

describe('the home page, once the privacy agreement is accepted', () => {
  it.each([
    ['demo-resident-2', 'zh', 'home.resident.title', 'home.officer.title'],
    ['demo-officer-2', 'zh', 'home.officer.title', 'home.leader.title'],
    ['demo-resident-1', 'mn', 'home.resident.title', 'home.officer.title'],
  ] as const)('shows %s (%s) the sections of their roles', async (openid, language, shown, hidden) => {
    await cloud.call(openid, 'account', { action: 'acceptPrivacy', version: PRIVACY_POLICY_VERSION })
    const app = appAs(openid)
    try {
      const page = await settled(app.open('/pages/index/index'), language)
      expect(await showing(page, translate(language, shown))).not.toContain(translate(language, hidden))
      expect(app.templateWarnings).toEqual([])
    } finally {
      app.close()
    }
  })
})

describe('every page of the weapp build', () => {
  beforeAll(async () => {
    for (const openid of ['demo-resident-1', 'demo-resident-2', 'demo-officer-1', 'demo-officer-2', 'demo-leader-1', 'demo-volunteer-1', 'demo-admin']) {
      await cloud.call(openid, 'account', { action: 'acceptPrivacy', version: PRIVACY_POLICY_VERSION })
    }
  })

  it.each(routes())('%s renders its title and text, every node with a template', async (route) => {
    const visit = await visitOf(route)
    const language = (await cloud.stored('users', { _id: visit.as }))[0]?.language === 'mn' ? 'mn' : 'zh'
    const app = appAs(visit.as)
    try {
      const page = await settled(app.open(`/${route}${visit.query ? `?${visit.query}` : ''}`), language, app.errors)
      expect(page.text()).toMatch(language === 'mn' ? MONGOLIAN : HAN)
      expect(app.templateWarnings).toEqual([])
    } finally {
      app.close()
    }
  })
})

describe('a copy of the build whose <i> elements have no template', () => {
  it('is caught: the runtime warns that the template is missing', async () => {
    const copy = copyOf(dist, 'no-i-template')
    // @tarojs/plugin-html maps <i> (NutUI's icons) to a view; without the mapping, as before the
    // plugin was added, WeChat looks for a `tmpl_0_i` template that base.wxml does not have.
    const taro = readFileSync(path.join(copy, 'taro.js'), 'utf8')
    expect(taro).toContain('new Set(["i",')
    writeFileSync(path.join(copy, 'taro.js'), taro.replace('new Set(["i",', 'new Set(['))
    // The home's loading spinner is such an <i>. Answered at once, the profile can arrive before
    // the loading state is ever drawn (it did in one CI run); answered after a second, the spinner
    // is always drawn first.
    const answerSlowly = (name: string, data: Record<string, unknown>) => new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => cloud.call('demo-resident-2', name, data))
    const app = launchWeapp(copy, answerSlowly)
    try {
      await settled(app.open('/pages/index/index'), 'zh').catch(() => undefined)
      expect(app.templateWarnings.join('\n')).toMatch(/Template `tmpl_0_i` not found/)
    } finally {
      app.close()
    }
  })
})
