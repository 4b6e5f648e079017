import { disclose, lookupHash, protect, requestDigest, seal, unseal, type Sealed } from '../../cloudfunctions/_shared/personal-data'
import { idNumberLookupForm, maskIdNumber, maskPhone, phoneLookupForm } from '../../src/core/privacy/mask'

/** Each case loads the module afresh, so the key is read from the environment it sets. */
function withKey<T>(env: Record<string, string | undefined>, run: (m: typeof import('../../cloudfunctions/_shared/personal-data')) => T): T {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
  try {
    let result: T | undefined
    jest.isolateModules(() => {
      result = run(require('../../cloudfunctions/_shared/personal-data'))
    })
    return result as T
  } finally {
    process.env = saved
  }
}

const KEY = 'a'.repeat(64)
const OTHER_KEY = Buffer.alloc(32, 7).toString('base64')

describe('masks', () => {
  it('keeps a mobile’s network prefix and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('keeps only the last four digits of any other number', () => {
    expect(maskPhone('0478-6200110')).toBe('*******0110')
  })
  it('keeps the region (first four) and the last four characters of an ID number, never the birth date', () => {
    expect(maskIdNumber('15020319491231002X')).toBe('1502**********002X')
  })
  it('normalises what a lookup hashes', () => {
    expect(phoneLookupForm('+86 138-1234-5678')).toBe('13812345678')
    expect(idNumberLookupForm('110105 19491231 002x')).toBe('11010519491231002X')
  })
})

describe('sealing', () => {
  it('round-trips, with a fresh IV each time and nothing in clear', () => {
    const a = seal('phone', '13812345678')
    const b = seal('phone', '13812345678')
    expect(a.iv).not.toBe(b.iv)
    expect(a.data).not.toBe(b.data)
    expect(JSON.stringify(a)).not.toContain('13812345678')
    expect(unseal('phone', a)).toBe('13812345678')
  })

  it('binds a ciphertext to its kind: a sealed phone does not open as an ID number', () => {
    expect(() => unseal('id-number', seal('phone', '13812345678'))).toThrow()
  })

  it('refuses a tampered ciphertext', () => {
    const sealed = seal('id-number', '11010519491231002X')
    const data = Buffer.from(sealed.data, 'base64')
    data[0] ^= 1
    expect(() => unseal('id-number', { ...sealed, data: data.toString('base64') })).toThrow()
  })

  it('still opens ID numbers the booking function sealed before this module (same sub-key and AAD)', () => {
    const byBookingIdCipher: Sealed = { v: 1, keyId: 'dev', iv: 'n1iPCjRVGm35QUHo', tag: 'NpgN4K8akdnuZ7PyDbPZ2w==', data: '9ipliP+iXM1U/AjHyGFUqLwb' }
    expect(unseal('id-number', byBookingIdCipher)).toBe('11010519491231002X')
  })
})

describe('the key', () => {
  it('is the local development key without PERSONAL_DATA_KEY: labelled "dev" and announced once', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const sealed = withKey({ PERSONAL_DATA_KEY: undefined }, (m) => [m.seal('phone', '1'), m.seal('phone', '2')])
      expect(sealed.map((s) => s.keyId)).toEqual(['dev', 'dev'])
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0][0])).toMatch(/development key/)
    } finally {
      warn.mockRestore()
    }
  })

  it('comes from PERSONAL_DATA_KEY (hex or base64) with its id, and data sealed under another key does not open', () => {
    const sealed = withKey({ PERSONAL_DATA_KEY: KEY, PERSONAL_DATA_KEY_ID: 'station-2026' }, (m) => m.seal('phone', '13812345678'))
    expect(sealed.keyId).toBe('station-2026')
    expect(withKey({ PERSONAL_DATA_KEY: KEY, PERSONAL_DATA_KEY_ID: 'station-2026' }, (m) => m.unseal('phone', sealed))).toBe('13812345678')
    expect(() => withKey({ PERSONAL_DATA_KEY: OTHER_KEY, PERSONAL_DATA_KEY_ID: 'station-2026' }, (m) => m.unseal('phone', sealed))).toThrow()
  })

  it('must be 32 bytes', () => {
    expect(() => withKey({ PERSONAL_DATA_KEY: 'abcd' }, (m) => m.seal('phone', '1'))).toThrow(/32 bytes/)
  })
})

describe('lookup hashes', () => {
  it('match equal values however they were typed, and nothing else', () => {
    expect(lookupHash('phone', '+86 138 1234 5678')).toBe(lookupHash('phone', '13812345678'))
    expect(lookupHash('phone', '13812345679')).not.toBe(lookupHash('phone', '13812345678'))
    expect(lookupHash('id-number', '11010519491231002x')).toBe(lookupHash('id-number', '11010519491231002X'))
  })

  it('differ per purpose and per key, so a table of hashed phone numbers is useless without the key', () => {
    expect(lookupHash('phone', '13812345678')).not.toBe(lookupHash('id-number', '13812345678'))
    const a = withKey({ PERSONAL_DATA_KEY: KEY }, (m) => m.lookupHash('phone', '13812345678'))
    const b = withKey({ PERSONAL_DATA_KEY: OTHER_KEY }, (m) => m.lookupHash('phone', '13812345678'))
    expect(a).not.toBe(b)
  })
})

describe('a protected value', () => {
  it('holds the ciphertext, the mask and the hash, and discloses the value', () => {
    const value = protect('phone', '13812345678')
    expect(value.masked).toBe('138****5678')
    expect(value.hash).toBe(lookupHash('phone', '13812345678'))
    expect(JSON.stringify(value)).not.toContain('12345678')
    expect(disclose('phone', value)).toBe('13812345678')
  })

  it('request digests are keyed and ignore key order', () => {
    expect(requestDigest({ a: 1, b: '13812345678' })).toBe(requestDigest({ b: '13812345678', a: 1 }))
    expect(requestDigest({ a: 1 })).not.toBe(requestDigest({ a: 2 }))
  })
})
