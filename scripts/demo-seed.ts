import { databaseSpec } from './database-spec'

// Demo data: a border-town station modelled on 潮格温都尔镇派出所 in ../shared/domain (5 gacha and
// 2 communities, bilingual service, one responsible community officer per community). Names of
// people are invented. The demo identities have fixed openids, listed in the README.
const SEEDED_AT = new Date('2026-11-01T00:00:00Z')

interface DemoUser {
  openid: string
  roles: string[]
  displayName: string
  language: 'zh' | 'mn'
  communityId: string | null
  officerId: string | null
}

export const DEMO_STATION = { id: 'station-chaogewendur', name: { zh: '潮格温都尔镇派出所', mn: 'ᠴᠣᠭᠥᠨᠳᠦᠷ ᠪᠠᠯᠭᠠᠰᠤᠨ ᠤ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ' } }

const communities = [
  { _id: 'gacha-bayanbulag', kind: 'gacha', name: { zh: '巴音布拉格嘎查', mn: 'ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ ᠭᠠᠴᠠᠭ᠎ᠠ' }, officerId: 'officer-1' },
  { _id: 'gacha-ulaanhad', kind: 'gacha', name: { zh: '乌兰哈达嘎查', mn: 'ᠤᠯᠠᠭᠠᠨᠬᠠᠳᠠ ᠭᠠᠴᠠᠭ᠎ᠠ' }, officerId: 'officer-1' },
  { _id: 'gacha-tsagaanobo', kind: 'gacha', name: { zh: '查干敖包嘎查', mn: 'ᠴᠠᠭᠠᠨ ᠣᠪᠤᠭ᠎ᠠ ᠭᠠᠴᠠᠭ᠎ᠠ' }, officerId: 'officer-3' },
  { _id: 'gacha-borondor', kind: 'gacha', name: { zh: '宝日温都尔嘎查', mn: 'ᠪᠣᠷᠣᠥᠨᠳᠦᠷ ᠭᠠᠴᠠᠭ᠎ᠠ' }, officerId: 'officer-3' },
  { _id: 'gacha-ulaanbulag', kind: 'gacha', name: { zh: '乌兰布拉格嘎查', mn: 'ᠤᠯᠠᠭᠠᠨᠪᠤᠯᠠᠭ ᠭᠠᠴᠠᠭ᠎ᠠ' }, officerId: 'officer-1' },
  { _id: 'community-chaoge', kind: 'community', name: { zh: '潮格社区', mn: 'ᠴᠣᠭ ᠬᠣᠷᠢᠶ᠎ᠠ' }, officerId: 'officer-2' },
  { _id: 'community-wendur', kind: 'community', name: { zh: '温都尔社区', mn: 'ᠥᠨᠳᠦᠷ ᠬᠣᠷᠢᠶ᠎ᠠ' }, officerId: 'officer-2' },
].map((c) => ({ ...c, stationId: DEMO_STATION.id }))

const communityIdsOf = (officerId: string) => communities.filter((c) => c.officerId === officerId).map((c) => c._id)

const officers = [
  { _id: 'officer-1', name: '巴特尔', title: '社区民警', languages: ['mn', 'zh'], openid: 'demo-officer-1' },
  { _id: 'officer-2', name: '王磊', title: '社区民警', languages: ['zh'], openid: 'demo-officer-2' },
  { _id: 'officer-3', name: '苏和', title: '社区民警', languages: ['mn', 'zh'], openid: null },
  { _id: 'officer-chief', name: '胡建军', title: '所长', languages: ['zh', 'mn'], openid: 'demo-leader-1' },
  { _id: 'aux-1', name: '乌日娜', title: '辅警', languages: ['mn', 'zh'], openid: null },
  { _id: 'aux-2', name: '李强', title: '辅警', languages: ['zh'], openid: null },
].map((o) => ({ ...o, communityIds: communityIdsOf(o._id), stationId: DEMO_STATION.id }))

const demoUsers: DemoUser[] = [
  { openid: 'demo-resident-1', roles: ['resident'], displayName: '其木格', language: 'mn', communityId: 'gacha-bayanbulag', officerId: null },
  { openid: 'demo-resident-2', roles: ['resident'], displayName: '张桂兰', language: 'zh', communityId: 'community-chaoge', officerId: null },
  { openid: 'demo-officer-1', roles: ['resident', 'officer'], displayName: '巴特尔', language: 'mn', communityId: null, officerId: 'officer-1' },
  { openid: 'demo-officer-2', roles: ['resident', 'officer'], displayName: '王磊', language: 'zh', communityId: null, officerId: 'officer-2' },
  { openid: 'demo-leader-1', roles: ['resident', 'officer', 'station_leader'], displayName: '胡建军', language: 'zh', communityId: null, officerId: 'officer-chief' },
  { openid: 'demo-volunteer-1', roles: ['resident', 'volunteer'], displayName: '额尔敦', language: 'mn', communityId: 'gacha-ulaanhad', officerId: null },
  { openid: 'demo-admin', roles: ['resident', 'admin'], displayName: '系统管理员', language: 'zh', communityId: null, officerId: null },
]

export const DEMO_OPENIDS = demoUsers.map((u) => u.openid)

/** Every declared collection, with the demo documents where there are any. */
export function demoSeed(): Record<string, Array<Record<string, unknown>>> {
  const documents: Record<string, Array<Record<string, unknown>>> = {
    stations: [{ _id: DEMO_STATION.id, name: DEMO_STATION.name, timeZone: 'Asia/Shanghai', areaKm2: 1687.5, population: 4191 }],
    communities,
    officers,
    users: demoUsers.map((u) => ({
      _id: u.openid,
      roles: u.roles,
      displayName: u.displayName,
      language: u.language,
      elderMode: false,
      privacyAcceptedVersion: null,
      privacyAcceptedAt: null,
      communityId: u.communityId,
      officerId: u.officerId,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    })),
  }
  return Object.fromEntries(databaseSpec().map(({ name }) => [name, documents[name] ?? []]))
}

export default demoSeed
