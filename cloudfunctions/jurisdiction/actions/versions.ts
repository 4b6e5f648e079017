// Import, export, list and roll back jurisdiction versions. A version is a whole bureau document
// (format 2). Who changes what (docs/bureau.md › The jurisdiction per station): the bureau admin
// imports whole bureaus (adding or removing stations) and rolls back; a station's admin imports
// their station's document (format 1), which replaces that station's section in the current
// bureau and is stored as the next version. The first import of a deployment (no version yet)
// may be a single station's document, made a bureau of one.
import { createHash } from 'node:crypto'
import * as z from 'zod/mini'
import { validateBureau } from '../../../src/core/bureau/validate'
import type { BureauJurisdiction } from '../../../src/core/bureau/schema'
import { bureauOutline, replaceStationSection, stationDocument, stationIdNamed, touchesBureau } from '../../../src/core/bureau/section'
import { AppError } from '../../../src/core/envelope'
import { isBureauWide } from '../../../src/core/scope'
import { audit } from '../../_shared/audit'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey, isNotFound, isTransactionConflict, readDoc } from '../../_shared/documents'
import { currentVersionNumber, loadCurrent, POINTER_ID, switchCurrent, syncOfficerRecords, VersionDoc, versionDocId, versionRecord } from '../../_shared/jurisdiction-store'
import { idForRequest } from '../../_shared/personal-data'
import type { Ctx } from '../../_shared/runtime'

const versions = () => db.collection(COLLECTIONS.jurisdictionVersions)
// Import claims sit beside the current-version pointer: one small document per (admin, requestId).
const claims = () => db.collection(COLLECTIONS.jurisdictionCurrent)

const Summary = z.object({ version: z.number().check(z.int()), stations: z.number().check(z.int()), communities: z.number().check(z.int()), officers: z.number().check(z.int()) })
type Summary = z.infer<typeof Summary>

const summary = (version: number, bureau: BureauJurisdiction): Summary => ({
  version,
  stations: bureau.stations.length,
  communities: bureau.stations.reduce((n, s) => n + s.communities.length, 0),
  officers: bureau.officers.length + bureau.stations.reduce((n, s) => n + s.officers.length, 0),
})

/**
 * One import attempt: the version number it took and, once the version is current and the
 * officers are synced, the answer a repeat gets. A claim without `done` is an attempt in flight
 * or cut off: a repeat (which carries the same document) completes it.
 */
const Claim = z.object({
  _id: z.string(),
  digest: z.string(),
  version: z.number().check(z.int()),
  done: z.nullable(Summary),
  /** Set for a station's import: its claim is written in the same transaction as its version. */
  stationId: z.optional(z.string()),
})
type Claim = z.infer<typeof Claim>

const sameKeyOtherDocument = () =>
  new AppError('INVALID_ARGUMENT', 'This requestId was already used to import a different document; import it as a new attempt.', [{ path: ['requestId'], message: 'already used for a different document' }])

/**
 * The whole document is validated before anything is written; a bad one changes nothing. A
 * repeat of the requestId answers the first import and writes nothing; racing repeats store one
 * version (the claim's _id and the version's number are both unique).
 */
export async function importJurisdiction(ctx: Ctx, input: { document?: unknown; requestId: string }) {
  const claimId = idForRequest('import-', ctx.openid, input.requestId)
  const digest = createHash('sha256').update(JSON.stringify(input.document ?? null)).digest('hex')
  let claim = await readDoc(claims(), claimId, Claim)
  if (claim && claim.digest !== digest) throw sameKeyOtherDocument()
  if (claim?.done) return claim.done
  if (claim?.stationId !== undefined) return finishStationImport(ctx, claim)

  const bureauAdmin = ctx.user.roles.includes('bureau_admin')
  if (touchesBureau(input.document) && !bureauAdmin) {
    throw new AppError('PERMISSION_DENIED', 'A whole bureau document (its stations, name, duty desk or leadership) is the bureau admin’s to import; import your station’s document (format 1, with `station` at the top) instead. Nothing was imported.', undefined, { why: 'bureau_document' })
  }
  const stationId = stationIdNamed(input.document)
  if (stationId !== null && !touchesBureau(input.document) && (await currentVersionNumber()) !== null) {
    // A station admin maintains their own station only (their station comes from their officer record).
    if (!bureauAdmin && stationId !== ctx.stationId) {
      throw new AppError('PERMISSION_DENIED', `This document is station "${stationId}"’s; you maintain your own station’s section only. Nothing was imported.`, undefined, { why: 'other_station' })
    }
    return importStation(ctx, claimId, digest, input.document)
  }

  const validation = validateBureau(input.document)
  if (!validation.ok) {
    throw new AppError('INVALID_ARGUMENT', 'The jurisdiction document has problems; nothing was imported.', validation.issues.map((i) => ({ ...i, path: ['document', ...i.path] })))
  }
  if (!claim) {
    // After a rollback the current version is not the newest; new versions always count up.
    const fresh: Claim = { _id: claimId, digest, version: (await newestVersionNumber()) + 1, done: null }
    try {
      await claims().add({ data: fresh })
      claim = fresh
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // A racing repeat claimed first: continue its claim.
      claim = await readDoc(claims(), claimId, Claim)
      if (!claim) throw new AppError('CONFLICT', 'The same import is in progress; press import again.')
      if (claim.digest !== digest) throw sameKeyOtherDocument()
      if (claim.done) return claim.done
    }
  }
  return completeImport(ctx, claim, validation.value)
}

async function completeImport(ctx: Ctx, claim: Claim, bureau: BureauJurisdiction): Promise<Summary> {
  const now = ctx.now()
  const previous = await currentVersionNumber()
  try {
    await versions().add({ data: { ...versionRecord(claim.version, bureau, ctx.openid, now.toDate()), importKey: claim._id } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const stored = await readDoc(versions(), versionDocId(claim.version), z.object({ importKey: z.optional(z.string()) }))
    if (stored?.importKey !== claim._id) {
      // Another admin's import took the number first: give the claim up, so pressing again starts afresh.
      await claims().where({ _id: claim._id, done: null }).remove()
      throw new AppError('CONFLICT', 'Another import finished first; reload and import again.')
    }
  }
  if (previous !== claim.version) {
    try {
      await switchCurrent(previous, claim.version, now)
    } catch (error) {
      // A racing repeat of this import switched first; anything else is another admin's move.
      if (!(error instanceof AppError && error.code === 'CONFLICT' && (await currentVersionNumber()) === claim.version)) throw error
    }
  }
  await syncOfficerRecords(bureau)
  await audit(ctx, 'importJurisdiction', { collection: COLLECTIONS.jurisdictionVersions, recordId: versionDocId(claim.version), place: 'bureau' }, now)
  const done = summary(claim.version, bureau)
  // Set whole: an object onto the null `done` would reach the database as done.version…, which it refuses.
  await claims().where({ _id: claim._id }).update({ data: { done: _.set(done) } })
  return done
}

/** A station import lost its race only this often before it answers CONFLICT: one retry, on the bureau the winner made. */
const STATION_IMPORT_ATTEMPTS = 2

/**
 * A station's document in place of its section in the current bureau, stored as the next
 * version. The new version, the pointer's move and the claim are one transaction that read the
 * pointer, so two stations importing at once never lose each other's section: the later commit
 * fails on the moved pointer (or on the version number the other took) and is made again, once,
 * on the bureau that now includes the other station's section.
 */
async function importStation(ctx: Ctx, claimId: string, digest: string, document: unknown): Promise<Summary> {
  for (let attempt = 1; ; attempt++) {
    const current = await loadCurrent()
    const replaced = replaceStationSection(current.bureau, document)
    if (!replaced.ok) {
      if (replaced.why === 'invalid') throw new AppError('INVALID_ARGUMENT', 'The station document has problems; nothing was imported.', replaced.issues.map((i) => ({ ...i, path: ['document', ...i.path] })))
      throw new AppError('NOT_FOUND', `The bureau has no station "${replaced.stationId}": a station is added by the bureau admin importing the whole bureau document. Nothing was imported.`)
    }
    const version = (await newestVersionNumber()) + 1
    const now = ctx.now()
    const claim: Claim = { _id: claimId, digest, version, done: null, stationId: replaced.stationId }
    try {
      await db.runTransaction(async (tx: TransactionWithAdd) => {
        const pointer = await docIn(tx, COLLECTIONS.jurisdictionCurrent, POINTER_ID)
        if (z.object({ version: z.number() }).parse(pointer).version !== current.version) throw new LostRace()
        // A racing repeat of this same import committed first: it answers below.
        if ((await docIn(tx, COLLECTIONS.jurisdictionCurrent, claimId)) !== null) throw new LostRace()
        await tx.collection(COLLECTIONS.jurisdictionVersions).add({ data: { ...versionRecord(version, replaced.value, ctx.openid, now.toDate()), importKey: claimId, basedOn: current.version } })
        await tx.collection(COLLECTIONS.jurisdictionCurrent).doc(POINTER_ID).update({ data: { version, updatedAt: now.toDate() } })
        await tx.collection(COLLECTIONS.jurisdictionCurrent).doc(claimId).set({ data: { digest, version, done: null, stationId: replaced.stationId } })
      }, 0)
    } catch (error) {
      if (!(error instanceof LostRace || isTransactionConflict(error) || isDuplicateKey(error))) throw error
      const repeat = await readDoc(claims(), claimId, Claim)
      if (repeat) return repeat.done ?? finishStationImport(ctx, repeat)
      if (attempt >= STATION_IMPORT_ATTEMPTS) throw new AppError('CONFLICT', 'Another station’s import or a bureau change finished at the same moment; import again.')
      continue
    }
    return finishStationImport(ctx, claim)
  }
}

/** After the version is current: the officers' records and the audit log, then the answer a repeat gets. */
async function finishStationImport(ctx: Ctx, claim: Claim): Promise<Summary> {
  const stored = await readDoc(versions(), versionDocId(claim.version), VersionDoc)
  if (!stored) throw new AppError('INTERNAL', `Jurisdiction version ${claim.version} is missing.`)
  // Sync the current bureau's officers: the pointer may have moved on since, and the current one rules.
  await syncOfficerRecords((await loadCurrent()).bureau)
  await audit(ctx, 'importStation', { collection: COLLECTIONS.jurisdictionVersions, recordId: versionDocId(claim.version), place: { record: claim.stationId ?? null } }, ctx.now())
  const done = summary(claim.version, stored.documentJson)
  await claims().where({ _id: claim._id }).update({ data: { done: _.set(done) } })
  return done
}

/** The pointer moved (another import or a rollback) since this import read it. */
class LostRace extends Error {}

interface TransactionWithAdd {
  collection(name: string): {
    add(options: { data: Record<string, unknown> }): Promise<unknown>
    doc(id: string): { get(): Promise<{ data: unknown }>; update(options: { data: Record<string, unknown> }): Promise<unknown>; set(options: { data: Record<string, unknown> }): Promise<unknown> }
  }
}

/** A document read inside a transaction (checked again at commit), or null when there is none. */
async function docIn(tx: TransactionWithAdd, collection: string, id: string): Promise<unknown> {
  try {
    const { data } = await tx.collection(collection).doc(id).get()
    const doc: unknown = Array.isArray(data) ? data[0] : data
    return doc ?? null
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

async function newestVersionNumber(): Promise<number> {
  const { data } = (await versions().field({ version: true }).orderBy('version', 'desc').limit(1).get()) as { data: unknown }
  return z.array(z.object({ version: z.number() })).parse(data)[0]?.version ?? 0
}

/**
 * Bureau staff get the whole bureau; a station's leaders and admins their station's document
 * (format 1, which they import back) with the bureau's name and its list of stations, nothing
 * of other stations' officers, rosters or places.
 */
export async function exportJurisdiction(ctx: Ctx) {
  const current = await loadCurrent()
  const base = { version: current.version, importedAt: current.importedAt.toISOString(), bureau: bureauOutline(current.bureau) }
  if (isBureauWide(ctx.user.roles)) return { ...base, scope: 'bureau' as const, stationId: null, document: current.bureau }
  const document = ctx.stationId === null ? null : stationDocument(current.bureau, ctx.stationId)
  if (!document) throw new AppError('PERMISSION_DENIED', 'You belong to no station of the current jurisdiction; ask the bureau admin for its document.', undefined, { why: 'no_station' })
  return { ...base, scope: 'station' as const, stationId: ctx.stationId, document }
}

export async function listJurisdictionVersions() {
  const current = await currentVersionNumber()
  // The documents themselves stay in the database; the listing needs only their counts.
  const { data } = (await versions().field({ version: true, importedAt: true, importedBy: true, stations: true, communities: true, officers: true }).orderBy('version', 'desc').limit(1000).get()) as { data: unknown }
  return z
    // Versions stored before bureaus held one station.
    .array(z.object({ version: z.number(), importedAt: z.date(), importedBy: z.string(), stations: z._default(z.number(), 1), communities: z.number(), officers: z.number() }))
    .parse(data)
    .map((v) => ({ ...v, importedAt: v.importedAt.toISOString(), current: v.version === current }))
}

export async function rollbackJurisdiction(ctx: Ctx, input: { version: number }) {
  const current = await currentVersionNumber()
  if (current === input.version) throw new AppError('FAILED_PRECONDITION', `Version ${input.version} is already current.`)
  const target = await readDoc(versions(), versionDocId(input.version), VersionDoc)
  if (!target) throw new AppError('NOT_FOUND', `No jurisdiction version ${input.version}.`)
  await switchCurrent(current, target.version, ctx.now())
  await syncOfficerRecords(target.documentJson)
  await audit(ctx, 'rollbackJurisdiction', { collection: COLLECTIONS.jurisdictionVersions, recordId: versionDocId(target.version), place: 'bureau' }, ctx.now())
  return summary(target.version, target.documentJson)
}
