// Notice groups. A community or gacha is a group whose members are the residents bound there
// (users.communityId); its id is the community's id. Topic groups are joined by choice; their ids
// carry the `topic-` prefix, which no community id in a jurisdiction uses.
//
// A topic group has a place (docs/bureau.md › Notice topic groups per station): most topics exist
// once per station (the herders of 潮格温都尔 are not those of 巴音宝力格), and a few once for the
// whole bureau, because the bureau serves them itself: the county's anti-fraud centre (反诈中心)
// and its traffic police brigade, whose roads cross every station's area. Groups are not
// documents: the topics are a fixed list whose names live in the screens' catalogs, and a group's
// id names its place, so the feed and the fan-out need no read to know a group:
//   bureau-wide            topic-<topic>                 topic-anti-fraud
//   the first station's    topic-<topic>                 topic-herders (every id written before bureaus)
//   any other station's    topic-<topic>_<stationId>     topic-herders_station-bayanbolag
import * as z from 'zod/mini'
import type { Role } from '../roles'
import { isStationWide } from '../scope'

export const TOPICS = ['herders', 'shop-owners', 'landlords', 'schools', 'delivery', 'drivers', 'volunteers', 'anti-fraud'] as const
export type Topic = (typeof TOPICS)[number]

/** Topics the bureau serves itself: one group for every station's residents. */
export const BUREAU_TOPICS: readonly Topic[] = ['anti-fraud', 'drivers']
export const STATION_TOPICS: readonly Topic[] = TOPICS.filter((t) => !BUREAU_TOPICS.includes(t))

export const TOPIC_PREFIX = 'topic-'
const isTopic = (s: string): s is Topic => (TOPICS as readonly string[]).includes(s)

/**
 * A topic group's id. `stationId` null = the bureau's group of a bureau topic; the first
 * station's groups keep the ids they had before bureaus.
 */
export function topicGroupId(topic: Topic, stationId: string | null, firstStationId: string | null): string {
  if (BUREAU_TOPICS.includes(topic) || stationId === null || stationId === firstStationId) return `${TOPIC_PREFIX}${topic}`
  return `${TOPIC_PREFIX}${topic}_${stationId}`
}

/** The topic groups that exist whatever the jurisdiction: the first station's and the bureau's (ids from before bureaus). */
export const TOPIC_GROUP_IDS: readonly string[] = TOPICS.map((t) => `${TOPIC_PREFIX}${t}`)

const TOPIC_ID = /^topic-([a-z-]+?)(?:_([A-Za-z0-9_-]+))?$/

/** A topic group's topic and place; `stationId` null with `bureauWide` false = the first station's. Null: not a topic group id. */
export function topicGroupOf(groupId: string): { topic: Topic; bureauWide: boolean; stationId: string | null } | null {
  const m = TOPIC_ID.exec(groupId)
  if (!m || !isTopic(m[1])) return null
  const bureauWide = BUREAU_TOPICS.includes(m[1])
  // A bureau topic has one group: a station suffix on it names nothing.
  if (bureauWide && m[2] !== undefined) return null
  return { topic: m[1], bureauWide, stationId: m[2] ?? null }
}

export const isTopicGroup = (groupId: string) => topicGroupOf(groupId) !== null

/** The station a topic group belongs to, null for a bureau-wide group. */
export function stationOfTopicGroup(groupId: string, firstStationId: string | null): string | null {
  const group = topicGroupOf(groupId)
  if (!group || group.bureauWide) return null
  return group.stationId ?? firstStationId
}

/** A topic group id (its station, if any, is checked against the bureau by the action); its pattern says it is an id, not free text to check. */
export const TopicGroupId = z.string().check(
  z.regex(/^topic-[a-z-]+(_[A-Za-z0-9_-]+)?$/, 'must be a topic group id'),
  z.maxLength(128),
  z.refine(isTopicGroup, 'must be a topic group (topic-herders, topic-anti-fraud, topic-herders_<station>, …)'),
)

/**
 * The topic groups of a station (null: the first station, for a resident bound nowhere yet)
 * and the bureau's, in the topics' order: what a resident of that station can join.
 */
export function topicGroupsFor(stationId: string | null, firstStationId: string | null): string[] {
  const station = stationId ?? firstStationId
  return TOPICS.map((t) => topicGroupId(t, BUREAU_TOPICS.includes(t) ? null : station, firstStationId))
}

/** Every station's topic groups, in the bureau's station order. */
export const stationTopicGroups = (stationIds: readonly string[], firstStationId: string | null): string[] =>
  stationIds.flatMap((s) => STATION_TOPICS.map((t) => topicGroupId(t, s, firstStationId)))

export const bureauTopicGroups = (): string[] => BUREAU_TOPICS.map((t) => topicGroupId(t, null, null))

/**
 * Whether a topic group exists in a bureau of these stations: a bureau-wide group, the first
 * station's (its ids have no station), or another station's by its station's id.
 */
export function topicGroupExists(groupId: string, stationIds: readonly string[], firstStationId: string | null): boolean {
  const group = topicGroupOf(groupId)
  if (!group) return false
  return group.bureauWide || group.stationId === null || (group.stationId !== firstStationId && stationIds.includes(group.stationId))
}

/**
 * Whether a resident of `residentStationId` (null: bound nowhere, counted as the first
 * station's) may join a topic group: their own station's or the bureau's.
 */
export function mayJoin(groupId: string, residentStationId: string | null, firstStationId: string | null): boolean {
  const group = topicGroupOf(groupId)
  if (!group) return false
  return group.bureauWide || stationOfTopicGroup(groupId, firstStationId) === (residentStationId ?? firstStationId)
}

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
  /** The communities of the caller's station (bureau roles: of every station); only needed for leaders and admins. */
  allCommunityIds: readonly string[]
  /** The topic groups of the caller's station (bureau roles: of every station and the bureau's); only needed for leaders and admins. */
  topicGroupIds: readonly string[]
}

/**
 * Who owns which groups: officers own the groups of the communities they cover; station
 * leaders and admins own their station's communities and topic groups; bureau roles own
 * everything, the bureau-wide groups too. Which ids those are is the caller's (ownedTopicGroups).
 */
export function ownedGroups(owner: Ownership): Set<string> {
  return new Set(isStationWide(owner.roles) ? [...owner.allCommunityIds, ...owner.topicGroupIds] : owner.coveredCommunityIds)
}

/**
 * The topic groups station-wide staff publish to. A station's leaders and admins: their
 * station's. Bureau roles: every station's and the bureau-wide ones. A station leader does not
 * publish to a bureau-wide group, not even an urgent anti-fraud alert: that group reaches every
 * station's residents, whose leadership is not theirs; their own residents are reached through
 * their station's community and topic groups, and a county-wide alert goes through the bureau.
 */
export function ownedTopicGroups(callerStationId: string | null, bureauWide: boolean, stationIds: readonly string[], firstStationId: string | null): string[] {
  if (bureauWide) return [...stationTopicGroups(stationIds, firstStationId), ...bureauTopicGroups()]
  return callerStationId === null ? [] : stationTopicGroups([callerStationId], firstStationId)
}

export { isStationWide }
