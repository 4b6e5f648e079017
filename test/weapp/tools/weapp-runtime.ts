// The built mini-program run in WeChat's own component framework: exparser (miniprogram-exparser)
// through j-component and miniprogram-simulate, in jsdom, with every template compiled by WeChat's
// wcc. A small shim stands in for the WeChat client around it: it loads the app's scripts the way
// the client does (each file once, `require` relative to it), turns each Taro `Page(...)` into a
// component, and answers the `wx` APIs the app calls; `wx.cloud.callFunction` goes to the emulator.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { compileTemplates } from './wechat-compilers'

// jsdom ships no type declarations; the shim needs only its window.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: object) => { window: Window & typeof globalThis } }
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
Object.assign(globalThis, { window: dom.window, document: dom.window.document, Node: dom.window.Node, Element: dom.window.Element, HTMLElement: dom.window.HTMLElement, Event: dom.window.Event, CustomEvent: dom.window.CustomEvent })
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate') as {
  load(definition: Record<string, unknown>): string
  render(id: string, properties?: Record<string, unknown>): RenderedComponent
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exparser = require('miniprogram-exparser') as { Event: { dispatchEvent(node: unknown, event: unknown): void; create(name: string, detail: object, options: object): unknown } }
// simulate installed its mock of every wx API; the shim keeps it for what the app only touches.
const simulatedWx = (globalThis as unknown as { wx: Record<string, unknown> }).wx

interface RenderedComponent {
  dom: HTMLElement
  instance: Record<string, (...args: unknown[]) => unknown> & { data: Record<string, unknown> }
  attach(parent: HTMLElement): void
  detach(): void
}

export interface CloudCall {
  name: string
  data: Record<string, unknown>
}

export interface OpenPage {
  route: string
  query: Record<string, string>
  component: RenderedComponent
  /** The page's visible text, whitespace collapsed. */
  text(): string
  /** The navigation bar title the page set. */
  title(): string | undefined
  /** Taps the innermost element whose text contains `label`. */
  tap(label: string): void
}

export interface WeappApp {
  /** Every page opened, the current one last (WeChat's page stack). */
  pages: OpenPage[]
  /** WXML runtime warnings such as ``Template `tmpl_0_i` not found``: a node WeChat cannot draw. */
  templateWarnings: string[]
  errors: string[]
  open(url: string): OpenPage
  current(): OpenPage
  close(): void
}

type CallFunction = (name: string, data: Record<string, unknown>) => Promise<unknown>

/** The `$gwx` template program of a build: every page's and component's compiled WXML. */
function templateProgram(dir: string): (file: string) => unknown {
  const compiled = compileTemplates(dir)
  if (compiled.errors) throw new Error(compiled.errors)
  // The wcc program expects a browser-like window (it writes its version there) and returns $gwx.
  return new Function(`${compiled.output}; return $gwx;`)() as (file: string) => unknown
}

/** Starts the app in `dir` (a weapp build) as WeChat would at launch. */
export function launchWeapp(dir: string, callFunction: CallFunction): WeappApp {
  const gwx = templateProgram(dir)
  const loaded = new Set<string>()
  const storage = new Map<string, unknown>()
  const titles = new Map<string, string>()
  const templateWarnings: string[] = []
  const errors: string[] = []
  const pages: OpenPage[] = []
  let pending: ((config: Record<string, unknown>) => void) | undefined

  const originalWarn = console.warn
  const originalError = console.error
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ')
    if (/Template `[^`]+` not found/.test(text)) templateWarnings.push(text)
    else originalWarn(...args)
  }
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '))
    originalError(...args)
  }

  /** Runs one script of the build once, with a `require` relative to it, as the WeChat client does. */
  function load(file: string) {
    const full = file.endsWith('.js') ? file : `${file}.js`
    if (loaded.has(full)) return
    loaded.add(full)
    const code = readFileSync(full, 'utf8')
    const localRequire = (request: string) => load(path.resolve(path.dirname(full), request))
    new Function('require', 'module', 'exports', code)(localRequire, { exports: {} }, {})
  }

  const registerComponent = (file: string, config: Record<string, unknown>, usingComponents: Record<string, string>) =>
    simulate.load({ id: componentIds[file], path: file, template: gwx(`${file}.wxml`), usingComponents, tagName: path.basename(file), ...config })

  // Taro's one custom component, `comp` (templates nested deeper than Taro's template levels), uses itself.
  const componentIds: Record<string, string> = { comp: 'taro-comp' }
  const usingOf = (route: string) => {
    const json = JSON.parse(readFileSync(path.join(dir, `${route}.json`), 'utf8')) as { usingComponents?: Record<string, string> }
    return Object.fromEntries(Object.entries(json.usingComponents ?? {}).map(([tag, target]) => [tag, componentIds[path.relative(dir, path.resolve(path.dirname(path.join(dir, route)), target))] ?? target]))
  }

  function navigate(url: string, replace: boolean) {
    const [route, queryString = ''] = url.replace(/^\//, '').split('?')
    const query = Object.fromEntries(new URLSearchParams(queryString))
    if (replace) pages.pop()?.component.detach()
    open(route, query)
  }
  const succeed = (options: { success?: (r: unknown) => void; complete?: (r: unknown) => void } | undefined, result: Record<string, unknown> = {}) => {
    const answer = { errMsg: 'ok', ...result }
    options?.success?.(answer)
    options?.complete?.(answer)
    return Promise.resolve(answer)
  }
  type Options = { url: string; success?: (r: unknown) => void; complete?: (r: unknown) => void }
  const wx: Record<string, unknown> = {
    ...simulatedWx,
    cloud: {
      init: () => undefined,
      callFunction: async (options: CloudCall & { success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
        try {
          const result = await callFunction(options.name, options.data)
          const answer = { result, errMsg: 'cloud.callFunction:ok' }
          options.success?.(answer)
          return answer
        } catch (err) {
          options.fail?.(err)
          throw err
        }
      },
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    setNavigationBarTitle: (options: { title: string } & Options) => {
      const page = pages.at(-1)
      if (page) titles.set(page.route, options.title)
      return succeed(options)
    },
    navigateTo: (options: Options) => (navigate(options.url, false), succeed(options)),
    redirectTo: (options: Options) => (navigate(options.url, true), succeed(options)),
    reLaunch: (options: Options) => {
      while (pages.length) pages.pop()?.component.detach()
      navigate(options.url, false)
      return succeed(options)
    },
    navigateBack: (options?: Options) => {
      pages.pop()?.component.detach()
      return succeed(options)
    },
    loadFontFace: (options: Options) => succeed(options),
    onNeedPrivacyAuthorization: () => undefined,
    requirePrivacyAuthorize: (options: Options) => succeed(options),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
  }
  Object.assign(globalThis, {
    wx,
    getCurrentPages: () => pages.map((page) => page.component.instance),
    getApp: () => app,
    requirePlugin: () => ({}),
    // Taro calls Page/Component/App while a script loads: each is caught and registered here.
    Page: (config: Record<string, unknown>) => pending?.(config),
    Component: (config: Record<string, unknown>) => pending?.(config),
    App: (config: Record<string, unknown>) => pending?.(config),
  })

  let app: Record<string, (...args: unknown[]) => unknown> = {}
  pending = (config) => (app = config as typeof app)
  load(path.join(dir, 'app.js'))
  pending = (config) => registerComponent('comp', { properties: config.properties, options: config.options, methods: config.methods ?? {}, data: config.data }, { comp: componentIds.comp })
  load(path.join(dir, 'comp.js'))
  pending = undefined
  app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1001 })
  app.onShow?.({ path: 'pages/index/index', query: {}, scene: 1001 })

  function open(route: string, query: Record<string, string> = {}): OpenPage {
    let config: Record<string, unknown> | undefined
    pending = (c) => (config = c)
    load(path.join(dir, route))
    pending = undefined
    // A page script runs once per app; WeChat keeps its Page() definition for later visits.
    config ??= definitions.get(route)
    if (!config) throw new Error(`${route}.js did not call Page()`)
    definitions.set(route, config)
    const methods = Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'))
    componentIds[route] ??= `page-${definitions.size}-${route.replace(/\W/g, '-')}`
    const id = registerComponent(route, { data: JSON.parse(JSON.stringify(config.data ?? {})), methods }, usingOf(route))
    const component = simulate.render(id)
    component.attach(document.body)
    const instance = component.instance as unknown as Record<string, unknown>
    instance.route = route
    instance.__route__ = route
    const page: OpenPage = {
      route,
      query,
      component,
      // Only layout whitespace is collapsed: \s would also turn Mongolian's U+202F (before a suffix) into a space.
      text: () => (component.dom.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim(),
      title: () => titles.get(route),
      tap(label) {
        const target = innermostWithText(component.dom, label) as (Element & { __wxElement?: unknown }) | undefined
        if (!target?.__wxElement) throw new Error(`no element with the text "${label}" on ${route}: ${page.text().slice(0, 400)}`)
        // As WeChat delivers a tap: an exparser event that bubbles through the shadow trees to the bound handler.
        exparser.Event.dispatchEvent(target.__wxElement, exparser.Event.create('tap', {}, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }))
      },
    }
    pages.push(page)
    const call = (name: string, ...args: unknown[]) => (instance[name] as ((...a: unknown[]) => unknown) | undefined)?.apply(instance, args)
    call('onLoad', query)
    call('onShow')
    call('onReady')
    return page
  }
  const definitions = new Map<string, Record<string, unknown>>()

  return {
    pages,
    templateWarnings,
    errors,
    open: (url) => {
      navigate(url, false)
      return pages[pages.length - 1]
    },
    current: () => pages[pages.length - 1],
    close() {
      while (pages.length) pages.pop()?.component.detach()
      console.warn = originalWarn
      console.error = originalError
    },
  }
}

function innermostWithText(root: Element, label: string): Element | undefined {
  let found: Element | undefined
  const walk = (element: Element) => {
    if (!(element.textContent ?? '').includes(label)) return
    found = element
    for (const child of Array.from(element.children)) walk(child)
  }
  walk(root)
  return found
}

