// Demo catalog and counters of the household-registration hall of 潮格温都尔镇派出所 (see
// ../shared/domain/000_*): a Mongolian–Chinese bilingual counter and a Chinese counter, and the
// services residents ask for most. Fees are the national 工本费 (发改价格〔2003〕2322号: first
// card and renewal 20 yuan, replacement 40, temporary card 10); statutory time limits are the
// 居民身份证法 (60 days for a card, 3 for a temporary one) and the 居住证暂行条例 (15 days).
// Certificates the 2016–2019 清理证明事项 abolished stay listed as `notRequired`, with why.
// The Mongolian names are best effort and await review by a native speaker at the station.
import { Service } from '../src/core/booking/catalog'
import { NewCounter, type Counter } from '../src/core/booking/counter'

export const MONGOLIAN_CATALOG_REVIEWED = false

const ABOLISHED_BASIS = '公通字〔2016〕21号《关于改进和规范公安派出所出具证明工作的意见》；2018—2019年证明事项清理'

const services: Service[] = [
  {
    id: 'id-card-first',
    name: { zh: '首次申领居民身份证', mn: 'ᠠᠩᠬ᠎ᠠ ᠤᠳᠠᠭ᠎ᠠ ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠭᠠᠷᠭᠠᠬᠤ' },
    summary: { zh: '年满16周岁应当申领；未满16周岁的可以申领。' },
    materials: [
      { zh: '居民户口簿原件' },
      { zh: '未满16周岁的，由监护人陪同并出示监护人的居民身份证' },
      { zh: '本人到场，现场采集照片和指纹' },
    ],
    fee: { yuan: 20, note: { zh: '低保等困难群众按规定减免' } },
    processing: { typicalWorkingDays: 10, statutoryDays: 60 },
    mode: 'counter',
    notRequired: null,
    order: 10,
    active: true,
  },
  {
    id: 'id-card-renewal',
    name: { zh: '居民身份证到期换领', mn: 'ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠰᠣᠯᠢᠬᠤ' },
    summary: { zh: '有效期满前三个月内可申请换领；行动不便的老人、残疾人可申请上门采集。' },
    materials: [{ zh: '原居民身份证' }, { zh: '居民户口簿' }, { zh: '现场采集照片和指纹' }],
    fee: { yuan: 20 },
    processing: { typicalWorkingDays: 10, statutoryDays: 60 },
    mode: 'home',
    notRequired: null,
    order: 20,
    active: true,
  },
  {
    id: 'id-card-lost',
    name: { zh: '居民身份证丢失补领', mn: 'ᠭᠡᠭᠡᠭᠰᠡᠨ ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠨᠥᠬᠥᠨ ᠭᠠᠷᠭᠠᠬᠤ' },
    summary: { zh: '补领期间可同时申请临时居民身份证。' },
    materials: [{ zh: '居民户口簿' }, { zh: '本人到场，现场采集照片和指纹' }],
    fee: { yuan: 40 },
    processing: { typicalWorkingDays: 10, statutoryDays: 60 },
    mode: 'counter',
    notRequired: null,
    order: 30,
    active: true,
  },
  {
    id: 'id-card-temporary',
    name: { zh: '临时居民身份证', mn: 'ᠲᠦᠷ ᠴᠠᠭ ᠤᠨ ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ' },
    summary: { zh: '申领、换领、补领居民身份证期间急需使用的，可申请临时居民身份证，有效期三个月。' },
    materials: [{ zh: '居民户口簿' }, { zh: '现场采集照片' }],
    fee: { yuan: 10 },
    processing: { typicalWorkingDays: 0, statutoryDays: 3 },
    mode: 'counter',
    notRequired: null,
    order: 40,
    active: true,
  },
  {
    id: 'birth-registration',
    name: { zh: '出生登记', mn: 'ᠲᠥᠷᠥᠯᠲᠡ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ' },
    summary: { zh: '婴儿出生后一个月内，由户主、亲属、抚养人申报出生登记。' },
    materials: [{ zh: '《出生医学证明》原件' }, { zh: '父母双方的居民户口簿、居民身份证' }, { zh: '父母的结婚证（未办理结婚登记的，按规定提供其他材料）' }],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 0, statutoryDays: null },
    mode: 'counter',
    notRequired: null,
    order: 50,
    active: true,
  },
  {
    id: 'household-move-in',
    name: { zh: '户口迁入', mn: 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠰᠢᠯᠵᠢᠨ ᠣᠷᠣᠬᠤ' },
    summary: { zh: '跨省迁移实行“一站式”办理：在迁入地申请，无需回迁出地开具迁移证。' },
    materials: [{ zh: '本人居民身份证、居民户口簿' }, { zh: '落户依据：合法稳定住所证明（不动产权证书等）、就业或投靠亲属的证明之一' }],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 3, statutoryDays: null },
    mode: 'counter',
    notRequired: null,
    order: 60,
    active: true,
  },
  {
    id: 'household-move-out',
    name: { zh: '户口迁出', mn: 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠰᠢᠯᠵᠢᠨ ᠭᠠᠷᠬᠤ' },
    summary: { zh: '跨省迁往外地的，一般直接到迁入地办理，本所无需先行迁出。' },
    materials: [{ zh: '本人居民身份证、居民户口簿' }, { zh: '迁入地的准予迁入材料（区内迁移）' }],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 0, statutoryDays: null },
    mode: 'counter',
    notRequired: null,
    order: 70,
    active: true,
  },
  {
    id: 'deregistration-certificate',
    name: { zh: '户口注销证明（死亡人员）', mn: 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠬᠠᠰᠤᠭᠰᠠᠨ ᠤ ᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ' },
    summary: { zh: '死亡人员户口已注销，亲属办理继承等事务无法以其他材料证明时出具。' },
    materials: [{ zh: '申请人的居民身份证' }, { zh: '与死亡人员关系的证明材料' }, { zh: '死亡人员的居民户口簿（如有）' }],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 0, statutoryDays: null },
    mode: 'counter',
    notRequired: null,
    order: 80,
    active: true,
  },
  {
    id: 'residence-permit',
    name: { zh: '居住证申领', mn: 'ᠰᠠᠭᠤᠭᠠ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠬᠦ' },
    summary: { zh: '离开常住户口所在地到本镇居住半年以上，且有合法稳定就业、住所或连续就读之一的，可以申领。' },
    materials: [{ zh: '居民身份证' }, { zh: '居住登记满半年的证明' }, { zh: '合法稳定就业、合法稳定住所或连续就读的证明之一' }, { zh: '现场采集照片' }],
    fee: { yuan: 0, note: { zh: '首次申领免费；换领、补领按规定收取工本费' } },
    processing: { typicalWorkingDays: 10, statutoryDays: 15 },
    mode: 'counter',
    notRequired: null,
    order: 90,
    active: true,
  },
  {
    id: 'id-card-progress',
    name: { zh: '身份证办理进度查询', mn: 'ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠦᠨ ᠠᠬᠢᠴᠠ ᠯᠠᠪᠯᠠᠬᠤ' },
    summary: { zh: '无需到窗口：凭受理回执拨打派出所电话或在“内蒙古公安”政务平台查询。' },
    materials: [{ zh: '受理回执' }],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 0, statutoryDays: null },
    mode: 'none',
    notRequired: null,
    order: 100,
    active: true,
  },
  {
    id: 'household-facts-certificate',
    name: { zh: '户籍证明（姓名、出生日期等）', mn: 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ' },
    materials: [],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 0, statutoryDays: null },
    mode: 'none',
    notRequired: {
      reason: { zh: '公民姓名、曾用名、性别、民族、出生日期、出生地、籍贯、公民身份号码、户籍地址等，凭居民身份证或居民户口簿即可证明，派出所不再出具证明；办事单位应予认可。' },
      basis: ABOLISHED_BASIS,
    },
    order: 110,
    active: true,
  },
  {
    id: 'kinship-certificate',
    name: { zh: '亲属关系证明（同户）', mn: 'ᠠᠤᠯ ᠰᠠᠳᠤᠨ ᠤ ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠭᠡᠷᠡᠴᠢᠯᠡᠭᠡ' },
    materials: [],
    fee: { yuan: 0 },
    processing: { typicalWorkingDays: 0, statutoryDays: null },
    mode: 'none',
    notRequired: {
      reason: { zh: '同户人员与户主之间的亲属关系由居民户口簿证明，户口迁移、住址变动、注销户口等情况凡户口簿能证明的，派出所不再出具证明。不同户的亲属关系可用出生医学证明、结婚证等证明。' },
      basis: ABOLISHED_BASIS,
    },
    order: 120,
    active: true,
  },
]

const BOOKABLE = services.filter((s) => s.mode !== 'none' && !s.notRequired).map((s) => s.id)

/** 法定节假日 as the law fixes them; the State Council's yearly arrangement (调休) is entered when published. */
const holidays: Counter['holidays'] = [
  { from: '2027-01-01', to: '2027-01-01', name: { zh: '元旦', mn: 'ᠰᠢᠨ᠎ᠡ ᠵᠢᠯ' } },
  { from: '2027-02-05', to: '2027-02-08', name: { zh: '春节', mn: 'ᠴᠠᠭᠠᠨ ᠰᠠᠷ᠎ᠠ' } },
]

const weekdayHours: Counter['weeklyHours'] = [
  { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' },
  { weekdays: [1, 2, 3, 4, 5], open: '14:30', close: '17:30' },
]

// Saturday mornings too: herders come to town on market day.
const withSaturdayMornings: Counter['weeklyHours'] = [...weekdayHours, { weekdays: [6], open: '09:00', close: '12:00' }]

/** A window of the demo: every station's offers the same bookable services with the same slot rules and holidays. */
const demoWindow = (own: Pick<Counter, 'id' | 'name' | 'place' | 'languages' | 'weeklyHours' | 'capacity'> & { stationId: string }): Counter & { stationId: string } => ({
  ...own,
  serviceIds: BOOKABLE,
  holidays,
  closures: [],
  slotMinutes: 30,
  active: true,
})

const counters: Array<Counter & { stationId: string }> = [
  demoWindow({
    id: 'counter-bilingual',
    name: { zh: '蒙汉双语户籍窗口', mn: 'ᠮᠣᠩᠭᠣᠯ ᠬᠢᠲᠠᠳ ᠬᠣᠣᠰ ᠬᠡᠯᠡᠨ ᠦ ᠠᠷᠠᠳ ᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠴᠣᠩᠬᠣ' },
    place: { zh: '潮格温都尔镇派出所户籍大厅1号窗口', mn: 'ᠴᠣᠭ ᠥᠨᠳᠦᠷ ᠪᠠᠯᠭᠠᠰᠤᠨ ᠤ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ 1 ᠳᠦᠭᠡᠷ ᠴᠣᠩᠬᠣ' },
    languages: ['mn', 'zh'],
    weeklyHours: withSaturdayMornings,
    capacity: 2,
    stationId: 'station-chaogewendur',
  }),
  demoWindow({
    id: 'counter-chinese',
    name: { zh: '汉语户籍窗口', mn: 'ᠬᠢᠲᠠᠳ ᠬᠡᠯᠡᠨ ᠦ ᠠᠷᠠᠳ ᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠴᠣᠩᠬᠣ' },
    place: { zh: '潮格温都尔镇派出所户籍大厅2号窗口', mn: 'ᠴᠣᠭ ᠥᠨᠳᠦᠷ ᠪᠠᠯᠭᠠᠰᠤᠨ ᠤ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ 2 ᠳᠦᠭᠡᠷ ᠴᠣᠩᠬᠣ' },
    languages: ['zh'],
    weeklyHours: weekdayHours,
    capacity: 3,
    stationId: 'station-chaogewendur',
  }),
  // The two invented stations of the demo bureau (docs/bureau.md): one bilingual window each, as
  // a small town station has; Chinese is served there too (countersForLanguage, per station).
  demoWindow({
    id: 'counter-bb-bilingual',
    name: { zh: '巴音宝力格蒙汉双语户籍窗口', mn: 'ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ ᠮᠣᠩᠭᠣᠯ ᠬᠢᠲᠠᠳ ᠬᠣᠣᠰ ᠬᠡᠯᠡᠨ\u202fᠦ ᠠᠷᠠᠳ\u202fᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ\u202fᠦᠨ ᠴᠣᠩᠬᠣ' },
    place: { zh: '巴音宝力格镇派出所户籍窗口', mn: 'ᠪᠠᠶᠠᠨᠪᠤᠯᠠᠭ ᠪᠠᠯᠭᠠᠰᠤᠨ\u202fᠤ ᠴᠠᠭᠳᠠᠭ\u180eᠠ\u202fᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ\u202fᠦᠨ ᠴᠣᠩᠬᠣ' },
    languages: ['mn', 'zh'],
    weeklyHours: withSaturdayMornings,
    capacity: 2,
    stationId: 'station-bayanbolag',
  }),
  demoWindow({
    id: 'counter-su-bilingual',
    name: { zh: '赛乌素蒙汉双语户籍窗口', mn: 'ᠰᠠᠶᠢᠨ ᠤᠰᠤ ᠮᠣᠩᠭᠣᠯ ᠬᠢᠲᠠᠳ ᠬᠣᠣᠰ ᠬᠡᠯᠡᠨ\u202fᠦ ᠠᠷᠠᠳ\u202fᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ\u202fᠦᠨ ᠴᠣᠩᠬᠣ' },
    place: { zh: '赛乌素镇派出所户籍窗口', mn: 'ᠰᠠᠶᠢᠨ ᠤᠰᠤ ᠪᠠᠯᠭᠠᠰᠤᠨ\u202fᠤ ᠴᠠᠭᠳᠠᠭ\u180eᠠ\u202fᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ\u202fᠶᠢᠨ ᠠᠷᠠᠳ\u202fᠤᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ\u202fᠦᠨ ᠴᠣᠩᠬᠣ' },
    languages: ['mn', 'zh'],
    weeklyHours: weekdayHours,
    capacity: 2,
    stationId: 'station-saiusu',
  }),
]

/** Validated copies, so a typo in the demo data fails at seed time rather than in a screen. */
export const demoServices = (): Service[] => services.map((s) => Service.parse(structuredClone(s)))
export const demoCounters = (): Counter[] => counters.map((c) => NewCounter.parse(structuredClone(c)))
