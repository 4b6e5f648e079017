// Traditional Mongolian for the residents' requests screens. A case suffix is joined to its word
// with U+202F (N below), never a plain space; no suffix follows a {placeholder} or a number.
// Every entry stays `reviewed: false` until a native speaker at the station has checked it.
import type { MongolianEntry } from '../../../i18n'
import type { RequestsMessageKey } from './zh-Hans'

const m = (text: string): MongolianEntry => ({ text, reviewed: false })
const N = '\u202F'

const POLICE = 'ᠴᠠᠭᠳᠠᠭ᠎ᠠ'
const REQUEST = 'ᠬᠦᠰᠡᠯᠲᠡ'

export const requestsMnMong: Record<RequestsMessageKey, MongolianEntry> = {
  'rq.title.file': m(`${POLICE}${N}ᠳᠤ ᠬᠠᠨᠳᠤᠬᠤ`),
  'rq.title.mine': m(`ᠮᠢᠨᠤ ${REQUEST} ᠮᠡᠳᠡᠭᠳᠡᠯ`),

  'rq.kind.title': m('ᠶᠠᠮᠠᠷ ᠠᠵᠢᠯ ᠪᠤᠢ?'),
  'rq.kind.consultation': m('ᠯᠠᠪᠯᠠᠬᠤ'),
  'rq.kind.consultation.body': m(`ᠠᠵᠢᠯ ᠬᠡᠷᠡᠭ ᠪᠠ ᠳᠦᠷᠢᠮ ᠵᠠᠰᠠᠭ${N}ᠢ ${POLICE}${N}ᠠᠴᠠ ᠠᠰᠠᠭᠤᠬᠤ᠃`),
  'rq.kind.help': m('ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠭᠤᠶᠤᠬᠤ'),
  'rq.kind.help.body': m('ᠪᠡᠷᠡᠭᠰᠢᠶᠡᠯ ᠲᠤᠯᠭᠠᠷᠠᠪᠠ᠂ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠪᠢᠰᠢ᠃'),
  'rq.kind.tip_off': m('ᠰᠤᠷᠠᠭ ᠮᠡᠳᠡᠭᠡ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ'),
  'rq.kind.tip_off.body': m(`ᠬᠠᠤᠯᠢ ᠪᠤᠰ ᠬᠡᠷᠡᠭ${N}ᠦᠨ ᠰᠤᠷᠠᠭ᠂ ᠨᠡᠷ᠎ᠡ${N}ᠪᠡᠨ ᠨᠢᠭᠤᠴᠠᠯᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),
  'rq.kind.fraud': m(`ᠵᠠᠯᠢᠯᠠᠯᠭ᠎ᠠ${N}ᠶᠢ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ`),
  'rq.kind.fraud.body': m('ᠰᠡᠵᠢᠭᠲᠡᠢ ᠤᠲᠠᠰᠤ᠂ ᠳᠠᠩᠰᠠ᠂ ᠬᠣᠯᠪᠣᠭᠠᠰᠤ ᠪᠤᠶᠤ ᠺᠣᠳ᠃'),
  'rq.kind.complaint': m('ᠭᠣᠮᠳᠠᠯ ᠰᠠᠨᠠᠯ'),
  'rq.kind.complaint.body': m(`ᠠᠵᠢᠯ${N}ᠳᠤ ᠰᠠᠨᠠᠯ ᠥᠭᠬᠦ᠂ ${POLICE}${N}ᠶᠢ ᠭᠣᠮᠳᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),
  'rq.kind.change': m(`ᠥᠭᠡᠷ${N}ᠢ ᠰᠣᠩᠭᠣᠬᠤ`),

  'rq.field.required': m('ᠵᠠᠪᠠᠯ'),
  'rq.field.optional': m('ᠰᠣᠩᠭᠣᠯᠲᠠ'),
  'rq.field.missing': m(`ᠡᠨᠡ ᠵᠦᠢᠯ${N}ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠄ {field}`),
  'rq.field.tooLong': m(`{field}᠄ ᠬᠠᠮᠤᠭ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ {max} ᠦᠰᠦᠭ᠂ ᠣᠳᠣ {count} ᠦᠰᠦᠭ᠃`),

  'rq.text.consultation': m(`ᠲᠠᠨ${N}ᠤ ᠠᠰᠠᠭᠤᠯᠲᠠ`),
  'rq.text.consultation.hint': m(`ᠵᠢᠱᠢᠶ᠎ᠡ᠄ ᠡᠷᠦᠬᠡ${N}ᠶᠢ ᠰᠢᠯᠵᠢᠭᠦᠯᠬᠦ${N}ᠳᠦ ᠶᠠᠮᠠᠷ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠬᠡᠷᠡᠭᠲᠡᠢ ᠪᠤᠢ?`),
  'rq.text.help': m('ᠶᠠᠮᠠᠷ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠬᠡᠷᠡᠭᠲᠡᠢ'),
  'rq.text.help.hint': m(`ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ᠂ ${POLICE} ᠶᠠᠭᠤ ᠬᠢᠬᠦ ᠬᠡᠷᠡᠭᠲᠡᠢ᠂ ᠲᠠ ᠬᠠᠮᠢᠭ᠎ᠠ ᠪᠠᠢᠨ᠎ᠠ᠃`),
  'rq.text.tip_off': m(`ᠰᠤᠷᠠᠭ ᠮᠡᠳᠡᠭᠡ${N}ᠶᠢᠨ ᠠᠭᠤᠯᠭ᠎ᠠ`),
  'rq.text.tip_off.hint': m(`ᠬᠡᠨ᠂ ᠶᠠᠭᠤ᠂ ᠬᠠᠮᠢᠭ᠎ᠠ᠂ ᠬᠡᠵᠢᠶ᠎ᠡ᠃ ᠮᠡᠳᠡᠬᠦ ᠪᠦᠬᠦᠨ${N}ᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃`),
  'rq.text.fraud': m('ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ'),
  'rq.text.fraud.hint': m(`ᠨᠥᠭᠦᠭᠡ ᠲᠠᠯ᠎ᠠ ᠶᠠᠭᠠᠵᠤ ᠬᠣᠯᠪᠣᠭᠳᠠᠭᠰᠠᠨ᠂ ᠶᠠᠭᠤ ᠬᠡᠯᠡᠭᠰᠡᠨ᠂ ᠮᠥᠩᠭᠥ ᠰᠢᠯᠵᠢᠭᠦᠯᠬᠦ${N}ᠶᠢ ᠱᠠᠭᠠᠷᠳᠠᠭᠰᠠᠨ ᠤᠤ᠃`),
  'rq.text.complaint': m(`ᠭᠣᠮᠳᠠᠯ ᠰᠠᠨᠠᠯ${N}ᠤᠨ ᠠᠭᠤᠯᠭ᠎ᠠ`),
  'rq.text.complaint.hint': m('ᠬᠡᠵᠢᠶ᠎ᠡ᠂ ᠶᠠᠮᠠᠷ ᠬᠡᠷᠡᠭ᠂ ᠶᠠᠭᠠᠵᠤ ᠰᠠᠢᠵᠢᠷᠠᠭᠤᠯᠬᠤ ᠪᠤᠢ᠃'),

  'rq.danger.question': m(`ᠣᠳᠣ ᠠᠶᠤᠯ${N}ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠪᠠᠢᠨ᠎ᠠ ᠤᠤ?`),
  'rq.danger.hint': m('ᠰᠢᠷᠬᠡᠳᠡᠭᠰᠡᠨ᠂ ᠬᠣᠷᠢᠭᠳᠠᠭᠰᠠᠨ᠂ ᠰᠦᠷᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ᠂ ᠭᠡᠭᠡᠭᠳᠡᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ ᠣᠯᠳᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠪᠣᠯ ᠪᠦᠭᠦᠳᠡ ᠠᠶᠤᠯ ᠮᠥᠨ᠃'),
  'rq.danger.yes': m('ᠠᠶᠤᠯ ᠪᠠᠢᠨ᠎ᠠ'),
  'rq.danger.no': m('ᠠᠶᠤᠯ ᠦᠭᠡᠢ'),
  'rq.danger.callFirst': m(`ᠤᠷᠢᠳᠠᠪᠡᠷ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠭᠠᠷᠠᠢ᠄ 110᠃ ${POLICE} ᠳᠠᠷᠤᠢ ᠢᠷᠡᠨ᠎ᠡ᠃ ᠳᠠᠷᠠᠭ᠎ᠠ${N}ᠢᠨ ᠳᠣᠣᠷ᠎ᠠ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),

  'rq.anon.title': m(`ᠨᠡᠷ᠎ᠡ${N}ᠪᠡᠨ ᠨᠢᠭᠤᠴᠠᠯᠠᠬᠤ ᠤᠤ?`),
  'rq.anon.named': m(`ᠨᠡᠷ᠎ᠡ${N}ᠪᠡᠨ ᠬᠡᠯᠡᠬᠦ`),
  'rq.anon.anonymous': m(`ᠨᠡᠷ᠎ᠡ${N}ᠪᠡᠨ ᠨᠢᠭᠤᠴᠠᠯᠠᠬᠤ`),
  'rq.anon.namedBody': m(`${POLICE} ᠲᠠᠨ${N}ᠤ ᠨᠡᠷ᠎ᠡ${N}ᠶᠢ ᠦᠵᠡᠵᠦ᠂ ᠬᠡᠷᠡᠭᠲᠡᠢ ᠦᠶ᠎ᠡ${N}ᠳᠦ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠨ᠎ᠠ᠃ ᠮᠡᠳᠡᠭᠳᠡᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ${N}ᠳᠦ ᠬᠡᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃`),
  'rq.anon.anonymousBody': m(`ᠲᠠᠨ${N}ᠤ ᠸᠢᠴᠠᠲ᠂ ᠨᠡᠷ᠎ᠡ᠂ ᠤᠲᠠᠰᠤ${N}ᠶᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ ᠦᠭᠡᠢ᠂ ${POLICE} ᠪᠠ ᠳᠠᠷᠤᠭ᠎ᠠ ᠴᠤ ᠬᠡᠨ ᠮᠡᠳᠡᠭᠳᠡᠭᠰᠡᠨ${N}ᠢ ᠮᠡᠳᠡᠬᠦ ᠦᠭᠡᠢ᠂ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠶᠠᠪᠤᠴ${N}ᠢ ᠵᠥᠪᠬᠡᠨ ᠡᠨᠡ ᠭᠠᠷ ᠤᠲᠠᠰᠤ${N}ᠪᠠᠷ ᠦᠵᠡᠨ᠎ᠡ᠃`),

  'rq.fraud.hotline': m(`ᠮᠥᠩᠭᠥ ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠭᠰᠡᠨ ᠪᠤᠶᠤ ᠶᠠᠷᠢᠵᠤ ᠪᠠᠢᠭ᠎ᠠ ᠪᠣᠯ ᠵᠠᠯᠢᠯᠠᠯᠭ᠎ᠠ${N}ᠶᠢᠨ ᠡᠰᠡᠷᠭᠦ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠭᠠᠷᠠᠢ᠄ 96110᠃ ᠬᠤᠷᠳᠤᠨ ᠪᠣᠯ ᠮᠥᠩᠭᠥ${N}ᠪᠡᠨ ᠣᠯᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),
  'rq.fraud.call': m('ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠬᠤ᠄ 96110'),
  'rq.fraud.number': m('ᠰᠡᠵᠢᠭᠲᠡᠢ ᠤᠲᠠᠰᠤ'),
  'rq.fraud.account': m('ᠰᠡᠵᠢᠭᠲᠡᠢ ᠳᠠᠩᠰᠠ (ᠪᠠᠩᠺᠢ᠂ ᠸᠢᠴᠠᠲ᠂ QQ ᠵᠡᠷᠭᠡ)'),
  'rq.fraud.link': m('ᠰᠡᠵᠢᠭᠲᠡᠢ ᠬᠣᠯᠪᠣᠭᠠᠰᠤ'),
  'rq.fraud.qrHint': m(`ᠰᠡᠵᠢᠭᠲᠡᠢ ᠺᠣᠳ${N}ᠢ ᠵᠢᠷᠤᠭ ᠪᠣᠯᠭᠠᠨ ᠳᠣᠣᠷᠠᠬᠢ ᠵᠢᠷᠤᠭ${N}ᠤᠨ ᠬᠡᠰᠡᠭ${N}ᠲᠦ ᠣᠷᠣᠭᠤᠯᠤᠭᠠᠷᠠᠢ᠃`),
  'rq.fraud.atLeastOne': m(`ᠤᠲᠠᠰᠤ᠂ ᠳᠠᠩᠰᠠ᠂ ᠬᠣᠯᠪᠣᠭᠠᠰᠤ ᠪᠤᠶᠤ ᠺᠣᠳ᠋ ᠵᠢᠷᠤᠭ ᠬᠠᠮᠤᠭ ᠴᠥᠭᠡᠨ ᠳᠠᠭᠠᠨ ᠨᠢᠭᠡ${N}ᠶᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃`),

  'rq.complaint.aboutOfficer': m(`ᠡᠨᠡ ᠪᠣᠯ ${POLICE}${N}ᠶᠢ ᠭᠣᠮᠳᠠᠬᠤ ᠨᠢ`),
  'rq.complaint.officer': m(`ᠭᠣᠮᠳᠠᠭᠳᠠᠭᠰᠠᠨ ${POLICE}${N}ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠪᠤᠶᠤ ᠳ᠋ᠤᠭᠠᠷ`),
  'rq.complaint.officerHint': m(`${POLICE}${N}ᠶᠢ ᠭᠣᠮᠳᠠᠭᠰᠠᠨ${N}ᠢ ᠰᠠᠯᠪᠤᠷᠢ${N}ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ᠂ ᠲᠡᠷᠡ ${POLICE}${N}ᠳᠤ ᠥᠭᠬᠦ ᠦᠭᠡᠢ᠃`),

  'rq.phone': m('ᠭᠠᠷ ᠤᠲᠠᠰᠤ'),
  'rq.phone.hint': m(`ᠵᠥᠪᠬᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ${POLICE} ᠦᠵᠡᠨ᠎ᠡ᠃`),
  'rq.phone.bad': m('ᠠᠷᠪᠠᠨ ᠨᠢᠭᠡᠨ ᠣᠷᠣᠨ ᠤᠲᠠᠰᠤ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠂ ᠦᠭᠡᠢ ᠪᠣᠯ ᠬᠣᠭᠤᠰᠤᠨ ᠦᠯᠡᠳᠡᠭᠡᠭᠡᠷᠡᠢ᠃'),

  'rq.photos': m('ᠵᠢᠷᠤᠭ (ᠬᠠᠮᠤᠭ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ {max})'),
  'rq.photos.add': m('ᠵᠢᠷᠤᠭ ᠨᠡᠮᠡᠬᠦ'),
  'rq.photos.remove': m('ᠤᠰᠠᠳᠬᠠᠬᠤ'),
  'rq.photos.uploading': m('ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ…'),
  'rq.photos.failed': m('ᠵᠢᠷᠤᠭ ᠢᠯᠡᠭᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠲᠤᠷᠰᠢᠭᠠᠷᠠᠢ᠃'),
  'rq.photos.hint': m(`ᠠᠮᠤᠷ ᠲᠦᠪᠰᠢᠨ${N}ᠦ ᠪᠠᠢᠴᠠᠭᠠᠯᠲᠠ ᠳᠠᠪᠤᠭᠰᠠᠨ${N}ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ${POLICE} ᠦᠵᠡᠨ᠎ᠡ᠃`),

  'rq.position': m('ᠪᠠᠢᠷᠢ'),
  'rq.position.hint': m(`ᠲᠡᠷᠡ ᠭᠠᠵᠠᠷ${N}ᠢ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ${POLICE}${N}ᠳᠤ ᠥᠭᠭᠦᠨ᠎ᠡ᠃ ᠦᠭᠡᠢ ᠪᠣᠯ ᠲᠠᠨ${N}ᠤ ᠭᠠᠴᠠᠭ᠎ᠠ ᠪᠤᠶᠤ ᠬᠣᠷᠢᠶ᠎ᠠ${N}ᠪᠠᠷ᠃`),
  'rq.position.current': m(`ᠣᠳᠣᠬᠢ ᠪᠠᠢᠷᠢ${N}ᠪᠠᠨ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ`),
  'rq.position.pick': m(`ᠭᠠᠵᠠᠷ${N}ᠤᠨ ᠵᠢᠷᠤᠭ ᠳᠡᠭᠡᠷ᠎ᠡ ᠰᠣᠩᠭᠣᠬᠤ`),
  'rq.position.clear': m('ᠪᠠᠢᠷᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠦᠭᠡᠢ'),
  'rq.position.chosen': m('ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠪᠠᠢᠷᠢ᠄ {place}'),
  'rq.position.coordinates': m('ᠤᠷᠲᠠᠷᠠᠭ {lng}᠂ ᠥᠷᠭᠡᠷᠡᠭ {lat}'),
  'rq.position.denied': m(`ᠪᠠᠢᠷᠢ ᠦᠵᠡᠬᠦ ᠡᠷᠬᠡ ᠥᠭᠭᠦᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ${N}ᠳᠤ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠪᠤᠶᠤ ᠪᠠᠢᠷᠢ ᠦᠭᠡᠢ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),
  'rq.position.unavailable': m('ᠣᠳᠣ ᠪᠠᠢᠷᠢ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠲᠤᠷᠰᠢᠬᠤ ᠪᠤᠶᠤ ᠪᠠᠢᠷᠢ ᠦᠭᠡᠢ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),

  'rq.language': m(`${POLICE} ᠡᠨᠡ ᠬᠡᠯᠡ${N}ᠪᠡᠷ ᠬᠠᠷᠢᠭᠤᠯᠠᠨ᠎ᠠ᠄ {language}`),
  'rq.submit': m('ᠲᠤᠰᠢᠶᠠᠬᠤ'),
  'rq.submit.fix': m(`ᠤᠯᠠᠭᠠᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠰᠡᠨ ᠵᠦᠢᠯ${N}ᠢ ᠵᠠᠰᠠᠭᠠᠷᠠᠢ᠃`),

  'rq.done.title': m('ᠲᠤᠰᠢᠶᠠᠪᠠ'),
  'rq.done.body': m('ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {time}᠃ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ᠄ {officer}᠃'),
  'rq.done.anonymous': m(`ᠨᠡᠷ᠎ᠡ${N}ᠪᠡᠨ ᠨᠢᠭᠤᠴᠠᠯᠠᠭᠰᠠᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠲᠤᠰᠢᠶᠠᠪᠠ᠃ ᠶᠠᠪᠤᠴ${N}ᠢ ᠵᠥᠪᠬᠡᠨ ᠡᠨᠡ ᠭᠠᠷ ᠤᠲᠠᠰᠤ${N}ᠪᠠᠷ ᠦᠵᠡᠨ᠎ᠡ᠃`),
  'rq.done.mine': m(`ᠶᠠᠪᠤᠴ${N}ᠢ ᠦᠵᠡᠬᠦ`),
  'rq.done.again': m('ᠳᠠᠬᠢᠨ ᠲᠤᠰᠢᠶᠠᠬᠤ'),

  'rq.mine.empty.title': m(`${REQUEST} ᠮᠡᠳᠡᠭᠳᠡᠯ ᠠᠯᠢ ᠦᠭᠡᠢ`),
  'rq.mine.empty.body': m(`ᠯᠠᠪᠯᠠᠬᠤ᠂ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠭᠤᠶᠤᠬᠤ᠂ ᠰᠤᠷᠠᠭ ᠮᠡᠳᠡᠭᠡ ᠪᠤᠶᠤ ᠵᠠᠯᠢᠯᠠᠯᠭ᠎ᠠ${N}ᠶᠢ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ ᠪᠣᠯ ${POLICE}${N}ᠳᠤ ᠬᠠᠨᠳᠤᠭᠠᠷᠠᠢ᠃ ${POLICE} ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ${N}ᠳᠤᠨ᠎ᠠ ᠬᠠᠷᠢᠭᠤᠯᠠᠨ᠎ᠠ᠃`),
  'rq.mine.file': m(`${POLICE}${N}ᠳᠤ ᠬᠠᠨᠳᠤᠬᠤ`),
  'rq.mine.anonymousTag': m('ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ'),
  'rq.mine.anonymousLost': m(`ᠡᠨᠡ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠳᠠᠬᠢ ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠣᠯᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠲᠣᠭ᠎ᠠ᠄ {count}᠃`),

  'rq.status.submitted': m(`ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ${N}ᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ`),
  'rq.status.accepted': m('ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ'),
  'rq.status.transferred': m('ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠭᠰᠡᠨ'),
  'rq.status.handed_off': m('ᠬᠣᠯᠪᠣᠭᠳᠠᠯ ᠪᠦᠬᠦᠢ ᠭᠠᠵᠠᠷ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ'),
  'rq.status.answered': m('ᠬᠠᠷᠢᠭᠤᠯᠠᠭᠰᠠᠨ'),
  'rq.status.reopened': m('ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ'),
  'rq.status.closed': m('ᠳᠠᠭᠤᠰᠪᠠ'),
  'rq.status.withdrawn': m('ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠤᠭᠰᠠᠨ'),

  'rq.deadline': m('ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ {time}'),
  'rq.deadline.overdue': m(`ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠪᠡ᠄ {time}᠃ ᠰᠠᠯᠪᠤᠷᠢ${N}ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠮᠡᠳᠡᠪᠡ᠃`),

  'rq.timeline': m('ᠶᠠᠪᠤᠴ'),
  'rq.event.submitted': m('ᠲᠠ ᠲᠤᠰᠢᠶᠠᠪᠠ'),
  'rq.event.accepted': m(`${POLICE} ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠪᠠ`),
  'rq.event.transferred': m(`ᠥᠭᠡᠷ᠎ᠡ ${POLICE}${N}ᠳᠤ ᠰᠢᠯᠵᠢᠭᠦᠯᠪᠡ`),
  'rq.event.handed_off': m('ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠨ ᠥᠭᠭᠦᠭᠰᠡᠨ ᠭᠠᠵᠠᠷ᠄ {unit}'),
  'rq.event.partner_answered': m('ᠬᠠᠷᠢᠭᠤᠯᠠᠭᠰᠠᠨ ᠭᠠᠵᠠᠷ᠄ {unit}'),
  'rq.event.answered': m(`${POLICE} ᠬᠠᠷᠢᠭᠤᠯᠠᠪᠠ`),
  'rq.event.reopened': m('ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ'),
  'rq.event.resolved': m('ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠪᠡ ᠭᠡᠵᠦ ᠲᠠ ᠪᠠᠲᠤᠯᠠᠪᠠ'),
  'rq.event.closed': m('ᠳᠠᠭᠤᠰᠪᠠ'),
  'rq.event.auto_closed': m(`ᠳᠣᠯᠣᠭᠠᠨ ᠡᠳᠦᠷ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠳᠠᠭᠤᠰᠪᠠ`),
  'rq.event.rated': m('ᠲᠠ ᠦᠨᠡᠯᠡᠪᠡ'),
  'rq.event.withdrawn': m('ᠲᠠ ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠤᠪᠠ'),
  'rq.event.escalated': m(`ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠪᠡ᠂ ᠰᠠᠯᠪᠤᠷᠢ${N}ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ${N}ᠳᠤ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ`),

  'rq.answer.title': m(`${POLICE}${N}ᠶᠢᠨ ᠬᠠᠷᠢᠭᠤ`),
  'rq.answer.onlyChinese': m(`${POLICE} ᠡᠨᠡ ᠤᠳᠠᠭ᠎ᠠ ᠵᠥᠪᠬᠡᠨ ᠬᠢᠳᠠᠳ ᠪᠢᠴᠢᠭ${N}ᠢᠶᠡᠷ ᠬᠠᠷᠢᠭᠤᠯᠠᠪᠠ᠃`),
  'rq.partner.title': m('ᠬᠠᠷᠢᠭᠤ ᠥᠭᠭᠦᠭᠰᠡᠨ ᠭᠠᠵᠠᠷ᠄ {unit}'),

  'rq.confirm.title': m('ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠦ?'),
  'rq.confirm.body': m(`ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠣᠯ ${POLICE} ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ᠂ ᠭᠡᠪᠡᠴᠦ ᠨᠢᠭᠡᠨ ᠯᠠ ᠤᠳᠠᠭ᠎ᠠ᠃`),
  'rq.confirm.yes': m('ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠪᠡ'),
  'rq.confirm.no': m('ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ'),
  'rq.confirm.reason': m('ᠶᠠᠭᠤ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠤᠢ'),
  'rq.confirm.reasonMissing': m(`ᠶᠠᠭᠤ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ${N}ᠶᠢ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃`),
  'rq.confirm.noTitle': m('ᠦᠨᠡᠭᠡᠷ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ ᠦᠦ?'),
  'rq.confirm.noBody': m(`${POLICE} ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠵᠦ ᠳᠠᠬᠢᠨ ᠬᠠᠷᠢᠭᠤᠯᠠᠨ᠎ᠠ᠃`),
  'rq.confirm.send': m('ᠲᠤᠰᠢᠶᠠᠬᠤ'),
  'rq.confirm.reopened': m(`${POLICE}${N}ᠳᠤ ᠮᠡᠳᠡᠭᠳᠡᠪᠡ᠂ ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠨ᠎ᠡ᠃`),

  'rq.rate.title': m(`ᠡᠨᠡ ᠤᠳᠠᠭᠠᠨ${N}ᠤ ᠠᠵᠢᠯ${N}ᠢ ᠦᠨᠡᠯᠡᠭᠡᠷᠡᠢ`),
  'rq.rate.5': m('ᠮᠠᠰᠢ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠤᠨ'),
  'rq.rate.4': m('ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠤᠨ'),
  'rq.rate.3': m('ᠳᠤᠮᠳᠠ'),
  'rq.rate.2': m('ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠤᠨ ᠪᠤᠰ'),
  'rq.rate.1': m('ᠣᠭᠲᠣ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠤᠨ ᠪᠤᠰ'),
  'rq.rate.comment': m('ᠰᠠᠨᠠᠯ ᠳᠤᠷᠠ'),
  'rq.rate.submit': m('ᠦᠨᠡᠯᠡᠭᠡ ᠲᠤᠰᠢᠶᠠᠬᠤ'),
  'rq.rate.thanks': m(`ᠦᠨᠡᠯᠡᠭᠡ ᠥᠭᠭᠦᠭᠰᠡᠨ${N}ᠳᠦ ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃`),
  'rq.rate.followUp': m(`ᠰᠠᠯᠪᠤᠷᠢ${N}ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠵᠠᠰᠠᠵᠤ᠂ ᠲᠠᠨ${N}ᠳᠤ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠨ᠎ᠠ᠃`),
  'rq.rate.followUpAnonymous': m(`ᠰᠠᠯᠪᠤᠷᠢ${N}ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠵᠠᠰᠠᠨ᠎ᠠ᠃`),
  'rq.rate.yours': m(`ᠲᠠᠨ${N}ᠤ ᠦᠨᠡᠯᠡᠭᠡ᠄ {label}`),

  'rq.withdraw': m('ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠬᠤ'),
  'rq.withdraw.title': m('ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠬᠤ ᠤᠤ?'),
  'rq.withdraw.body': m(`ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠤᠭᠰᠠᠨ${N}ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ${POLICE} ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ${N}ᠠᠴᠠ ᠡᠮᠦᠨ᠎ᠡ ᠯᠡ ᠪᠤᠴᠠᠭᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),
  'rq.withdraw.done': m('ᠪᠤᠴᠠᠭᠠᠵᠤ ᠠᠪᠤᠪᠠ᠃'),

  'rq.why.content': m(`ᠠᠭᠤᠯᠭ᠎ᠠ${N}ᠳᠤ ᠲᠣᠬᠢᠷᠠᠮᠵᠢ ᠦᠭᠡᠢ ᠦᠭᠡ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠥᠭᠡᠷ᠎ᠡ${N}ᠪᠡᠷ ᠪᠢᠴᠢᠭᠡᠷᠡᠢ᠃`),
  'rq.why.rate_limited': m('ᠥᠨᠥᠳᠥᠷ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠲᠣᠭ᠎ᠠ ᠳᠦᠭᠦᠷᠪᠡ᠃ ᠳᠠᠬᠢᠨ ᠲᠤᠰᠢᠶᠠᠬᠤ ᠴᠠᠭ᠄ {time}᠃ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠪᠣᠯ ᠤᠲᠠᠰᠤ᠄ 110᠃'),
  'rq.why.reopened_once': m(`ᠨᠢᠭᠡᠨᠲᠡ ᠳᠠᠬᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ᠂ ᠳᠠᠬᠢᠨ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃ ᠰᠢᠨ᠎ᠡ ᠪᠠᠢᠳᠠᠯ ᠪᠠᠢᠪᠠᠯ ᠰᠢᠨ᠎ᠡ${N}ᠪᠡᠷ ᠲᠤᠰᠢᠶᠠᠭᠠᠷᠠᠢ᠃`),
  'rq.error.FAILED_PRECONDITION': m(`ᠪᠠᠢᠳᠠᠯ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ᠂ ᠡᠨᠡ ᠠᠯᠬᠤᠮ${N}ᠢ ᠣᠳᠣ ᠬᠢᠬᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠦᠭᠡᠢ᠃ ᠰᠢᠨᠡᠳᠬᠡᠭᠡᠷᠡᠢ᠃`),
  'rq.error.CONFLICT': m(`${POLICE} ᠰᠠᠶᠢᠬᠠᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠪᠡ᠂ ᠰᠢᠨᠡᠳᠬᠡᠭᠡᠷᠡᠢ᠃`),
  'rq.error.NOT_FOUND': m('ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠤᠰᠠᠳᠬᠠᠭᠳᠠᠭᠰᠠᠨ ᠪᠠᠢᠵᠤ ᠮᠡᠳᠡᠨ᠎ᠡ᠃'),
}
