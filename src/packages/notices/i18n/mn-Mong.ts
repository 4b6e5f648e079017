// Traditional Mongolian for the residents' notices screens; every entry stays `reviewed: false`
// until a native speaker at the station has checked it.
import type { MongolianEntry } from '../../../i18n'
import type { NoticesMessageKey } from './zh-Hans'

const m = (text: string): MongolianEntry => ({ text, reviewed: false })

export const noticesMnMong: Record<NoticesMessageKey, MongolianEntry> = {
  'notices.title': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ'),
  'notices.feed.unread': m('{count} ᠤᠩᠰᠢᠭ᠎ᠠ ᠦᠭᠡᠢ'),
  'notices.feed.allRead': m('ᠪᠦᠬᠦ ᠶᠢ ᠤᠩᠰᠢᠪᠠ'),
  'notices.feed.pinned': m('ᠳᠡᠭᠡᠷ᠎ᠡ ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ'),
  'notices.feed.latest': m('ᠰᠢᠨ᠎ᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ'),
  'notices.feed.more': m('ᠴᠠᠭᠠᠰᠢ ᠦᠵᠡᠬᠦ'),
  'notices.feed.loadingMore': m('ᠠᠴᠢᠶᠠᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ…'),
  'notices.feed.end': m('ᠡᠨᠡ ᠡᠴᠡ ᠡᠮᠦᠨ᠎ᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠭᠡᠢ'),
  'notices.feed.emptyTitle': m('ᠮᠡᠳᠡᠭᠳᠡᠯ ᠠᠯᠭ᠎ᠠ'),
  'notices.feed.emptyBody': m('ᠲᠠᠨ ᠤ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠪᠣᠯᠤᠨ ᠨᠡᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠪᠦᠯᠦᠭ ᠲᠦ ᠢᠷᠡᠭᠰᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠡᠨᠳᠡ ᠭᠠᠷᠤᠨ᠎ᠠ᠃ ᠮᠠᠯᠴᠢᠨ᠂ ᠳᠡᠯᠭᠡᠭᠦᠷ ᠦᠨ ᠪᠦᠯᠦᠭ ᠲᠦ ᠨᠡᠩᠭᠡᠯᠡᠵᠦ ᠨᠡᠩ ᠣᠯᠠᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠠᠪᠤᠭᠠᠷᠠᠢ᠃'),
  'notices.feed.noCommunity': m('ᠲᠠ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠢᠶᠠᠨ ᠰᠣᠩᠭᠣᠭ᠎ᠠ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠡᠨᠳᠡ ᠭᠠᠷᠤᠨ᠎ᠠ᠃'),
  'notices.feed.chooseCommunity': m('ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠰᠣᠩᠭᠣᠬᠤ'),
  'notices.feed.groups': m('ᠪᠦᠯᠦᠭ ᠪᠠ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ'),

  'notices.category.publicity': m('ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠰᠤᠷᠠᠲᠠᠯᠴᠢᠯᠠᠭ᠎ᠠ'),
  'notices.category.police_info': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ'),
  'notices.category.announcement': m('ᠮᠡᠳᠡᠭᠳᠡᠯ'),
  'notices.category.safety_warning': m('ᠠᠮᠤᠷ ᠲᠦᠪᠰᠢᠨ ᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ'),
  'notices.category.anti_fraud': m('ᠵᠠᠯᠢᠯᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠡᠰᠡᠷᠭᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ'),
  'notices.urgent': m('ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ'),
  'notices.edited': m('ᠵᠠᠰᠠᠪᠠ'),
  'notices.expired': m('ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠨᠢ ᠥᠩᠭᠡᠷᠡᠪᠡ'),
  'notices.unreadMark': m('ᠤᠩᠰᠢᠭ᠎ᠠ ᠦᠭᠡᠢ'),
  'notices.publishedAt': m('{date} ᠨᠡᠶᠢᠲᠡᠯᠡᠪᠡ'),
  'notices.validUntil': m('{date} ᠬᠦᠷᠲᠡᠯ᠎ᠡ ᠬᠦᠴᠦᠨ ᠲᠡᠢ'),
  'notices.inChinese': m('ᠡᠨᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡᠨ ᠦ ᠬᠡᠪ ᠦᠭᠡᠢ᠂ ᠳᠣᠣᠷ᠎ᠠ ᠬᠢᠲᠠᠳ ᠡᠬᠢ ᠪᠢᠴᠢᠭ᠃'),

  'notices.detail.back': m('ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠤᠴᠠᠬᠤ'),
  'notices.detail.share': m('ᠸᠢᠴᠠᠲ ᠪᠦᠯᠦᠭ ᠲᠦ ᠬᠤᠪᠢᠶᠠᠯᠴᠠᠬᠤ'),
  'notices.detail.shareHint': m('ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠸᠢᠴᠠᠲ ᠪᠦᠯᠦᠭ ᠲᠦ ᠬᠤᠪᠢᠶᠠᠯᠴᠠᠪᠠᠯ ᠪᠦᠯᠦᠭ ᠦᠨ ᠠᠷᠠᠳ ᠤᠩᠰᠢᠵᠤ ᠴᠢᠳᠠᠨ᠎ᠠ᠂ ᠴᠠᠭᠳᠠᠭ ᠤᠩᠰᠢᠭᠰᠠᠨ ᠢ ᠲᠣᠭᠠᠯᠠᠨ᠎ᠠ᠃'),
  'notices.detail.error.NOT_FOUND': m('ᠡᠨᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠤᠶᠤ ᠣᠷᠣᠰᠢᠬᠤ ᠦᠭᠡᠢ᠃'),
  'notices.detail.error.PERMISSION_DENIED': m('ᠡᠨᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠲᠠᠨ ᠤ ᠪᠦᠯᠦᠭ ᠲᠦ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃'),

  'notices.groups.title': m('ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠨ ᠪᠦᠯᠦᠭ'),
  'notices.groups.mine': m('ᠮᠢᠨᠤ ᠪᠦᠯᠦᠭ'),
  'notices.groups.topics': m('ᠮᠡᠷᠭᠡᠵᠢᠯ ᠢᠶᠡᠷ ᠨᠡᠩᠭᠡᠯᠡᠬᠦ'),
  'notices.groups.bureauWide': m('ᠪᠦᠬᠦ ᠬᠣᠰᠢᠭᠤ'),
  'notices.groups.error.PERMISSION_DENIED': m('ᠡᠨᠡ ᠪᠦᠯᠦᠭ ᠪᠤᠰᠤᠳ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠪᠦᠯᠦᠭ᠃ ᠲᠠᠨ ᠤ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠪᠤᠶᠤ ᠪᠦᠬᠦ ᠬᠣᠰᠢᠭᠤ ᠶᠢᠨ ᠪᠦᠯᠦᠭ ᠲᠦ ᠨᠡᠩᠭᠡᠯᠡᠭᠡᠷᠡᠢ᠃'),
  'notices.groups.error.NOT_FOUND': m('ᠡᠢᠮᠦ ᠪᠦᠯᠦᠭ ᠣᠷᠣᠰᠢᠬᠤ ᠦᠭᠡᠢ᠃ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠡᠳ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠰᠣᠩᠭᠣᠭᠠᠷᠠᠢ᠃'),
  'notices.groups.topicsHint': m('ᠨᠡᠩᠭᠡᠯᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠲᠤᠰ ᠪᠦᠯᠦᠭ ᠲᠦ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠨ᠎ᠠ᠂ ᠬᠡᠵᠢᠶ᠎ᠡ ᠴᠤ ᠭᠠᠷᠴᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
  'notices.groups.join': m('ᠨᠡᠩᠭᠡᠯᠡᠬᠦ'),
  'notices.groups.leave': m('ᠭᠠᠷᠬᠤ'),
  'notices.groups.joined': m('ᠨᠡᠩᠭᠡᠯᠡᠪᠡ'),
  'notices.groups.noCommunity': m('ᠲᠠ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠢᠶᠠᠨ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠪᠦᠯᠦᠭ ᠲᠦ ᠠᠶᠠᠨᠳᠠᠭᠠ ᠨᠡᠩᠭᠡᠯᠡᠨ᠎ᠡ᠃'),
  'notices.topic.topic-herders': m('ᠮᠠᠯᠴᠢᠨ'),
  'notices.topic.topic-shop-owners': m('ᠳᠡᠯᠭᠡᠭᠦᠷ ᠦᠨ ᠡᠵᠡᠳ'),
  'notices.topic.topic-landlords': m('ᠪᠠᠶᠢᠰᠢᠩ ᠤᠨ ᠡᠵᠡᠳ'),
  'notices.topic.topic-schools': m('ᠰᠤᠷᠭᠠᠭᠤᠯᠢ'),
  'notices.topic.topic-delivery': m('ᠢᠯᠡᠭᠡᠮᠵᠢ ᠲᠡᠭᠡᠪᠦᠷᠢ'),
  'notices.topic.topic-drivers': m('ᠵᠣᠯᠣᠭᠴᠢ'),
  'notices.topic.topic-volunteers': m('ᠰᠠᠶᠢᠨ ᠳᠤᠷᠠᠴᠢ'),
  'notices.topic.topic-anti-fraud': m('ᠵᠠᠯᠢᠯᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠡᠰᠡᠷᠭᠦ'),

  'notices.alerts.title': m('ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ'),
  'notices.alerts.body': m('ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠭᠠᠷᠬᠤ ᠳᠤ ᠸᠢᠴᠠᠲ ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡᠨ ᠦ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠢᠶᠡᠷ ᠰᠠᠨᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃ ᠨᠢᠭᠡ ᠵᠦᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠳᠦ ᠨᠢᠭᠡ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ᠃'),
  'notices.alerts.count': m('{count} ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠴᠤ ᠪᠣᠯᠤᠨ᠎ᠠ'),
  'notices.alerts.none': m('ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ ᠨᠡᠭᠡᠭᠡᠭ᠎ᠡ ᠦᠭᠡᠢ'),
  'notices.alerts.allow': m('ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ'),
  'notices.alerts.weappOnly': m('ᠸᠢᠴᠠᠲ ᠤᠨ ᠪᠢᠴᠢᠬᠠᠨ ᠫᠷᠦᠭᠷᠠᠮ ᠳᠤ ᠨᠡᠭᠡᠭᠡᠨ᠎ᠡ ᠦᠦ᠃'),
  'notices.alerts.declined': m('ᠲᠠ ᠵᠦᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ ᠬᠡᠵᠢᠶ᠎ᠡ ᠴᠤ ᠳᠠᠬᠢᠨ ᠨᠡᠭᠡᠭᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
}
