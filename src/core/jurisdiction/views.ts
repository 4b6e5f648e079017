// What people see of a jurisdiction: contact cards of communities and their officers, and the
// officer records the account function keeps beside each WeChat identity.
import type { CommunityCard, OfficerContact } from './contract'
import type { Community, Jurisdiction, Officer } from './schema'

export const officerContact = (officer: Officer): OfficerContact => ({
  id: officer.id,
  name: officer.name,
  title: officer.title,
  languages: officer.languages,
  phone: officer.phone ?? null,
  officeHours: officer.officeHours ?? null,
})

/** The card without its station, which the bureau knows (the jurisdiction function adds it). */
export function communityCard(jurisdiction: Jurisdiction, community: Community): Omit<CommunityCard, 'stationId'> {
  const officerById = new Map(jurisdiction.officers.map((o) => [o.id, o]))
  const contactOf = (id: string) => {
    const officer = officerById.get(id)
    // validateJurisdiction guarantees every referenced officer exists.
    if (!officer) throw new Error(`community ${community.id} names unknown officer ${id}`)
    return officerContact(officer)
  }
  return {
    id: community.id,
    kind: community.kind,
    name: community.name,
    districtId: community.districtId,
    hasBoundary: community.boundary !== null,
    officer: contactOf(community.officerId),
    auxiliaries: community.auxiliaryOfficerIds.map(contactOf),
  }
}

/** Communities an officer answers for: as the community officer or as an auxiliary. */
export const communitiesOf = (jurisdiction: Jurisdiction, officerId: string): Community[] =>
  jurisdiction.communities.filter((c) => c.officerId === officerId || c.auxiliaryOfficerIds.includes(officerId))

export interface OfficerRecord extends OfficerContact {
  kind: Officer['kind']
  districtId: string | null
  communityIds: string[]
}

export const officerRecords = (jurisdiction: Jurisdiction): OfficerRecord[] =>
  jurisdiction.officers.map((officer) => ({
    ...officerContact(officer),
    kind: officer.kind,
    districtId: officer.districtId,
    communityIds: communitiesOf(jurisdiction, officer.id).map((c) => c.id),
  }))
