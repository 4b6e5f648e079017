// Import, export, list and roll back jurisdiction versions (admin). A version is a whole bureau
// document (format 2); a single station's document (format 1) is imported as a bureau of one.
import { createHash } from 'node:crypto'
import * as z from 'zod/mini'
import { validateBureau } from '../../../src/core/bureau/validate'
import type { BureauJurisdiction } from '../../../src/core/bureau/schema'
import { AppError } from '../../../src/core/envelope'
import { _, db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey, readDoc } from '../../_shared/documents'
import { currentVersionNumber, loadCurrent, switchCurrent, syncOfficerRecords, VersionDoc, versionDocId, versionRecord } from '../../_shared/jurisdiction-store'
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
const Claim = z.object({ _id: z.string(), digest: z.string(), version: z.number().check(z.int()), done: z.nullable(Summary) })
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
  const done = summary(claim.version, bureau)
  // Set whole: an object onto the null `done` would reach the database as done.version…, which it refuses.
  await claims().where({ _id: claim._id }).update({ data: { done: _.set(done) } })
  return done
}

async function newestVersionNumber(): Promise<number> {
  const { data } = (await versions().field({ version: true }).orderBy('version', 'desc').limit(1).get()) as { data: unknown }
  return z.array(z.object({ version: z.number() })).parse(data)[0]?.version ?? 0
}

export async function exportJurisdiction() {
  const current = await loadCurrent()
  return { version: current.version, importedAt: current.importedAt.toISOString(), document: current.bureau }
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
  return summary(target.version, target.documentJson)
}
