// Demo notices of the bureau: for the first station an anti-fraud warning pinned in 巴音布拉格嘎查,
// a winter road-safety notice to 潮格社区 and a grassland fire-prevention notice to its herders'
// group (topic-herders, its id from before bureaus); for 巴音宝力格镇派出所 a livestock-theft
// warning to its own herders' group; and the bureau's warning on click-farming scams to the
// bureau-wide anti-fraud group. Published "yesterday", valid for a month from `today`; their
// alerts count as already sent.
import { noticeRecord, type NoticeDoc, type ReaderDoc } from '../cloudfunctions/notices/records'
import { topicGroupId } from '../src/core/notices/groups'
import { dayjs } from '../src/core/time'

const FIRST_STATION = 'station-chaogewendur'
const BAYANBOLAG = 'station-bayanbolag'
/** 巴音宝力格's herders (topic-herders_station-bayanbolag) and the bureau's anti-fraud group (topic-anti-fraud). */
export const BAYANBOLAG_HERDERS = topicGroupId('herders', BAYANBOLAG, FIRST_STATION)
export const BUREAU_ANTI_FRAUD = topicGroupId('anti-fraud', null, FIRST_STATION)

/** 乌云 (巴音宝力格) joined her station's herders and the bureau's anti-fraud group. */
export const demoNoticeReaders = (): ReaderDoc[] => [{ _id: 'demo-resident-bb-1', topics: [BAYANBOLAG_HERDERS, BUREAU_ANTI_FRAUD], grants: 0, read: [], grantRequests: [] }]

export function demoNotices(today: Date): NoticeDoc[] {
  const publishedAt = dayjs(today).subtract(1, 'day').toDate()
  const validUntil = dayjs(today).add(30, 'day').toDate()
  const common = { status: 'published', validUntil, authorName: null, review: null } as const
  const urgent = noticeRecord(
    {
      ...common,
      _id: 'demo-notice-fraud',
      category: 'anti_fraud',
      urgency: 'urgent',
      title: { zh: '警惕冒充“牧区补贴”的诈骗电话', mn: 'ᠮᠠᠯᠴᠢᠨ ᠤ ᠲᠡᠳᠬᠦᠮᠵᠢ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠪᠡᠷ ᠵᠠᠯᠢᠯᠠᠬᠤ ᠠᠴᠠ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠭᠡᠷᠡᠢ' },
      body: {
        zh: '近期有人冒充政府工作人员，以发放草原生态补贴为名，要求牧民提供银行卡号和验证码。补贴由苏木政府统一发放，不会电话索要验证码。接到此类电话请立即挂断，拨打 96110 咨询。',
        mn: 'ᠰᠦᠷᠬᠡᠨ ᠳᠦ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ ᠪᠡᠷ ᠮᠠᠯᠴᠢᠨ ᠠᠴᠠ ᠪᠠᠩᠬᠢ ᠶᠢᠨ ᠺᠠᠷᠲ᠂ ᠰᠢᠯᠭᠠᠬᠤ ᠲᠣᠭ᠎ᠠ ᠭᠤᠶᠤᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠲᠡᠢᠮᠦ ᠤᠲᠠᠰᠤ ᠢᠷᠡᠪᠡᠯ ᠲᠠᠰᠤᠯᠵᠤ 96110 ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ ᠯᠠᠪᠯᠠᠭᠠᠷᠠᠢ᠃',
      },
      targets: ['gacha-bayanbulag'],
      authorOpenid: 'demo-officer-1',
    },
    publishedAt,
  )
  return [
    { ...urgent, fanout: { ...urgent.fanout, state: 'done' } },
    noticeRecord(
      {
        ...common,
        _id: 'demo-notice-winter-roads',
        category: 'safety_warning',
        urgency: 'normal',
        title: { zh: '冬季道路结冰，出行请减速慢行' },
        body: { zh: '入冬以来镇区道路多处结冰。驾驶车辆请减速慢行，保持车距；老人和孩子出门注意防滑。' },
        targets: ['community-chaoge'],
        authorOpenid: 'demo-officer-2',
      },
      publishedAt,
    ),
    noticeRecord(
      {
        ...common,
        _id: 'demo-notice-grassland-fire',
        category: 'publicity',
        urgency: 'normal',
        title: { zh: '草原防火期严禁野外用火', mn: 'ᠬᠡᠭᠡᠷ᠎ᠡ ᠶᠢᠨ ᠭᠠᠯ ᠰᠡᠷᠭᠡᠶᠢᠯᠡᠯᠲᠡ' },
        body: { zh: '草原防火期内，严禁在草原上吸烟、烧荒、上坟烧纸。发现火情请立即拨打 119 或 12119。', mn: 'ᠭᠠᠯ ᠰᠡᠷᠭᠡᠶᠢᠯᠡᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠬᠡᠭᠡᠷ᠎ᠡ ᠳᠦ ᠭᠠᠯ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠶᠢ ᠴᠢᠩᠭ᠎ᠠ ᠬᠣᠷᠢᠭᠯᠠᠨ᠎ᠠ᠃ ᠭᠠᠯ ᠦᠵᠡᠪᠡᠯ 119 ᠪᠤᠶᠤ 12119 ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ ᠮᠡᠳᠡᠭᠳᠡᠭᠡᠷᠡᠢ᠃' },
        targets: ['topic-herders'],
        authorOpenid: 'demo-leader-1',
      },
      publishedAt,
    ),
    noticeRecord(
      {
        ...common,
        _id: 'demo-notice-bb-livestock',
        category: 'safety_warning',
        urgency: 'normal',
        title: { zh: '冬季转场期间谨防牲畜被盗' },
        body: { zh: '近期转场牲畜较多，请牧户夜间将牲畜圈养，清点数量，发现丢失或可疑车辆请立即联系巴音宝力格镇派出所。' },
        targets: [BAYANBOLAG_HERDERS],
        authorOpenid: 'demo-leader-bb-1',
        stationId: BAYANBOLAG,
      },
      publishedAt,
    ),
    noticeRecord(
      {
        ...common,
        _id: 'demo-notice-bureau-scam',
        category: 'anti_fraud',
        urgency: 'normal',
        title: { zh: '“刷单返利”都是诈骗' },
        body: { zh: '凡是要求先垫付资金、再返还佣金的“刷单”“点赞”兼职都是诈骗。不要下载陌生人发来的会议软件，不要转账。拿不准时拨打 96110 或向所在派出所咨询。' },
        targets: [BUREAU_ANTI_FRAUD],
        authorOpenid: 'demo-bureau-leader',
        // The bureau's own notice: no station's leaders correct it.
        stationId: 'bureau-urad-rear',
      },
      publishedAt,
    ),
  ]
}
