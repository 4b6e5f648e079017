// Officer invites. The code is shown to the admin; only its SHA-256 is stored, so a copy of the
// database cannot be used to claim an officer record. The code is not random but derived with a
// server key from the admin and the requestId (HMAC): a retried request after a lost answer derives
// the same code, finds its invite already stored and answers that code again, without ever storing
// the code itself (docs/offline.md).
import { createHash } from 'node:crypto'
import * as z from 'zod/mini'
import { INVITE_ALPHABET } from '../../../src/core/account/contract'
import { INVITE_VALID_DAYS, decideRedeem, rolesAfterRedeem } from '../../../src/core/account/invite'
import { AppError } from '../../../src/core/envelope'
import { Role } from '../../../src/core/roles'
import { db, runTransaction } from '../../_shared/cloud'
import { isDuplicateKey, readDoc } from '../../_shared/documents'
import { keyedDigest, requestDigest } from '../../_shared/personal-data'
import { COLLECTIONS } from '../../_shared/collections'
import { takeAll } from '../../_shared/rate-limit'
import { getOfficer, officers, OfficerDoc, toOfficerSummary } from '../../_shared/officers'
import type { Ctx } from '../../_shared/runtime'
import { getUser, UserDoc } from '../../_shared/users'
import { profileOf } from './profile'

const InviteDoc = z.object({
  _id: z.string(),
  officerId: z.string(),
  roles: z.array(Role),
  expiresAt: z.date(),
  createdBy: z.string(),
  createdAt: z.date(),
  redeemedBy: z.nullable(z.string()),
  /** Of the request's content: a requestId used again for another officer or grant is refused. Absent on invites issued before. */
  requestDigest: z.optional(z.string()),
})

/** The subject of the station-wide limit on invite guesses, made from any number of accounts. */
const STATION_WIDE = 'station'

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex')
const invites = () => db.collection(COLLECTIONS.invites)

/**
 * 8 characters, each from one byte of HMAC(server key, admin + requestId). 256 is a multiple of
 * the alphabet's 32 letters, so every letter is equally likely: 40 bits, as a random code had.
 * Without the key nobody can compute a code from a requestId, and a different key (a rotated
 * PERSONAL_DATA_KEY) derives another code, so a repeat after a rotation issues a second invite.
 */
function inviteCodeFor(openid: string, requestId: string): string {
  const digest = Buffer.from(keyedDigest('invite-code', `${openid}\n${requestId}`), 'hex')
  return Array.from({ length: 8 }, (_, i) => INVITE_ALPHABET[digest[i] % INVITE_ALPHABET.length]).join('')
}

export async function createInvite(ctx: Ctx, input: { officerId: string; roles: Array<'officer' | 'station_leader'>; requestId: string }) {
  const officer = await getOfficer(input.officerId)
  if (!officer) throw new AppError('NOT_FOUND', `No officer record ${input.officerId}.`)
  const roles = rolesAfterRedeem(['officer'], input.roles)
  const now = ctx.now()
  const expiresAt = now.add(INVITE_VALID_DAYS, 'day')
  const code = inviteCodeFor(ctx.openid, input.requestId)
  const digest = requestDigest({ officerId: input.officerId, roles: input.roles })
  try {
    await invites().add({
      data: { _id: hashCode(code), officerId: officer._id, roles, expiresAt: expiresAt.toDate(), createdBy: ctx.openid, createdAt: now.toDate(), redeemedBy: null, requestDigest: digest },
    })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // The same admin and requestId again (a resend, or its concurrent twin): the first invite's code.
    const first = await readDoc(invites(), hashCode(code), InviteDoc)
    if (!first || first.createdBy !== ctx.openid || first.requestDigest !== digest) {
      throw new AppError('INVALID_ARGUMENT', 'This requestId was already used for another invite; use a new requestId for a new invite.', [{ path: ['requestId'], message: 'already used for another invite' }])
    }
    return { code, officerId: first.officerId, expiresAt: first.expiresAt.toISOString() }
  }
  return { code, officerId: officer._id, expiresAt: expiresAt.toISOString() }
}

/**
 * One transaction: the invite is used once, the officer record gets one identity, the user gains
 * roles. Guessing is limited: every attempt takes a unit of the person's and the whole station's
 * hourly allowance first (atomic, so a burst of parallel guesses gets no further than a sequence),
 * and only a redeemed code gives its units back: failed attempts count though they store nothing.
 */
export async function redeemInvite(ctx: Ctx, input: { code: string }) {
  const inviteId = hashCode(input.code)
  const now = ctx.now()
  const attempt = await takeAll([['inviteAttempt', ctx.openid], ['inviteAttemptStation', STATION_WIDE]], now)
  await runTransaction(async (tx) => {
    const invite = await readDoc(tx.collection(COLLECTIONS.invites), inviteId, InviteDoc)
    const decision = decideRedeem(invite, now)
    if (!decision.ok) throw new AppError(decision.code, decision.reason)
    const officer = await readDoc(tx.collection(COLLECTIONS.officers), invite!.officerId, OfficerDoc)
    if (!officer) throw new AppError('NOT_FOUND', 'The officer record of this invite no longer exists.')
    if (officer.openid && officer.openid !== ctx.openid) throw new AppError('FAILED_PRECONDITION', 'Another WeChat account is already bound to this officer record.')
    const user = await readDoc(tx.collection(COLLECTIONS.users), ctx.openid, UserDoc)
    if (!user) throw new AppError('NOT_FOUND', 'Open the app once before redeeming an invite.')
    await tx.collection(COLLECTIONS.invites).doc(inviteId).update({ data: { redeemedBy: ctx.openid, redeemedAt: now.toDate() } })
    await tx.collection(COLLECTIONS.officers).doc(officer._id).update({ data: { openid: ctx.openid } })
    await tx.collection(COLLECTIONS.users).doc(ctx.openid).update({
      data: { roles: rolesAfterRedeem(user.roles, invite!.roles), officerId: officer._id, updatedAt: now.toDate() },
    })
  })
  await attempt.giveBack()
  const user = await getUser(ctx.openid)
  if (!user) throw new AppError('INTERNAL', 'The user disappeared while redeeming.')
  return profileOf(user)
}

export async function listOfficers() {
  const { data } = (await officers().orderBy('_id', 'asc').limit(1000).get()) as { data: unknown }
  return z.array(OfficerDoc).parse(data).map((doc) => ({ ...toOfficerSummary(doc), bound: doc.openid !== null }))
}
