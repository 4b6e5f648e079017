// Anonymity that holds: after an anonymous tip-off (with a photo and a position), no stored
// document — in any collection, or anywhere in the emulator's data folder — links the request to
// the filer's openid; the filer follows, confirms and rates it with the secret only they hold;
// staff see no filer, and the audit log of their reads names only themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ResidentRequestView, StaffRequestView } from '../../src/core/requests/contract'
import { expectError, expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { OFFICER, LEADER, buildTipOff, newFollowSecret, resident, staff } from './requests-support'

/** A filer who never appears anywhere else in the seed, so any trace of the id is this filing's. */
const FILER = 'anon-herder-7f3a9c'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(() => cloud.stop())

function dataFiles(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? dataFiles(full) : [{ file: full, text: readFileSync(full, 'utf8') }]
  })
}

describe('an anonymous tip-off', () => {
  const secret = newFollowSecret()
  let filed: ResidentRequestView

  beforeAll(async () => {
    filed = expectOk(await cloud.call<ResidentRequestView>(FILER, 'requests', buildTipOff(secret, { photos: ['cloud://fengqiao-local/requests/tip-photo-1.jpg'], location: { lng: 106.35, lat: 41.6 } })))
  })

  it('is stored with no openid, name, phone or follow secret, only the secret’s keyed digest', async () => {
    const [stored] = await cloud.stored('requests', { _id: filed.id })
    // Routed by the position: inside gacha-bayanbulag, officer-1's.
    expect(stored).toMatchObject({ anonymous: true, filerOpenid: null, filer: null, communityId: 'gacha-bayanbulag', officerId: 'officer-1' })
    expect(typeof stored.followKey).toBe('string')
    expect(JSON.stringify(stored)).not.toContain(secret)
  })

  it('leaves no document in any collection that names the filer next to the request', async () => {
    const collections = readdirSync(path.join(__dirname, '..', '..', 'cloudfunctions', 'database-rules')).map((f) => f.replace(/\.json$/, ''))
    for (const name of collections) {
      for (const doc of await cloud.stored(name)) {
        const text = JSON.stringify(doc)
        // The filer's own user record exists (they opened the app) but says nothing of the request.
        if (text.includes(FILER)) expect({ name, doc: text.includes(filed.id) }).toEqual({ name, doc: false })
      }
    }
    // Checked pictures name no uploader.
    const checks = await cloud.stored('media_checks', { purpose: 'request_photo' })
    expect(checks.length).toBe(1)
    expect(checks[0].uploader).toBe('anonymous')
  })

  it('leaves nothing in the data folder that holds both the filer’s openid and the request id', () => {
    // The folder's documents (one file per collection, and the journal) — the openapi outbox
    // stands in for WeChat's servers, which see the openid of every content check by design.
    const files = dataFiles(cloud.dataDir).filter((f) => !/outbox/i.test(f.file))
    for (const f of files) {
      for (const line of f.text.split('\n')) expect(line.includes(FILER) && line.includes(filed.id)).toBe(false)
    }
  })

  it('is followed with the secret, and not without it', async () => {
    expect(expectOk(await resident(cloud, FILER, 'get', { id: filed.id, followSecret: secret })).status).toBe('submitted')
    expectError(await resident(cloud, FILER, 'get', { id: filed.id }), 'PERMISSION_DENIED')
    expectError(await resident(cloud, FILER, 'get', { id: filed.id, followSecret: newFollowSecret() }), 'PERMISSION_DENIED')
    const followed = expectOk(await cloud.call<ResidentRequestView[]>('someone-else', 'requests', { action: 'follow', items: [{ id: filed.id, followSecret: secret }] }))
    expect(followed.map((r) => r.id)).toEqual([filed.id])
    expect(expectOk(await cloud.call<ResidentRequestView[]>(FILER, 'requests', { action: 'mine' }))).toEqual([])
  })

  it('shows staff no filer, refuses a contact reveal, and the audit log names only the staff', async () => {
    const seen = expectOk(await staff(cloud, OFFICER, 'detail', { id: filed.id }))
    expect(seen.filer).toBeNull()
    expectError(await staff(cloud, OFFICER, 'revealContact', { id: filed.id }), 'FAILED_PRECONDITION')
    const audit = await cloud.stored('audit_log', { recordId: filed.id })
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit)).not.toContain(FILER)
  })

  it('is answered, confirmed and rated by the secret holder', async () => {
    expectOk(await staff(cloud, OFFICER, 'accept', { id: filed.id }))
    expectOk(await staff(cloud, OFFICER, 'handOff', { id: filed.id, partner: 'township_government', note: '转苏木政府核查采砂' }))
    expectOk(await staff(cloud, OFFICER, 'recordPartnerAnswer', { id: filed.id, text: '苏木已派人制止' }))
    expectOk(await staff(cloud, OFFICER, 'reply', { id: filed.id, text: '已核实并制止，感谢举报。', textMn: 'ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ' }))
    const read = expectOk(await resident(cloud, FILER, 'get', { id: filed.id, followSecret: secret }))
    expect(read.answers[0]).toMatchObject({ zh: '已核实并制止，感谢举报。', mn: 'ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ' })
    expectError(await resident(cloud, FILER, 'confirm', { id: filed.id, resolved: true }), 'PERMISSION_DENIED')
    expectOk(await resident(cloud, FILER, 'confirm', { id: filed.id, followSecret: secret, resolved: true }))
    expect(expectOk(await resident(cloud, FILER, 'rate', { id: filed.id, followSecret: secret, rating: 4 })).status).toBe('rated')
    const [stored] = await cloud.stored('requests', { _id: filed.id })
    expect(JSON.stringify(stored)).not.toContain(FILER)
    const seen = expectOk(await staff(cloud, LEADER, 'detail', { id: filed.id })) as StaffRequestView
    expect(seen.filer).toBeNull()
  })
})
