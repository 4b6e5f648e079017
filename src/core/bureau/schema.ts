// The bureau document: one versioned JSON per county (banner) public-security bureau, holding
// every station's part of the jurisdiction. Each station section is exactly the body of a
// single-station jurisdiction document (./convert.ts turns one into a bureau of one station), so
// station rules, validation and routing are reused unchanged inside each station. Shape and
// ranges only here; cross-station checks are in ./validate.ts.
import * as z from 'zod/mini'
import { DocId } from '../ids'
import { JurisdictionDocument, Officer } from '../jurisdiction/schema'
import { LocalizedName, Phone } from '../jurisdiction/primitives'

/** One station (派出所): its districts, communities and gacha, grid cells, officers and roster. */
export const StationSection = z.omit(JurisdictionDocument, { version: true })
export type StationSectionInput = z.input<typeof StationSection>
export type StationSection = z.output<typeof StationSection>

/** 局指挥中心 / 值班室: answers when no station can, and for places beyond every station. */
export const DutyDesk = z.strictObject({
  name: LocalizedName,
  phone: Phone,
  /** Officers of the bureau (or of a station) who staff the desk, first in line first. */
  officerIds: z.array(DocId).check(z.minLength(1, 'the duty desk needs at least one officer'), z.maxLength(20)),
})
export type DutyDesk = z.infer<typeof DutyDesk>

export const Bureau = z.strictObject({
  id: DocId,
  name: LocalizedName,
  /** A position outside every station goes to the nearest station within this distance. */
  nearestStationMaxKm: z._default(z.number().check(z.gte(0), z.lte(500)), 30),
  dutyDesk: DutyDesk,
  /** Bureau leadership: level above every station's leadership (complaints about a station leader). */
  leadershipOfficerIds: z._default(z.array(DocId).check(z.maxLength(20)), []),
})
export type Bureau = z.infer<typeof Bureau>

export const BureauDocument = z.strictObject({
  /** Format 2: a bureau of stations. Format 1 (one station) is converted by ./convert.ts. */
  version: z._default(z.literal(2), 2),
  bureau: Bureau,
  /** Bureau-level staff (leaders, duty desk) who belong to no station. */
  officers: z._default(z.array(Officer).check(z.maxLength(1_000)), []),
  stations: z.array(StationSection).check(z.minLength(1, 'the bureau needs at least one station'), z.maxLength(100)),
})
export type BureauInput = z.input<typeof BureauDocument>
export type BureauJurisdiction = z.output<typeof BureauDocument>
