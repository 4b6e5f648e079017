// Pure notice rules: field limits, validity, content-security verdicts, pinning, feed order and
// cursor, the reader's language, group ownership.
import { BUREAU_TOPICS, groupsOf, mayJoin, ownedGroups, ownedTopicGroups, STATION_TOPICS, stationOfTopicGroup, TOPIC_GROUP_IDS, topicGroupExists, topicGroupId, topicGroupOf, topicGroupsFor } from '../../src/core/notices/groups'
import { checkValidUntil, compareFeed, decodeCursor, encodeCursor, FeedCursor, inLanguage, isPinned, NoticeBody, NoticeTitle, outcomeOf, reachPercent, strictestVerdict, type FeedKey } from '../../src/core/notices/rules'
import { dayjs } from '../../src/core/time'

const NOW = dayjs('2026-05-21T00:00:00Z')

describe('NoticeTitle and NoticeBody', () => {
  it('accept a Chinese title of 40 characters and a Mongolian one of 80', () => {
    expect(NoticeTitle.safeParse({ zh: '字'.repeat(40), mn: 'ᠠ'.repeat(80) }).success).toBe(true)
  })
  it('refuse empty, blank and oversized text, counting characters rather than UTF-16 units', () => {
    expect(NoticeTitle.safeParse({ zh: '' }).success).toBe(false)
    expect(NoticeTitle.safeParse({ zh: '   ' }).success).toBe(false)
    expect(NoticeTitle.safeParse({ zh: '字'.repeat(41) }).success).toBe(false)
    expect(NoticeTitle.safeParse({ zh: '𠀀'.repeat(40) }).success).toBe(true)
    expect(NoticeBody.safeParse({ zh: '字'.repeat(2501) }).success).toBe(false)
    expect(NoticeBody.safeParse({ zh: '正文', en: 'body' }).success).toBe(false)
  })
})

describe('checkValidUntil', () => {
  it('wants a moment after now and within a year', () => {
    expect(checkValidUntil(NOW.add(1, 'day'), NOW)).toBeNull()
    expect(checkValidUntil(NOW, NOW)).toBe('past')
    expect(checkValidUntil(NOW.subtract(1, 'minute'), NOW)).toBe('past')
    expect(checkValidUntil(NOW.add(367, 'day'), NOW)).toBe('too_far')
  })
})

describe('content security verdicts', () => {
  it('takes the strictest verdict of the languages checked', () => {
    expect(strictestVerdict([])).toMatchObject({ suggest: 'pass' })
    expect(strictestVerdict([{ suggest: 'review', label: 21000 }, { suggest: 'risky', label: 20006, keyword: 'x' }])).toEqual({ suggest: 'risky', label: 20006, keyword: 'x' })
  })
  it('blocks risky text, holds text to review, publishes the rest', () => {
    expect(outcomeOf({ suggest: 'risky', label: 20006 })).toBe('blocked')
    expect(outcomeOf({ suggest: 'review', label: 21000 })).toBe('held')
    expect(outcomeOf({ suggest: 'pass', label: 100 })).toBe('published')
  })
})

describe('the feed', () => {
  it('pins urgent notices until they expire', () => {
    expect(isPinned({ urgency: 'urgent', validUntil: NOW.add(1, 'hour').toDate() }, NOW)).toBe(true)
    expect(isPinned({ urgency: 'urgent', validUntil: NOW.toDate() }, NOW)).toBe(false)
    expect(isPinned({ urgency: 'normal', validUntil: NOW.add(1, 'day').toDate() }, NOW)).toBe(false)
  })

  it('orders pinned first, then newest, then by id', () => {
    const key = (id: string, pinned: boolean, minutesAgo: number): FeedKey => ({ id, pinned, publishedAt: NOW.subtract(minutesAgo, 'minute').toDate() })
    const keys = [key('a', false, 1), key('b', true, 60), key('c', false, 1), key('d', false, 30), key('e', true, 5)]
    expect([...keys].sort(compareFeed).map((k) => k.id)).toEqual(['e', 'b', 'c', 'a', 'd'])
  })

  it('round-trips a cursor and refuses anything else', () => {
    const key = { pinned: true, publishedAt: NOW.toDate(), id: 'abc_123' }
    expect(decodeCursor(encodeCursor(key))).toEqual(key)
    expect(FeedCursor.safeParse(encodeCursor(key)).success).toBe(true)
    expect(FeedCursor.safeParse('{"$gt":1}').success).toBe(false)
    expect(FeedCursor.safeParse('2.1.x').success).toBe(false)
  })

  it('shows Mongolian when both title and body exist in it, else Chinese', () => {
    expect(inLanguage({ zh: '标题', mn: 'ᠭᠠᠷᠴᠠᠭ' }, { zh: '正文', mn: 'ᠪᠢᠴᠢᠭ' }, 'mn')).toEqual({ title: 'ᠭᠠᠷᠴᠠᠭ', body: 'ᠪᠢᠴᠢᠭ', language: 'mn' })
    expect(inLanguage({ zh: '标题', mn: 'ᠭᠠᠷᠴᠠᠭ' }, { zh: '正文' }, 'mn')).toEqual({ title: '标题', body: '正文', language: 'zh' })
    expect(inLanguage({ zh: '标题', mn: 'ᠭᠠᠷᠴᠠᠭ' }, { zh: '正文', mn: 'ᠪᠢᠴᠢᠭ' }, 'zh').language).toBe('zh')
  })
})

describe('groups', () => {
  it('are the community (when bound) and the known topics joined', () => {
    expect(groupsOf('gacha-a', ['topic-herders', 'topic-unknown'])).toEqual(['gacha-a', 'topic-herders'])
    expect(groupsOf(null, [])).toEqual([])
  })

  it('belong to the officers covering the community; their station’s topics and communities to leaders and admins', () => {
    const all = ['gacha-a', 'gacha-b', 'community-c']
    const topics = ownedTopicGroups('station-a', false, STATIONS, 'station-a')
    expect([...ownedGroups({ roles: ['resident', 'officer'], coveredCommunityIds: ['gacha-a'], allCommunityIds: all, topicGroupIds: topics })]).toEqual(['gacha-a'])
    const leader = ownedGroups({ roles: ['officer', 'station_leader'], coveredCommunityIds: [], allCommunityIds: all, topicGroupIds: topics })
    expect([...leader].sort()).toEqual([...all, ...topics].sort())
    expect(ownedGroups({ roles: ['resident'], coveredCommunityIds: [], allCommunityIds: all, topicGroupIds: topics }).size).toBe(0)
  })
})

const STATIONS = ['station-a', 'station-b']

describe('topic groups per station and bureau-wide', () => {
  it('keep the ids from before bureaus for the first station and the bureau; other stations’ name their station', () => {
    expect(topicGroupId('herders', 'station-a', 'station-a')).toBe('topic-herders')
    expect(topicGroupId('herders', 'station-b', 'station-a')).toBe('topic-herders_station-b')
    expect(topicGroupId('anti-fraud', 'station-b', 'station-a')).toBe('topic-anti-fraud')
    expect(TOPIC_GROUP_IDS).toContain('topic-anti-fraud')
    expect(topicGroupOf('topic-herders_station-b')).toEqual({ topic: 'herders', bureauWide: false, stationId: 'station-b' })
    expect(topicGroupOf('topic-drivers')).toEqual({ topic: 'drivers', bureauWide: true, stationId: null })
    // A bureau topic has one group; an unknown topic is no group.
    expect(topicGroupOf('topic-anti-fraud_station-b')).toBeNull()
    expect(topicGroupOf('topic-unknown')).toBeNull()
    expect(topicGroupOf('gacha-a')).toBeNull()
    expect(stationOfTopicGroup('topic-herders', 'station-a')).toBe('station-a')
    expect(stationOfTopicGroup('topic-herders_station-b', 'station-a')).toBe('station-b')
    expect(stationOfTopicGroup('topic-anti-fraud', 'station-a')).toBeNull()
    expect(groupsOf('gacha-b', ['topic-herders_station-b', 'topic-anti-fraud', 'topic-drivers_station-b'])).toEqual(['gacha-b', 'topic-herders_station-b', 'topic-anti-fraud'])
  })

  it('exist for the bureau’s stations only, each once', () => {
    expect(topicGroupExists('topic-herders', STATIONS, 'station-a')).toBe(true)
    expect(topicGroupExists('topic-herders_station-b', STATIONS, 'station-a')).toBe(true)
    expect(topicGroupExists('topic-anti-fraud', STATIONS, 'station-a')).toBe(true)
    expect(topicGroupExists('topic-herders_station-z', STATIONS, 'station-a')).toBe(false)
    // The first station's groups have one id, the one from before bureaus.
    expect(topicGroupExists('topic-herders_station-a', STATIONS, 'station-a')).toBe(false)
  })

  it('a resident joins their station’s and the bureau’s; bound nowhere, the first station’s', () => {
    expect(topicGroupsFor('station-b', 'station-a')).toEqual([
      'topic-herders_station-b', 'topic-shop-owners_station-b', 'topic-landlords_station-b', 'topic-schools_station-b', 'topic-delivery_station-b', 'topic-drivers', 'topic-volunteers_station-b', 'topic-anti-fraud',
    ])
    expect(topicGroupsFor(null, 'station-a')).toEqual([...TOPIC_GROUP_IDS])
    expect(mayJoin('topic-herders_station-b', 'station-b', 'station-a')).toBe(true)
    expect(mayJoin('topic-anti-fraud', 'station-b', 'station-a')).toBe(true)
    expect(mayJoin('topic-herders', 'station-b', 'station-a')).toBe(false)
    expect(mayJoin('topic-herders', null, 'station-a')).toBe(true)
    expect(mayJoin('topic-herders_station-b', null, 'station-a')).toBe(false)
  })

  it('station leaders publish to their station’s topic groups; bureau roles to every station’s and the bureau’s', () => {
    expect(ownedTopicGroups('station-b', false, STATIONS, 'station-a')).toEqual(STATION_TOPICS.map((t) => `topic-${t}_station-b`))
    expect(ownedTopicGroups('station-a', false, STATIONS, 'station-a')).not.toContain('topic-anti-fraud')
    expect(ownedTopicGroups(null, false, STATIONS, 'station-a')).toEqual([])
    const bureau = ownedTopicGroups(null, true, STATIONS, 'station-a')
    expect(bureau).toHaveLength(STATION_TOPICS.length * 2 + BUREAU_TOPICS.length)
    expect(bureau).toEqual(expect.arrayContaining(['topic-herders', 'topic-herders_station-b', 'topic-anti-fraud', 'topic-drivers']))
  })
})

it('reach is a whole percentage, 0 for an empty group', () => {
  expect(reachPercent(1, 3)).toBe(33)
  expect(reachPercent(0, 0)).toBe(0)
})
