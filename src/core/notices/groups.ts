// Notice groups. A community or gacha is a group whose members are the residents bound there
// (users.communityId); its id is the community's id. Topic groups are station-wide and joined by
// choice; their ids carry the `topic-` prefix, which no community id in a jurisdiction uses.
import * as z from 'zod/mini'
import type { Role } from '../roles'
import { isStationWide } from '../scope'

export const TOPICS = ['herders', 'shop-owners', 'landlords', 'schools', 'delivery', 'drivers', 'volunteers'] as const
export type Topic = (typeof TOPICS)[number]

export const TOPIC_PREFIX = 'topic-'
export const topicGroupId = (topic: Topic) => `${TOPIC_PREFIX}${topic}`
export const TOPIC_GROUP_IDS: readonly string[] = TOPICS.map(topicGroupId)

export const isTopicGroup = (groupId: string) => TOPIC_GROUP_IDS.includes(groupId)

/** A topic group id; the names shown for each live in the screens' catalogs. */
export const TopicGroupId = z.enum(TOPIC_GROUP_IDS as [string, ...string[]])

/**
 * The groups a person belongs to: their community's (when bound) and the topics they joined.
 * Unknown topic ids in stored data are ignored rather than trusted.
 */
export function groupsOf(communityId: string | null, topics: readonly string[]): string[] {
  return [...(communityId ? [communityId] : []), ...topics.filter(isTopicGroup)]
}

export interface Ownership {
  roles: readonly Role[]
  /** Communities the officer covers (一社区一民警); empty for staff without an officer record. */
  coveredCommunityIds: readonly string[]
  /** Every community of the current jurisdiction; only needed for leaders and admins. */
  allCommunityIds: readonly string[]
}

/**
 * Who owns which groups: officers own the groups of the communities they cover; station
 * leaders and admins own the station-wide topic groups, and every community group as well.
 */
export function ownedGroups(owner: Ownership): Set<string> {
  return new Set(isStationWide(owner.roles) ? [...owner.allCommunityIds, ...TOPIC_GROUP_IDS] : owner.coveredCommunityIds)
}

export { isStationWide }
