// Partner units (部门联动): the offices an officer hands a request to when the answer is theirs,
// as data. They have no login: the officer hands the request over with a note (phone, visit,
// letter), records the partner's answer, and answers the resident. The clock keeps running.
// Named after the articles: the sumu's mediation teams stand on the police station and the
// judicial office (司法所), led by the sumu party committee and government, with gacha security
// committees (治保会) and people's mediation committees (domain 002); the 24-hour platform hands
// matters to the responsible unit (转办责任单位, domain 004).
import * as z from 'zod/mini'

export const PARTNER_UNITS = [
  'judicial_office', // 司法所: legal questions, mediation with legal force
  'township_government', // 苏木/乡镇人民政府: land, grazing, subsidies, local administration
  'gacha_committee', // 嘎查(村)委员会 and its 治保会: local facts, families, herders
  'mediation_committee', // 人民调解委员会
  'grid_workers', // 网格员: checks on the spot in towns
  'market_regulation', // 市场监督管理所: shops, prices, food, fake goods
  'anti_fraud_center', // 反诈中心 (96110): numbers and accounts to stop
  'civil_affairs', // 民政: elderly, poverty, social assistance
  'other',
] as const
export const PartnerUnit = z.enum(PARTNER_UNITS, { error: `must be one of: ${PARTNER_UNITS.join(', ')}` })
export type PartnerUnit = z.infer<typeof PartnerUnit>

/** Partner units usually consulted per request kind, offered first on the hand-off form. */
export const SUGGESTED_PARTNERS: Record<string, readonly PartnerUnit[]> = {
  consultation: ['township_government', 'judicial_office', 'civil_affairs'],
  help: ['gacha_committee', 'grid_workers', 'civil_affairs'],
  tip_off: ['gacha_committee', 'grid_workers', 'market_regulation'],
  fraud_report: ['anti_fraud_center'],
  complaint: ['township_government', 'market_regulation'],
}
