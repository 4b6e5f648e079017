// Malformed protocol requests get the cloud's error shape, write nothing and never take the
// emulator down; the EJSON codec agrees with bson's.
import type { Emulator } from '../../../emulator'
import { decodeValue, encodeValue, parseEJSON, stringifyEJSON } from '../../../emulator/ejson'
import { encodeCommApiData } from '../../../emulator/protobuf'
import { Cron } from '../../../emulator/timers'
import { rawPost, sdkFor, start } from './helpers'

let emu: Emulator
beforeAll(async () => {
  emu = await start()
  await emu.seed({ things: [{ _id: 't1', n: 1 }] })
  emu.resetStats()
})
afterAll(() => emu.stop())

const MEGABYTE = 'x'.repeat(1024 * 1024)
const q = (o: unknown) => JSON.stringify(o)

const malformed: Array<[string, string | Buffer, string?]> = [
  ['garbage', 'not json at all'],
  ['an empty body', ''],
  ['a JSON array', '[1,2,3]'],
  ['no action', q({ collectionName: 'things' })],
  ['an unknown action', q({ action: 'database.dropDatabase', collectionName: 'things' })],
  ['an action that is not a string', q({ action: { $ne: null } })],
  ['a missing collectionName', q({ action: 'database.insertDocument', data: [q({ a: 1 })] })],
  ['a megabyte collectionName', q({ action: 'database.getDocument', collectionName: MEGABYTE })],
  ['a path-like collectionName', q({ action: 'database.addCollection', collectionName: '../../etc' })],
  ['bad EJSON in query', q({ action: 'database.getDocument', collectionName: 'things', query: '{"a":' })],
  ['a bad $date', q({ action: 'database.insertDocument', collectionName: 'things', data: [q({ d: { $date: 'yesterday' } })] })],
  ['a bad $numberInt', q({ action: 'database.modifyDocument', collectionName: 'things', query: q({ _id: 't1' }), data: q({ $set: { n: { $numberInt: 'NaN' } } }), merge: true })],
  ['a __proto__ update', '{"action":"database.modifyDocument","collectionName":"things","query":"{\\"_id\\":\\"t1\\"}","data":"{\\"$set\\":{\\"__proto__.polluted\\":1}}","merge":true,"multi":true}'],
  ['a constructor.prototype update', q({ action: 'database.modifyDocument', collectionName: 'things', query: q({}), data: q({ $set: { 'constructor.prototype.polluted': 1 } }), merge: true, multi: true })],
  ['a __proto__ document', q({ action: 'database.insertDocument', collectionName: 'things', data: ['{"__proto__":{"polluted":1}}'] })],
  ['an unknown update operator', q({ action: 'database.modifyDocument', collectionName: 'things', query: q({}), data: q({ $evil: { n: 1 } }), merge: true, multi: true })],
  ['an update of _id', q({ action: 'database.modifyDocument', collectionName: 'things', query: q({ _id: 't1' }), data: q({ $set: { _id: 'x' } }), merge: true })],
  ['a $where query', q({ action: 'database.removeDocument', collectionName: 'things', query: q({ $where: 'true' }), multi: true })],
  ['an $out stage', q({ action: 'database.aggregateDocuments', collectionName: 'things', stages: [{ stageKey: '$out', stageValue: '"other"' }] })],
  ['a negative limit', q({ action: 'database.getDocument', collectionName: 'things', limit: -5 })],
  ['a deeply nested query', q({ action: 'database.getDocument', collectionName: 'things', query: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) })],
  ['an unknown transaction', q({ action: 'database.commitTransaction', transactionId: 'nope' })],
  ['a function call without a name', q({ action: 'functions.invokeFunction', request_data: '{}' })],
  ['an openApi call without data', q({ action: 'wx.openApi', apiName: 'security.msgSecCheck' })],
  ['a storage path escaping the root', q({ action: 'storage.getUploadMetadata', path: '../../outside.txt' })],
  ['a truncated multipart body', '--xyz\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi', 'multipart/form-data; boundary=xyz'],
]

describe('malformed protocol requests', () => {
  // every row gets 3 columns: jest passes a done callback to a test taking more params than columns
  const rows = malformed.map(([label, body, contentType]) => [label, body, contentType ?? 'application/json'] as const)
  it.each(rows)('%s: answers an error shape and writes nothing', async (_label, body, contentType) => {
    const before = emu.stats().writes
    const r = await rawPost(emu, body, contentType)
    expect(r.status).toBe(200)
    expect(typeof r.json.code).toBe('string')
    expect(typeof r.json.message).toBe('string')
    expect(typeof r.json.requestId).toBe('string')
    expect(emu.stats().writes).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects a body over the size limit and stays up', async () => {
    const r = await rawPost(emu, q({ action: 'database.getDocument', collectionName: 'things', query: 'x'.repeat(17 * 1024 * 1024) }))
    expect(r.json.code).toBe('INVALID_PARAM')
  })

  it('is still serving and the data is intact', async () => {
    const db = sdkFor(emu).database()
    expect((await db.collection('things').doc('t1').get()).data).toEqual({ _id: 't1', n: 1 })
    expect(emu.stats().writes).toBe(0)
    expect(emu.stats().requests).toBeGreaterThanOrEqual(malformed.length)
  })

  it('decodes a wx.openApi multipart request with a hand-made protobuf payload', async () => {
    const payload = encodeCommApiData({ apiType: 0, pairs: [{ key: 'content', value: Buffer.from('"hi"') }, { key: 'version', value: Buffer.from('2') }] })
    const boundary = 'b0undary'
    const parts = [
      `--${boundary}\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="apiName"\r\n\r\nsecurity.msgSecCheck\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ]
    const body = Buffer.concat([Buffer.from(parts.join('')), payload, Buffer.from(`\r\n--${boundary}--\r\n`)])
    const r = await fetch(emu.serviceUrl, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: new Uint8Array(body) })
    expect(r.headers.get('content-type')).toBe('application/octet-stream')
    expect(emu.outbox().at(-1)).toMatchObject({ api: 'security.msgSecCheck', data: { content: 'hi', version: 2 } })
  })
})

describe('EJSON', () => {
  // bson is what @cloudbase/database uses on the other side of the wire
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EJSON } = require(require.resolve('bson', { paths: [require.resolve('@cloudbase/database')] }))

  it('decodes what bson encodes (canonical) and bson parses what we encode', () => {
    const value = { i: 1, neg: -5, d: 1.5, big: 5_000_000_000, when: new Date(1700000000123), re: /a.c/im, list: [1, { x: 'y' }], nil: null, s: 'str', nan: NaN, inf: -Infinity }
    const decoded = parseEJSON(EJSON.stringify(value, { relaxed: false }), 'test') as Record<string, unknown>
    expect(decoded).toEqual({ ...value, re: /a.c/im })
    const back = EJSON.parse(stringifyEJSON(decoded))
    expect(back.when).toEqual(value.when)
    expect(back.big).toBe(value.big)
    expect(back.re.pattern).toBe('a.c')
    expect(Number.isNaN(back.nan)).toBe(true)
    expect(back.inf).toBe(-Infinity)
  })

  it('resolves server dates and refuses prototype keys', () => {
    expect(decodeValue({ at: { $tcb_server_date: { offset: { $numberInt: '1000' } } } }, { now: 5000 })).toEqual({ at: new Date(6000) })
    expect(() => decodeValue(JSON.parse('{"__proto__":{"x":1}}'))).toThrow('not allowed')
    expect(() => decodeValue({ 'a.constructor': 1 })).toThrow('not allowed')
    expect(encodeValue(-0)).toEqual({ $numberDouble: '-0.0' })
  })
})

describe('cron', () => {
  it('understands the 7-field WeChat cron', () => {
    const every5 = new Cron('0 */5 * * * * *')
    expect(every5.matches(new Date(2024, 0, 1, 10, 35, 0))).toBe(true)
    expect(every5.matches(new Date(2024, 0, 1, 10, 36, 0))).toBe(false)
    expect(every5.matches(new Date(2024, 0, 1, 10, 35, 1))).toBe(false)
    const weekdays9 = new Cron('0 0 9 * * MON-FRI *')
    expect(weekdays9.matches(new Date(2024, 0, 1, 9, 0, 0))).toBe(true) // a Monday
    expect(weekdays9.matches(new Date(2024, 0, 6, 9, 0, 0))).toBe(false) // a Saturday
    expect(() => new Cron('* * *')).toThrow('7 fields')
  })
})
