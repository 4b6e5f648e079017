// How a jurisdiction version is stored. Kept apart from the store so scripts (the demo seed, the
// bureau migration) can write the same records without initialising the SDK.
import * as z from 'zod/mini'
import { asBureauInput } from '../../src/core/bureau/convert'
import { BureauDocument, type BureauJurisdiction } from '../../src/core/bureau/schema'

export const versionDocId = (version: number) => `v${version}`

/**
 * The document is stored as a JSON string: the SDK turns stored GeoJSON-shaped objects into its
 * own geo classes on read, which would change the document the admin imported. Versions stored
 * before bureaus (format 1, one station) are read as a bureau of that station, so a deployment
 * keeps routing before scripts/migrate-bureau.ts has run and after a rollback to such a version.
 */
export const VersionDoc = z.object({
  _id: z.string(),
  version: z.number().check(z.int()),
  importedAt: z.date(),
  importedBy: z.string(),
  communities: z.number().check(z.int()),
  officers: z.number().check(z.int()),
  documentJson: z.pipe(z.string(), z.transform((json) => BureauDocument.parse(asBureauInput(JSON.parse(json))))),
})
export type VersionDoc = z.output<typeof VersionDoc>

/** The stored format of a version, read without parsing the whole document (the migration's check). */
export const storedFormat = (documentJson: string): 1 | 2 => ('stations' in (JSON.parse(documentJson) as object) ? 2 : 1)

export const versionRecord = (version: number, bureau: BureauJurisdiction, importedBy: string, importedAt: Date) => ({
  _id: versionDocId(version),
  version,
  importedAt,
  importedBy,
  stations: bureau.stations.length,
  communities: bureau.stations.reduce((n, s) => n + s.communities.length, 0),
  officers: bureau.officers.length + bureau.stations.reduce((n, s) => n + s.officers.length, 0),
  documentJson: JSON.stringify(bureau),
})
