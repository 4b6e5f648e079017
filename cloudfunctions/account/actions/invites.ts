// Officer invites. The code is shown to the admin; only its SHA-256 is stored, so a copy of the
// database cannot be used to claim an officer record. The code is not random but derived with a
// server key from the admin and the requestId (HMAC): a retried request after a lost answer derives
// the same code, finds its invite already stored and answers that code again, without ever storing
// the code itself (docs/offline.md).
import { createHash } from 'node:crypto'
import * as z from 'zod/mini'
import { INVITE_ALPHABET, type InvitedRole } from '../../../src/core/account/contract'
import { INVITE_VALID_DAYS, decideRedeem, inviteRefusal, rolesAfterRedeem } from '../../../src/core/account/invite'
import { AppError } from '../../../src/core/envelope'
import { bureauOfficerRecords } from '../../../src/core/bureau/views'
import type { BureauJurisdiction } from '../../../src/core/bureau/schema'
import { notYours } from '../../../src/core/scope'
import { Role } from '../../../src/core/roles'
import type { Dayjs } from '../../../src/core/time'
import { _, db } from '../../_shared/cloud'
import { isDuplicateKey, readDoc } from '../../_shared/documents'
import { keyedDigest, requestDigest } from '../../_shared/personal-data'
import { COLLECTIONS } from '../../_shared/collections'
import { admit, counterJoin, takeAll, type Counted } from '../../_shared/rate-limit'
import { getOfficer, officers, OfficerDoc, toOfficerSummary } from '../../_shared/officers'
import { withJoins, type Ctx } from '../../_shared/runtime'
import { andReturn } from '../../_shared/update-and-return'
import { UserDoc, users, type Joins } from '../../_shared/users'
import { profileWith } from './profile'

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

export async function createInvite(ctx: Ctx, input: { officerId: string; roles: InvitedRole[]; requestId: string }) {
  const officer = await getOfficer(input.officerId)
  if (!officer) throw new AppError('NOT_FOUND', `No officer record ${input.officerId}.`)
  // A station's admin invites only their station's officers; the bureau admin anyone.
  // Checked before anything is written; a station admin asking for another station's officer
  // is told only that the record is not theirs.
  const refusal = inviteRefusal({ roles: ctx.user.roles, stationId: ctx.stationId }, stationsOfOfficers((await ctx.current()).bureau)(officer), input.roles)
  if (refusal?.why === 'other_station') throw notYours()
  if (refusal) throw new AppError(refusal.code, refusal.message, undefined, { why: refusal.why })
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
 * Redeeming, in at most 6 database requests (docs/performance.md › Budgets). Everything it decides
 * on is read with the runtime's user read, in one aggregation (withJoins): the invite by its code's
 * digest, with its officer record, and the two guess counters. Then:
 *
 * - A code that cannot be redeemed (none, used by someone else, expired; the officer record gone
 *   or bound to another account) takes a unit of the person's and of the whole station's hourly
 *   allowance of guesses (takeAll: atomic, so a burst of parallel guesses gets no further than a
 *   sequence) before it is answered: refused with RESOURCE_EXHAUSTED once either is used up,
 *   with its own refusal otherwise. Nothing about the code is told before it is counted.
 * - A code that can is admitted by the same counters without taking a unit (admit: a guarded
 *   write on each, so it is ordered among the guesses' takes and refused like them, even with the
 *   right code, once an allowance is used up; only failed attempts count, as when the unit was
 *   taken and given back on success, without the request that gave it back). Then three
 *   conditional single-document writes, in this order:
 *     1. the invite: `redeemedBy` set to the caller if it is still unused and unexpired;
 *     2. the officer record: `openid` set to the caller if it is still unbound;
 *     3. the user: the invite's roles added (`addToSet`, so a concurrent change of roles is kept)
 *        and the officer record named, answered as written (updateAndReturn).
 *   A step the read found done by the caller already is skipped, so each is taken once.
 *
 * Why this order is safe without a transaction:
 * - Races. Step 1 is the invite's only claim and is conditional on `redeemedBy: null`, so of
 *   people racing for one code exactly one gets past it; the others (refused by the write, they
 *   read the invite again) are told it was used, and their attempt counts. Step 2 is conditional
 *   on `openid: null`, so of two people each holding an invite for the same officer record one
 *   binds it; the other gives their invite back (below) and is told the record is bound. The same
 *   person racing themselves: the twin refused by a write finds the write's winner is itself,
 *   goes on, and both answer the same profile.
 * - Crashes and lost answers. Only the caller can hold an invite claimed by them (step 1) or an
 *   officer record bound to them (step 2), so whatever a crash leaves, nobody else can use: a
 *   claimed invite is refused to everyone else as used, a bound officer record as bound. The
 *   caller's retry with the same code reads its own claims, skips the steps done and resumes
 *   with the next, even after the invite's week is over (it was claimed in time); after a
 *   complete redemption it answers the same profile again (step 3 adds nothing twice).
 * - A caller whose claimed invite cannot bind its officer record (another account bound it
 *   first) gives the invite back (`redeemedBy` to null, only if it is still theirs), as the
 *   transaction's abort left it before; a crash before that is mended by their next attempt.
 */
export const redeemInvite = withJoins(redeemJoins, async (ctx: Ctx, input: { code: string }) => {
  const now = ctx.now()
  const inviteId = hashCode(input.code)
  const limits: Counted[] = [
    { name: 'inviteAttempt', subject: ctx.openid, seen: ctx.joined.personGuesses },
    { name: 'inviteAttemptStation', subject: STATION_WIDE, seen: ctx.joined.stationGuesses },
  ]
  const found = JoinedInvite.parse(ctx.joined.invite)[0] ?? null
  const refusal = refusalOf(found, ctx.openid, now)
  if (refusal) {
    await takeAll(limits, now)
    if (found?.redeemedBy === ctx.openid) await giveInviteBack(inviteId, ctx.openid)
    throw refusal
  }
  const invite = found!
  const officer = invite.officer[0]
  const admission = await admit(limits, now)
  try {
    if (invite.redeemedBy !== ctx.openid && !(await claimInvite(inviteId, ctx.openid, now))) {
      // Someone's write came first: the invite as it is now says what happened.
      const current = await readDoc(invites(), inviteId, InviteDoc)
      if (current?.redeemedBy !== ctx.openid) {
        const decision = decideRedeem(current, now)
        throw decision.ok ? new AppError('CONFLICT', 'The invite changed while it was being redeemed; try again.') : new AppError(decision.code, decision.reason)
      }
    }
    if (officer.openid !== ctx.openid && !(await bindOfficer(officer._id, ctx.openid))) {
      const current = await getOfficer(officer._id)
      if (current?.openid !== ctx.openid) {
        await giveInviteBack(inviteId, ctx.openid)
        throw officerRefusal(current, ctx.openid) ?? new AppError('CONFLICT', 'The officer record changed while it was being bound; try again.')
      }
    }
  } catch (error) {
    // A refused attempt counts, as a wrong code does; a failure of the cloud is no attempt.
    if (error instanceof AppError) await admission.count()
    throw error
  }
  const user = await grantRoles(ctx.openid, invite.roles, officer._id, now)
  if (!user) throw new AppError('NOT_FOUND', 'Open the app once before redeeming an invite.')
  return profileWith(user, officer)
})

/** The invite by its code's digest, with its officer record, and the two guess counters, joined onto the user read. */
function redeemJoins(input: { code: string }, caller: { openid: string; now: Dayjs }): Joins {
  return {
    invite: { from: COLLECTIONS.invites, match: { _id: hashCode(input.code) }, limit: 1, refers: { from: COLLECTIONS.officers, localField: 'officerId', foreignField: '_id', as: 'officer' } },
    personGuesses: counterJoin('inviteAttempt', caller.openid, caller.now),
    stationGuesses: counterJoin('inviteAttemptStation', STATION_WIDE, caller.now),
  }
}

const JoinedInvite = z.array(z.extend(InviteDoc, { officer: z.array(OfficerDoc).check(z.maxLength(1)) })).check(z.maxLength(1))
type JoinedInvite = z.infer<typeof JoinedInvite>[number]

/** Why the code cannot be redeemed by `openid`, from what the join read; null when it can. */
function refusalOf(invite: JoinedInvite | null, openid: string, now: Dayjs): AppError | null {
  // The caller's own claim is theirs to finish, even after the week (it was claimed in time).
  if (invite?.redeemedBy !== openid) {
    const decision = decideRedeem(invite, now)
    if (!decision.ok) return new AppError(decision.code, decision.reason)
  }
  return officerRefusal(invite!.officer[0] ?? null, openid)
}

function officerRefusal(officer: OfficerDoc | null, openid: string): AppError | null {
  if (!officer) return new AppError('NOT_FOUND', 'The officer record of this invite no longer exists.')
  if (officer.openid && officer.openid !== openid) return new AppError('FAILED_PRECONDITION', 'Another WeChat account is already bound to this officer record.')
  return null
}

type Updated = { stats: { updated: number } }

/** Step 1: the invite's one claim, if it is still unused and unexpired. */
async function claimInvite(inviteId: string, openid: string, now: Dayjs): Promise<boolean> {
  const result = (await invites()
    .where({ _id: inviteId, redeemedBy: null, expiresAt: _.gt(now.toDate()) })
    .update({ data: { redeemedBy: openid, redeemedAt: now.toDate() } })) as Updated
  return result.stats.updated === 1
}

/** The caller's claim given back, when their officer record was bound by another account first. */
async function giveInviteBack(inviteId: string, openid: string): Promise<void> {
  await invites().where({ _id: inviteId, redeemedBy: openid }).update({ data: { redeemedBy: null, redeemedAt: _.remove() } })
}

/** Step 2: the officer record bound to the caller, if it is still unbound. */
async function bindOfficer(officerId: string, openid: string): Promise<boolean> {
  const result = (await officers().where({ _id: officerId, openid: null }).update({ data: { openid } })) as Updated
  return result.stats.updated === 1
}

/** Step 3: the invite's roles added to the caller's and the officer record named; the user as written, null if there is none. */
async function grantRoles(openid: string, roles: Role[], officerId: string, now: Dayjs): Promise<UserDoc | null> {
  const result = await andReturn(users().where({ _id: openid })).updateAndReturn({ roles: _.addToSet({ $each: roles }), officerId, updatedAt: now.toDate() })
  return result.doc ? UserDoc.parse(result.doc) : null
}

/** A station's admin lists their station's officers (to invite them); the bureau admin every officer. */
export async function listOfficers(ctx: Ctx) {
  const { data } = (await officers().orderBy('_id', 'asc').limit(1000).get()) as { data: unknown }
  const docs = z.array(OfficerDoc).parse(data)
  // One pass over the jurisdiction's officers, then a lookup per record. The screen offers a bureau
  // role only for the bureau's staff (stationId null), since inviteRefusal refuses it for anyone else.
  const stationOf = stationsOfOfficers((await ctx.current()).bureau)
  const listed = docs.map((doc) => ({ ...toOfficerSummary(doc), bound: doc.openid !== null, stationId: stationOf(doc) }))
  return ctx.bureauWide ? listed : listed.filter((officer) => officer.stationId === ctx.stationId)
}

/**
 * An officer's station: as the current jurisdiction lists them, else as their record last said
 * (an officer an import dropped; a record without a station is the first station's, as every
 * record from before bureaus). Null for bureau staff, whom only the bureau admin reaches.
 */
function stationsOfOfficers(bureau: BureauJurisdiction): (officer: OfficerDoc) => string | null {
  const listed = new Map(bureauOfficerRecords(bureau).map((r) => [r.id, r.stationId]))
  const firstStationId = bureau.stations[0]?.station.id ?? null
  return (officer) => (listed.has(officer._id) ? (listed.get(officer._id) ?? null) : (officer.stationId ?? firstStationId))
}
