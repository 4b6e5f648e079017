// The jurisdiction function: the bureau's stations, their communities and officers (imported as
// one document, versioned for rollback, docs/bureau.md), residents' binding to a community.
import * as z from 'zod/mini'
import { defineFunction } from '../contract'
import { DocId, Language, RequestId } from '../ids'
import { ANYONE } from '../roles'
import { Latitude, LocalizedName, Longitude } from './primitives'

export const OfficerContact = z.object({
  id: DocId,
  name: z.string(),
  title: z.string(),
  languages: z.array(Language),
  phone: z.nullable(z.string()),
  officeHours: z.nullable(z.string()),
})
export type OfficerContact = z.infer<typeof OfficerContact>

export const CommunityCard = z.object({
  id: DocId,
  kind: z.enum(['community', 'gacha']),
  name: LocalizedName,
  districtId: DocId,
  /** The station the community belongs to (every community belongs to exactly one). */
  stationId: DocId,
  hasBoundary: z.boolean(),
  officer: OfficerContact,
  auxiliaries: z.array(OfficerContact),
})
export type CommunityCard = z.infer<typeof CommunityCard>

export const BindingMethod = z.enum(['location', 'list', 'qr'])

export const MyCommunity = z.object({
  community: CommunityCard,
  via: BindingMethod,
  boundAt: z.string(),
  /** Set when bound by location: how the point was placed (inside, nearest) and how far. */
  located: z.nullable(z.object({ method: z.enum(['polygon', 'nearest']), distanceKm: z.nullable(z.number()) })),
})
export type MyCommunity = z.infer<typeof MyCommunity>

/** A station as residents choose between them: nearest first by `position`, then call its duty phone. */
export const StationCard = z.object({
  id: DocId,
  name: LocalizedName,
  dutyPhone: z.nullable(z.string()),
  communities: z.number().check(z.int()),
  /** The mean centre of its mapped communities; null when none has a boundary. */
  position: z.nullable(z.object({ lng: Longitude, lat: Latitude })),
})
export type StationCard = z.infer<typeof StationCard>

export const BureauStations = z.object({
  bureau: z.object({ id: DocId, name: LocalizedName, dutyDeskPhone: z.string() }),
  stations: z.array(StationCard),
})
export type BureauStations = z.infer<typeof BureauStations>

const ImportSummary = z.object({ version: z.number().check(z.int()), stations: z.number().check(z.int()), communities: z.number().check(z.int()), officers: z.number().check(z.int()) })

export const JurisdictionVersion = z.object({
  version: z.number().check(z.int()),
  stations: z.number().check(z.int()),
  importedAt: z.string(),
  importedBy: z.string(),
  communities: z.number().check(z.int()),
  officers: z.number().check(z.int()),
  current: z.boolean(),
})

/** What an export shows of the bureau to every station's staff: its name and its stations. */
export const BureauOutline = z.object({ id: DocId, name: LocalizedName, stations: z.array(z.object({ id: DocId, name: LocalizedName })) })

export const JurisdictionExport = z.object({
  version: z.number().check(z.int()),
  importedAt: z.string(),
  /** `bureau`: the whole bureau document (format 2); `station`: the caller's station's document (format 1). */
  scope: z.enum(['bureau', 'station']),
  /** The station exported, for `station`; null for the whole bureau. */
  stationId: z.nullable(DocId),
  bureau: BureauOutline,
  document: z.unknown(),
})
export type JurisdictionExport = z.infer<typeof JurisdictionExport>

/** The cloud caps a callFunction payload at a few MB; a county-sized import fits well under this. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024

export const jurisdictionContract = defineFunction('jurisdiction', {
  listStations: {
    summary: 'The bureau and its stations with their duty phones and positions, for "which station serves me".',
    input: z.object({}),
    output: BureauStations,
    roles: ANYONE, scope: 'station',
  },
  listCommunities: {
    summary: 'Every community and gacha (of one station, or of the bureau) with its station and responsible officer, for binding by list.',
    input: z.object({ stationId: z.optional(DocId) }),
    output: z.array(CommunityCard),
    roles: ANYONE, scope: 'station',
  },
  myCommunity: {
    summary: 'The caller’s community and community officer contact card, or null when not bound.',
    input: z.object({}),
    output: z.nullable(MyCommunity),
    roles: ANYONE, scope: 'own',
  },
  bindCommunity: {
    summary: 'Bind the caller to a community chosen from the list or read from a community QR code.',
    input: z.object({ communityId: DocId, via: z.enum(['list', 'qr']) }),
    output: MyCommunity,
    roles: ANYONE, scope: 'own',
  },
  bindCommunityByLocation: {
    summary: 'Bind the caller to the community that contains (or is nearest to) a point.',
    input: z.object({ lng: Longitude, lat: Latitude }),
    output: MyCommunity,
    roles: ANYONE, scope: 'own',
  },
  coveredCommunities: {
    summary: 'The communities an officer is responsible for or assists in.',
    input: z.object({}),
    output: z.array(CommunityCard),
    roles: ['officer', 'station_leader', 'bureau_leader'], scope: 'communities',
  },
  importJurisdiction: {
    summary: 'A whole bureau document (the bureau admin’s) or one station’s document (its admin’s, or the bureau admin’s), which replaces that station’s section; only if the resulting bureau is valid, it becomes the current version. The first import may be a single station’s, made a bureau of one. A repeat of the requestId answers the first import.',
    input: z.object({ document: z.unknown(), requestId: RequestId }),
    output: ImportSummary,
    roles: ['admin', 'bureau_admin'], scope: 'station',
    maxBytes: MAX_IMPORT_BYTES,
  },
  exportJurisdiction: {
    summary: 'Bureau staff: the current bureau document (format 2). A station’s leaders and admins: their station’s document (format 1, to edit and import back), with the bureau’s name and its list of stations.',
    input: z.object({}),
    output: JurisdictionExport,
    roles: ['admin', 'station_leader', 'bureau_leader', 'bureau_admin'], scope: 'station',
  },
  listJurisdictionVersions: {
    summary: 'Every imported version, newest first, marking the current one.',
    input: z.object({}),
    output: z.array(JurisdictionVersion),
    roles: ['admin', 'bureau_admin'], scope: 'station',
  },
  rollbackJurisdiction: {
    summary: 'Make an earlier imported version current again (every station’s sections with it: the bureau admin’s).',
    input: z.object({ version: z.number().check(z.int(), z.gte(1)) }),
    output: ImportSummary,
    roles: ['bureau_admin'], scope: 'station',
  },
})
