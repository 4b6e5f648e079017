// Personal data at rest (PIPL: ID numbers are sensitive personal information). Every identity
// number and phone number a function stores is a Protected value: AES-256-GCM ciphertext, a masked
// form for display, and a keyed hash (HMAC-SHA256 of the normalised value) for exact-match lookup
// without decrypting. The key comes from the function's environment, never from the repository:
//
//   PERSONAL_DATA_KEY     32 bytes as 64 hex characters or base64 (required in production)
//   PERSONAL_DATA_KEY_ID  a name for that key, stored beside each ciphertext (default "k1")
//
// One master key; HKDF derives a separate sub-key per purpose (encryption and lookup of each kind
// of value, request digests), so a lookup hash never helps with decryption and vice versa. The
// sub-keys of identity numbers and request digests are the ones the booking function's former
// BOOKING_ID_KEY derived: a deployment that moves that value to PERSONAL_DATA_KEY reads its data.
//
// Without PERSONAL_DATA_KEY a fixed development key is used, announced once on the console, and
// every ciphertext is labelled "dev", so data encrypted that way can be found and re-encrypted.
// Kept free of the SDK so that scripts (the demo seed, benchmarks) store the same shapes.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import { idNumberLookupForm, maskIdNumber, maskPhone, phoneLookupForm } from '../../src/core/privacy/mask'

export const Sealed = z.object({ v: z.literal(1), keyId: z.string(), iv: z.string(), tag: z.string(), data: z.string() })
export type Sealed = z.infer<typeof Sealed>

/** A stored personal value: never in clear; `masked` is what non-owners see, `hash` what lookups match. */
export const Protected = z.object({ sealed: Sealed, masked: z.string(), hash: z.string() })
export type Protected = z.infer<typeof Protected>

export type Kind = 'id-number' | 'phone'

const KINDS: Record<Kind, { mask(value: string): string; lookupForm(value: string): string }> = {
  'id-number': { mask: maskIdNumber, lookupForm: idNumberLookupForm },
  phone: { mask: maskPhone, lookupForm: phoneLookupForm },
}

/** Development only: sha256("fengqiao-station local development key"). */
const DEV_KEY = createHash('sha256').update('fengqiao-station local development key').digest()
export const DEV_KEY_ID = 'dev'

interface Keys {
  keyId: string
  derive(purpose: string): Buffer
}
let keys: Keys | null = null

function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (key.length !== 32) throw new Error('PERSONAL_DATA_KEY must be 32 bytes: 64 hex characters or base64')
  return key
}

function currentKeys(): Keys {
  if (keys) return keys
  const raw = process.env.PERSONAL_DATA_KEY
  if (!raw) console.warn('[personal-data] PERSONAL_DATA_KEY is not set: using the local development key; ciphertexts are labelled "dev". Never deploy like this.')
  const master = raw ? parseKey(raw) : DEV_KEY
  const derived = new Map<string, Buffer>()
  keys = {
    keyId: raw ? (process.env.PERSONAL_DATA_KEY_ID ?? 'k1') : DEV_KEY_ID,
    derive(purpose) {
      let key = derived.get(purpose)
      if (!key) derived.set(purpose, (key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32))))
      return key
    },
  }
  return keys
}

/** The additional authenticated data binds a ciphertext to its kind: a sealed phone cannot pass for an ID number. */
const aad = (kind: Kind) => Buffer.from(`fengqiao:${kind}:v1`)

export function seal(kind: Kind, plain: string): Sealed {
  const { keyId, derive } = currentKeys()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', derive(`${kind}-encryption`), iv)
  cipher.setAAD(aad(kind))
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return { v: 1, keyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
}

/** Only for the record's owner, an audited staff reveal, or the owner's data export. */
export function unseal(kind: Kind, sealed: Sealed): string {
  const { keyId, derive } = currentKeys()
  if (sealed.keyId !== keyId) throw new Error(`sealed with key ${sealed.keyId}, but the current key is ${keyId}`)
  const decipher = createDecipheriv('aes-256-gcm', derive(`${kind}-encryption`), Buffer.from(sealed.iv, 'base64'))
  decipher.setAAD(aad(kind))
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')
}

/** The keyed hash an exact-match lookup compares: equal normalised values hash the same, and only with the key. */
export const lookupHash = (kind: Kind, value: string) => createHmac('sha256', currentKeys().derive(`${kind}-lookup`)).update(KINDS[kind].lookupForm(value)).digest('hex')

export const protect = (kind: Kind, value: string): Protected => ({ sealed: seal(kind, value), masked: KINDS[kind].mask(value), hash: lookupHash(kind, value) })

export const disclose = (kind: Kind, value: Protected) => unseal(kind, value.sealed)

/** JSON with keys sorted at every level, so equal content always digests the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/** A keyed digest of a request's content: a retried request has the same one, a changed request another, and none can be brute-forced back to the ID number inside. */
export const requestDigest = (content: unknown) => createHmac('sha256', currentKeys().derive('request-digest')).update(canonical(content)).digest('hex')

/** Deterministic document id for (caller, requestId): the database's _id uniqueness makes a request take effect once. */
export const idForRequest = (prefix: string, openid: string, requestId: string) => `${prefix}${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32)}`

/**
 * A keyed digest of any value for one purpose (an anonymous filer's follow secret, a rate-limit
 * subject): equal inputs match, and without the key nobody can compute it from a guessed input
 * (an openid is no secret to staff).
 */
export const keyedDigest = (purpose: string, value: string) => createHmac('sha256', currentKeys().derive(`keyed:${purpose}`)).update(value).digest('hex')
