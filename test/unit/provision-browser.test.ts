// `npm test` on a fresh machine: the e2e tier installs Debian's Chromium and fonts when it can,
// or stops with one line naming what is missing and how to get it.
import { provisionPlan, type MachineFacts } from '../../scripts/provision-browser'

const everything = new Set(['/usr/bin/chromium', '/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'])
const machine = (overrides: Partial<MachineFacts> & { files?: string[] } = {}): MachineFacts => {
  const files = new Set(overrides.files ?? everything)
  return { exists: (file) => files.has(file), isRoot: true, hasAptGet: true, ...overrides }
}

describe('provisionPlan', () => {
  it('is ready when Chromium and both font packages are there', () => {
    expect(provisionPlan(machine())).toEqual({ kind: 'ready' })
  })

  it('installs every missing package with apt-get on a fresh Debian machine as root', () => {
    expect(provisionPlan(machine({ files: [] }))).toEqual({ kind: 'install', packages: ['chromium', 'fonts-noto-core', 'fonts-noto-cjk'] })
    expect(provisionPlan(machine({ files: ['/usr/bin/chromium'] }))).toEqual({ kind: 'install', packages: ['fonts-noto-core', 'fonts-noto-cjk'] })
  })

  it('says in one line why it cannot and the command that fixes it when not root', () => {
    const plan = provisionPlan(machine({ files: [], isRoot: false }))
    expect(plan.kind).toBe('cannot')
    const message = (plan as { message: string }).message
    expect(message).toContain('not run as root')
    expect(message).toContain('sudo apt-get install chromium fonts-noto-core fonts-noto-cjk')
    expect(message).not.toContain('\n')
  })

  it('names the packages to install by hand on a machine without apt-get', () => {
    const plan = provisionPlan(machine({ files: ['/usr/bin/chromium'], hasAptGet: false }))
    expect(plan).toEqual({ kind: 'cannot', message: expect.stringContaining('no apt-get') })
    expect((plan as { message: string }).message).toContain('fonts-noto-core, fonts-noto-cjk')
  })

  it('keeps a browser chosen with CHROMIUM_PATH and still provides the fonts', () => {
    const files = ['/opt/chrome/chrome']
    expect(provisionPlan(machine({ files, chromiumPath: '/opt/chrome/chrome' }))).toEqual({ kind: 'install', packages: ['fonts-noto-core', 'fonts-noto-cjk'] })
  })

  it('refuses a CHROMIUM_PATH that does not exist instead of installing another browser', () => {
    const plan = provisionPlan(machine({ chromiumPath: '/opt/nowhere/chrome' }))
    expect(plan).toEqual({ kind: 'cannot', message: expect.stringContaining('/opt/nowhere/chrome, which does not exist') })
  })
})
