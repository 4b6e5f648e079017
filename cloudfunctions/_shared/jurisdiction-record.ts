// How a jurisdiction version is stored. Kept apart from the store so scripts (the demo seed) can
// write the same records without initialising the SDK.
import * as z from 'zod/mini'
import { JurisdictionDocument, type Jurisdiction } from '../../src/core/jurisdiction/schema'

export const versionDocId = (version: number) => `v${version}`

/**
 * The document is stored as a JSON string: the SDK turns stored GeoJSON-shaped objects into its
 * own geo classes on read, which would change the document the admin imported.
 */
export const VersionDoc = z.object({
  _id: z.string(),
  version: z.number().check(z.int()),
  importedAt: z.date(),
  importedBy: z.string(),
  communities: z.number().check(z.int()),
  officers: z.number().check(z.int()),
  documentJson: z.pipe(z.string(), z.transform((json) => JurisdictionDocument.parse(JSON.parse(json)))),
})
export type VersionDoc = z.output<typeof VersionDoc>

export const versionRecord = (version: number, jurisdiction: Jurisdiction, importedBy: string, importedAt: Date) => ({
  _id: versionDocId(version),
  version,
  importedAt,
  importedBy,
  communities: jurisdiction.communities.length,
  officers: jurisdiction.officers.length,
  documentJson: JSON.stringify(jurisdiction),
})
