// The stored decision read back as one sentence, in Chinese or traditional Mongolian, for the
// officer's work list and the resident's "who handles my request" line. The phrases live here,
// not in the UI catalogs, because the cloud renders them too (notices, exports). Dates are shown
// in the station's zone. The Mongolian phrases are best effort and, like every mn-Mong catalog
// entry, await review by a native speaker at the station (MONGOLIAN_PHRASES_REVIEWED).
import type { Language } from '../ids'
import type { Jurisdiction } from '../jurisdiction/schema'
import { dayjs, STATION_TIME_ZONE } from '../time'
import type { AssignedAs, RouteResult, RouteStep } from './contract'

export const MONGOLIAN_PHRASES_REVIEWED = false

interface Phrases {
  role: Record<Exclude<AssignedAs, 'district_duty'>, string> & { district_duty: (district: string) => string }
  date: (month: number, day: number) => string
  located: {
    polygon: (community: string, cell: string | null) => string
    tie: (communities: string[], chosen: string) => string
    nearest: (community: string, km: string) => string
    given: (community: string) => string
    alias: (alias: string, community: string) => string
    no_location: string
    outside_max_distance: (maxKm: number) => string
    unknown_community: string
    no_alias_match: string
  }
  onLeave: (who: string, date: string) => string
  atCapacity: (who: string, open: number, capacity: number) => string
  offDuty: (who: string) => string
  noneOnDutyDistrict: (district: string) => string
  noneOnDutyStation: string
  doesNotSpeak: (names: string[], language: Language) => string
  nobodySpeaks: (language: Language) => string
  assigned: (who: string) => string
  forced: (who: string) => string
  separator: string
}

const zh: Phrases = {
  role: {
    community_officer: '社区民警',
    auxiliary_officer: '辅警',
    district_duty: (district) => `${district}值班民警`,
    station_duty: '所值班民警',
    leadership: '所领导',
    bureau_duty_desk: '局指挥中心值班民警',
  },
  date: (month, day) => `${month}月${day}日`,
  located: {
    polygon: (community, cell) => `位于${community}${cell ?? ''}`,
    tie: (communities, chosen) => `（地处${communities.join('与')}交界，按编号顺序归${chosen}）`,
    nearest: (community, km) => `不在任何社区边界内，归最近的${community}（${km}公里）`,
    given: (community) => `属于${community}`,
    alias: (alias, community) => `地址“${alias}”对应${community}`,
    no_location: '未提供位置',
    outside_max_distance: (maxKm) => `位置距各社区均超过${maxKm}公里`,
    unknown_community: '所填社区不存在',
    no_alias_match: '地址未能对应到社区',
  },
  onLeave: (who, date) => `${who}休假至${date}`,
  atCapacity: (who, open, capacity) => `${who}在办事项已满（${open}/${capacity}）`,
  offDuty: (who) => `${who}此刻不在班，紧急事项转值班民警`,
  noneOnDutyDistrict: (district) => `${district}此刻无人值班`,
  noneOnDutyStation: '全所此刻无人值班',
  doesNotSpeak: (names, language) => `${names.join('、')}不会${language === 'mn' ? '蒙古语' : '汉语'}`,
  nobodySpeaks: (language) => `此级无会${language === 'mn' ? '蒙古语' : '汉语'}的人员`,
  assigned: (who) => `由${who}负责`,
  forced: (who) => `无人可安排，由${who}负责`,
  separator: ' → ',
}

const mn: Phrases = {
  role: {
    community_officer: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ',
    auxiliary_officer: 'ᠲᠤᠰᠠᠯᠠᠭᠴᠢ ᠴᠠᠭᠳᠠᠭ᠎ᠠ',
    district_duty: (district) => `ᠵᠢᠵᠦᠭᠦᠷ ᠦᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ (${district})`,
    station_duty: 'ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠵᠢᠵᠦᠭᠦᠷ ᠦᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ',
    leadership: 'ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ',
    bureau_duty_desk: 'ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠲᠥᠪ ᠦᠨ ᠵᠢᠵᠦᠭᠦᠷ ᠦᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ',
  },
  date: (month, day) => `${month} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ${day}`,
  located: {
    polygon: (community, cell) => `ᠪᠠᠶᠢᠷᠢᠰᠢᠯ ᠨᠢ ${community}${cell ? ` ${cell}` : ''} ᠳᠣᠲᠣᠷ᠎ᠠ`,
    tie: (communities, chosen) => ` (ᠬᠢᠯ ᠳᠡᠭᠡᠷ᠎ᠡ᠄ ${communities.join('᠂ ')}᠂ ᠳ᠋ᠤᠭᠠᠷ ᠤᠨ ᠳᠠᠷᠠᠭᠠᠯᠠᠯ ᠢᠶᠠᠷ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ᠄ ${chosen})`,
    nearest: (community, km) => `ᠬᠠᠮᠤᠭ ᠤᠨ ᠣᠶᠢᠷ᠎ᠠ ${community} (${km} ᠺᠢᠯᠣᠮᠧᠲ᠋ᠷ)`,
    given: (community) => `ᠬᠠᠮᠢᠶᠠᠷᠠᠬᠤ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ᠄ ${community}`,
    alias: (alias, community) => `"${alias}" → ${community}`,
    no_location: 'ᠪᠠᠶᠢᠷᠢᠰᠢᠯ ᠦᠭᠡᠢ',
    outside_max_distance: (maxKm) => `ᠪᠦᠬᠦ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠠᠴᠠ ${maxKm} ᠺᠢᠯᠣᠮᠧᠲ᠋ᠷ ᠡᠴᠡ ᠬᠡᠲᠦᠷᠡᠩᠭᠦᠢ ᠬᠣᠯᠠ`,
    unknown_community: 'ᠲᠡᠢᠮᠦ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠦᠭᠡᠢ',
    no_alias_match: 'ᠬᠠᠶ᠋ᠢᠭ ᠢ ᠲᠠᠨᠢᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ',
  },
  onLeave: (who, date) => `${who} ${date} ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠠᠮᠠᠷᠠᠯᠲᠠ ᠳᠤ ᠪᠠᠶᠢᠨ᠎ᠠ`,
  atCapacity: (who, open, capacity) => `${who}᠄ ᠠᠵᠢᠯ ᠳᠦᠭᠦᠷᠴᠡᠢ (${open}/${capacity})`,
  offDuty: (who) => `${who} ᠣᠳᠣ ᠵᠢᠵᠦᠭᠦᠷ ᠲᠦ ᠦᠭᠡᠢ`,
  noneOnDutyDistrict: (district) => `${district}᠄ ᠣᠳᠣ ᠵᠢᠵᠦᠭᠦᠷ ᠦᠨ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ`,
  noneOnDutyStation: 'ᠰᠠᠯᠪᠤᠷᠢ ᠳᠤ ᠣᠳᠣ ᠵᠢᠵᠦᠭᠦᠷ ᠦᠨ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ',
  doesNotSpeak: (names, language) => `${names.join('᠂ ')} ${language === 'mn' ? 'ᠮᠣᠩᠭᠣᠯ' : 'ᠬᠢᠲᠠᠳ'} ᠬᠡᠯᠡ ᠮᠡᠳᠡᠬᠦ ᠦᠭᠡᠢ`,
  nobodySpeaks: (language) => `${language === 'mn' ? 'ᠮᠣᠩᠭᠣᠯ' : 'ᠬᠢᠲᠠᠳ'} ᠬᠡᠯᠡ ᠮᠡᠳᠡᠬᠦ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ`,
  assigned: (who) => `${who} ᠬᠠᠷᠢᠭᠤᠴᠠᠨ᠎ᠠ`,
  forced: (who) => `ᠪᠤᠰᠤᠳ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ᠂ ${who} ᠬᠠᠷᠢᠭᠤᠴᠠᠨ᠎ᠠ`,
  separator: ' → ',
}

const PHRASES: Record<Language, Phrases> = { zh, mn }

/** The decision as one sentence, e.g. "位于宝日温都尔嘎查 → 社区民警苏和休假至12月5日 → 由牧区警务区值班民警巴特尔负责". */
export function describeRoute(result: RouteResult, jurisdiction: Jurisdiction, language: Language): string {
  const p = PHRASES[language]
  const local = (name: { zh: string; mn?: string }) => (language === 'mn' ? (name.mn ?? name.zh) : name.zh)
  const communityName = (id: string | null) => {
    const c = jurisdiction.communities.find((x) => x.id === id)
    return c ? local(c.name) : (id ?? '')
  }
  const officerName = (id: string) => jurisdiction.officers.find((o) => o.id === id)?.name ?? id
  const districtName = local(jurisdiction.districts.find((d) => d.id === result.districtId)?.name ?? { zh: result.districtId ?? '' })
  const role = (as: AssignedAs) => (as === 'district_duty' ? p.role.district_duty(districtName) : p.role[as])
  const who = (officerId: string, as: AssignedAs) => (language === 'mn' ? `${role(as)} ${officerName(officerId)}` : `${role(as)}${officerName(officerId)}`)
  const cellName = (community: string | null, cell: string | undefined) =>
    jurisdiction.communities.find((c) => c.id === community)?.gridCells.find((g) => g.id === cell)?.name ?? null

  const describeStep = (step: RouteStep): string => {
    switch (step.kind) {
      case 'located_in': {
        const name = communityName(step.communityId)
        switch (step.method) {
          case 'polygon':
            return p.located.polygon(name, cellName(step.communityId, step.gridCellId)) + (step.boundaryOf ? p.located.tie(step.boundaryOf.map(communityName), name) : '')
          case 'nearest':
            return p.located.nearest(name, String(Math.round((step.distanceKm ?? 0) * 10) / 10))
          case 'given':
            return p.located.given(name)
          case 'alias':
            return p.located.alias(step.alias ?? '', name)
          case 'none':
            return step.why === 'outside_max_distance' ? p.located.outside_max_distance(step.maxKm ?? 0) : p.located[step.why ?? 'no_location']
        }
        return ''
      }
      case 'skipped': {
        const person = who(step.officerId, step.as)
        if (step.why === 'on_leave' && step.until) {
          const until = dayjs(step.until).tz(STATION_TIME_ZONE)
          return p.onLeave(person, p.date(until.month() + 1, until.date()))
        }
        if (step.why === 'at_capacity') return p.atCapacity(person, step.openCases ?? 0, step.capacity ?? 0)
        return step.why === 'off_duty' ? p.offDuty(person) : p.onLeave(person, '…')
      }
      case 'none_on_duty':
        return step.scope === 'district' ? p.noneOnDutyDistrict(districtName) : p.noneOnDutyStation
      case 'language':
        return step.honoured ? p.doesNotSpeak(step.passedOver.map(officerName), step.language) : p.nobodySpeaks(step.language)
      case 'assigned':
        return step.forced ? p.forced(who(step.officerId, step.as)) : p.assigned(who(step.officerId, step.as))
    }
  }
  return result.steps.map(describeStep).join(p.separator)
}
