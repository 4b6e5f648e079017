// Personal data at rest. Identity numbers are stored AES-256-GCM encrypted, with only the last
// four characters kept in clear for display; nothing ever decrypts them for an answer. Until the
// station's key management lands (the security issue), the key comes from the environment:
//
//   BOOKING_ID_KEY     32 bytes as 64 hex characters or base64 (required in production)
//   BOOKING_ID_KEY_ID  a name for that key, stored beside each ciphertext (default "k1")
//
// Without BOOKING_ID_KEY a fixed development key is used and ciphertexts are labelled "dev", so
// data encrypted that way can be found and re-encrypted. Never deploy without the variable.
// The same key (through HKDF, a separate sub-key) signs request digests, so a stored digest of a
// booking request cannot be brute-forced back to the identity number inside it.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import * as z from 'zod'

export const Sealed = z.object({ v: z.literal(1), keyId: z.string(), iv: z.string(), tag: z.string(), data: z.string() })
export type Sealed = z.infer<typeof Sealed>

/** Development only: sha256("fengqiao-station local development key"). */
const DEV_KEY = createHash('sha256').update('fengqiao-station local development key').digest()
const AAD = Buffer.from('fengqiao:id-number:v1')

interface Keys {
  keyId: string
  encryption: Buffer
  digest: Buffer
}
let keys: Keys | null = null

function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (key.length !== 32) throw new Error('BOOKING_ID_KEY must be 32 bytes: 64 hex characters or base64')
  return key
}

function currentKeys(): Keys {
  if (keys) return keys
  const raw = process.env.BOOKING_ID_KEY
  const master = raw ? parseKey(raw) : DEV_KEY
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32))
  keys = { keyId: raw ? (process.env.BOOKING_ID_KEY_ID ?? 'k1') : 'dev', encryption: derive('id-number-encryption'), digest: derive('request-digest') }
  return keys
}

export function seal(plain: string): Sealed {
  const { keyId, encryption } = currentKeys()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryption, iv)
  cipher.setAAD(AAD)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return { v: 1, keyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
}

/** For key rotation and audits only; no action returns the result. */
export function unseal(sealed: Sealed): string {
  const { keyId, encryption } = currentKeys()
  if (sealed.keyId !== keyId) throw new Error(`sealed with key ${sealed.keyId}, but the current key is ${keyId}`)
  const decipher = createDecipheriv('aes-256-gcm', encryption, Buffer.from(sealed.iv, 'base64'))
  decipher.setAAD(AAD)
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')
}

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

/** A keyed digest of a request's content: a retried request has the same one, a changed request another. */
export const requestDigest = (content: unknown) => createHmac('sha256', currentKeys().digest).update(canonical(content)).digest('hex')

/** Deterministic document id for (caller, requestId): the database's _id uniqueness makes a request take effect once. */
export const idForRequest = (prefix: string, openid: string, requestId: string) => `${prefix}${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32)}`
