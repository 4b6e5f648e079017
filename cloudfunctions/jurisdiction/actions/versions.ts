// Import, export, list and roll back jurisdiction versions (admin).
import * as z from 'zod/mini'
import { AppError } from '../../../src/core/envelope'
import { validateJurisdiction } from '../../../src/core/jurisdiction/validate'
import { db } from '../../_shared/cloud'
import { COLLECTIONS } from '../../_shared/collections'
import { isDuplicateKey, readDoc } from '../../_shared/documents'
import { currentVersionNumber, loadCurrent, switchCurrent, syncOfficerRecords, VersionDoc, versionDocId, versionRecord } from '../../_shared/jurisdiction-store'
import type { Ctx } from '../../_shared/runtime'

const versions = () => db.collection(COLLECTIONS.jurisdictionVersions)

const summary = (version: number, document: { communities: unknown[]; officers: unknown[] }) => ({
  version,
  communities: document.communities.length,
  officers: document.officers.length,
})

/** The whole document is validated before anything is written; a bad one changes nothing. */
export async function importJurisdiction(ctx: Ctx, input: { document?: unknown }) {
  const validation = validateJurisdiction(input.document)
  if (!validation.ok) {
    throw new AppError('INVALID_ARGUMENT', 'The jurisdiction document has problems; nothing was imported.', validation.issues.map((i) => ({ ...i, path: ['document', ...i.path] })))
  }
  const previous = await currentVersionNumber()
  // After a rollback the current version is not the newest; new versions always count up.
  const version = (await newestVersionNumber()) + 1
  const now = ctx.now()
  try {
    await versions().add({ data: versionRecord(version, validation.value, ctx.openid, now.toDate()) })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('CONFLICT', 'Another import is in progress; reload and try again.')
    throw error
  }
  await switchCurrent(previous, version, now)
  await syncOfficerRecords(validation.value)
  return summary(version, validation.value)
}

async function newestVersionNumber(): Promise<number> {
  const { data } = (await versions().field({ version: true }).orderBy('version', 'desc').limit(1).get()) as { data: unknown }
  return z.array(z.object({ version: z.number() })).parse(data)[0]?.version ?? 0
}

export async function exportJurisdiction() {
  const current = await loadCurrent()
  return { version: current.version, importedAt: current.importedAt.toISOString(), document: current.jurisdiction }
}

export async function listJurisdictionVersions() {
  const current = await currentVersionNumber()
  // The documents themselves stay in the database; the listing needs only their counts.
  const { data } = (await versions().field({ version: true, importedAt: true, importedBy: true, communities: true, officers: true }).orderBy('version', 'desc').limit(1000).get()) as { data: unknown }
  return z
    .array(z.object({ version: z.number(), importedAt: z.date(), importedBy: z.string(), communities: z.number(), officers: z.number() }))
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
