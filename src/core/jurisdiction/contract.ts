// The jurisdiction function: the station's communities and officers (imported as one document,
// versioned for rollback), residents' binding to a community, and requests routed to officers.
import * as z from 'zod/mini'
import { defineFunction } from '../contract'
import { DocId, Language } from '../ids'
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

export const JurisdictionVersion = z.object({
  version: z.number().check(z.int()),
  importedAt: z.string(),
  importedBy: z.string(),
  communities: z.number().check(z.int()),
  officers: z.number().check(z.int()),
  current: z.boolean(),
})

/** The cloud caps a callFunction payload at a few MB; a county-sized import fits well under this. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024

export const jurisdictionContract = defineFunction('jurisdiction', {
  listCommunities: {
    summary: 'Every community and gacha with its responsible officer, for binding by list.',
    input: z.object({}),
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
    roles: ['officer', 'station_leader'], scope: 'communities',
  },
  importJurisdiction: {
    summary: 'Validate a whole jurisdiction document and, only if all of it is valid, make it the current version.',
    input: z.object({ document: z.unknown() }),
    output: z.object({ version: z.number().check(z.int()), communities: z.number().check(z.int()), officers: z.number().check(z.int()) }),
    roles: ['admin'], scope: 'station',
    maxBytes: MAX_IMPORT_BYTES,
  },
  exportJurisdiction: {
    summary: 'The current jurisdiction document, as imported.',
    input: z.object({}),
    output: z.object({ version: z.number().check(z.int()), importedAt: z.string(), document: z.unknown() }),
    roles: ['admin', 'station_leader'], scope: 'station',
  },
  listJurisdictionVersions: {
    summary: 'Every imported version, newest first, marking the current one.',
    input: z.object({}),
    output: z.array(JurisdictionVersion),
    roles: ['admin'], scope: 'station',
  },
  rollbackJurisdiction: {
    summary: 'Make an earlier imported version current again.',
    input: z.object({ version: z.number().check(z.int(), z.gte(1)) }),
    output: z.object({ version: z.number().check(z.int()), communities: z.number().check(z.int()), officers: z.number().check(z.int()) }),
    roles: ['admin'], scope: 'station',
  },
})
