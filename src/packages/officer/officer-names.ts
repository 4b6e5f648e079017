// Every officer a list of communities names: the responsible community officer and the auxiliaries.
import type { CommunityCard, OfficerContact } from '../../core/jurisdiction/contract'

export const contactsOf = (communities: readonly CommunityCard[]): OfficerContact[] => communities.flatMap((c) => [c.officer, ...c.auxiliaries])
