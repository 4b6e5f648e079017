// What the built apps carry. The mini-program (weapp) is the production build: no secret may be in
// it, and the h5 demo's identity picker (a local convenience: the browser has no WeChat login) must
// be absent from it. The h5 build is the positive control that the scan finds the picker at all.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}

/** Every text file of a build, with the ones containing `pattern`. */
function containing(build: 'weapp' | 'h5', pattern: RegExp): string[] {
  return filesUnder(path.join(root, 'dist', build))
    .filter((file) => /\.(js|json|wxml|wxss|css|html|txt)$/.test(file))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file))
}

const DEMO_PICKER = /demo-identity-picker|fengqiao\.demoOpenid|demo-resident-1/

const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))

/** The development key the functions derive from a public seed (cloudfunctions/booking/id-cipher.ts), as it would appear in code. */
const devKey = createHash('sha256').update('fengqiao-station local development key').digest()

/** Secrets and the development stand-ins for them: none belongs in an app people download. */
const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ["the emulator's secret id and key", /local-emulator-secret/],
  ['the development personal-data key seed', /local development key/],
  ['the development key material (hex)', escaped(devKey.toString('hex'))],
  ['the development key material (base64)', escaped(devKey.toString('base64'))],
  ['a Tencent Cloud secret', /TENCENTCLOUD_SECRET|secretKey["']?\s*[:=]\s*["'][^"']{8,}/],
  ['an app secret (AppSecret, for code2Session or access tokens)', /appsecret|app_secret/i],
  [
    'a key or setting from the functions’ environment',
    /PERSONAL_DATA_KEY|AUDIT_RETENTION_DAYS|RATE_LIMITS|NOTICES_CONFIG|MEDIATION_CONFIG|VOLUNTEERS_CONFIG|BOOKING_CONFIG/,
  ],
  ['the server-only content-security and rate-limit code', /wxa_media_check|rate_counters|media_checks/],
]

describe('the production (weapp) build', () => {
  it('carries no demo-identity picker, which the local h5 build does', () => {
    expect(containing('h5', DEMO_PICKER).length).toBeGreaterThan(0)
    expect(containing('weapp', DEMO_PICKER)).toEqual([])
  })

  it.each(SECRET_PATTERNS)('carries no secret: %s', (_what, pattern) => {
    expect(containing('weapp', pattern)).toEqual([])
  })

  it('carries none of the keys set in this environment', () => {
    const values = ['PERSONAL_DATA_KEY', 'TENCENTCLOUD_SECRETKEY'].map((name) => process.env[name]).filter((v): v is string => Boolean(v && v.length >= 8))
    for (const value of values) expect(containing('weapp', escaped(value))).toEqual([])
  })
})

describe('the local h5 build', () => {
  it.each(SECRET_PATTERNS)('carries no secret either: %s', (_what, pattern) => {
    expect(containing('h5', pattern)).toEqual([])
  })
})
