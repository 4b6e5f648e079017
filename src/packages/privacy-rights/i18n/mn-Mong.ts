// Traditional Mongolian for residents' rights over their data; every entry stays
// `reviewed: false` until a native speaker at the station has checked it.
import type { MongolianEntry } from '../../../i18n'
import type { RightsMessageKey } from './zh-Hans'

const m = (text: string): MongolianEntry => ({ text, reviewed: false })

export const rightsMnMong: Record<RightsMessageKey, MongolianEntry> = {
  'rights.title': m('ᠮᠢᠨᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ'),
  'rights.intro': m('"ᠬᠤᠪᠢ ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠬᠠᠤᠯᠢ" ᠶᠢᠨ ᠳᠠᠭᠤᠤ᠂ ᠲᠠ ᠡᠨᠳᠡ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠥᠪᠡᠷ ᠦᠨ ᠪᠦᠬᠦ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠭᠠᠷᠭᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠂ ᠳᠠᠩᠰᠠ ᠪᠠᠨ ᠬᠠᠰᠤᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
  'rights.export.title': m('ᠮᠢᠨᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠭᠠᠷᠭᠠᠬᠤ'),
  'rights.export.body': m('ᠳᠠᠩᠰᠠ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ ᠭᠡᠷ ᠲᠦ ᠢᠷᠡᠵᠦ ᠬᠢᠬᠦ ᠭᠤᠶᠤᠯᠲᠠ᠂ ᠮᠠᠷᠭᠠᠭᠠᠨ᠂ ᠯᠠᠪᠯᠠᠯᠭ᠎ᠠ᠂ ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠪᠠ ᠴᠠᠭ᠂ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠭᠲᠠᠨ᠎ᠠ᠃ ᠤᠲᠠᠰᠤ ᠪᠠ ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠦᠨ ᠳ᠋ᠤᠭᠠᠷ ᠪᠦᠲᠦᠨ ᠭᠠᠷᠬᠤ ᠲᠤᠯᠠ ᠹᠠᠢᠯ ᠢ ᠰᠠᠢᠲᠤᠷ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠠᠷᠠᠢ᠃'),
  'rights.export.action': m('ᠭᠠᠷᠭᠠᠬᠤ'),
  'rights.export.saved': m('{file} ᠹᠠᠢᠯ ᠢ ᠪᠠᠭᠤᠯᠭᠠᠪᠠ᠂ ᠨᠡᠶᠢᠲᠡ {count} ᠪᠢᠴᠢᠭ᠃'),
  'rights.export.shared': m('{file} ᠹᠠᠢᠯ ᠢ ᠪᠡᠯᠡᠳᠬᠡᠪᠡ᠂ ᠨᠡᠶᠢᠲᠡ {count} ᠪᠢᠴᠢᠭ᠂ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠢᠯᠡᠭᠡᠵᠦ ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
  'rights.export.copied': m('{count} ᠪᠢᠴᠢᠭ ᠦᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠬᠠᠭᠤᠯᠪᠠ᠂ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠳᠦ ᠨᠠᠭᠠᠵᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠠᠷᠠᠢ᠃'),
  'rights.delete.title': m('ᠳᠠᠩᠰᠠ ᠪᠠᠨ ᠬᠠᠰᠤᠬᠤ'),
  'rights.delete.removed': m('ᠬᠠᠰᠤᠭᠳᠠᠬᠤ ᠨᠢ᠄ ᠬᠢᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ (ᠣᠷᠣᠨ ᠢ ᠨᠢ ᠪᠤᠴᠠᠭᠠᠨ᠎ᠠ)᠂ ᠭᠡᠷ ᠲᠦ ᠢᠷᠡᠬᠦ ᠭᠤᠶᠤᠯᠲᠠ᠂ ᠯᠠᠪᠯᠠᠯᠭ᠎ᠠ᠂ ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠪᠠ ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭᠠᠨ ᠤ ᠪᠦᠷᠢᠳᠬᠡᠯ (ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠶᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠣᠷᠣᠨ᠎ᠠ)᠂ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠦᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ ᠳᠠᠩᠰᠠ ᠥᠪᠡᠷ ᠵᠢᠨᠨ᠃'),
  'rights.delete.kept': m('ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠬᠤ ᠪᠣᠯᠪᠠᠴᠤ ᠨᠡᠷ᠎ᠡ᠂ ᠤᠲᠠᠰᠤ᠂ ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ ᠦᠨ ᠳ᠋ᠤᠭᠠᠷ ᠪᠠ ᠬᠠᠶᠢᠭ ᠢ ᠬᠠᠰᠤᠨ᠎ᠠ᠄ ᠬᠢᠭᠳᠡᠭᠰᠡᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ᠂ ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ ᠭᠡᠷ ᠲᠦ ᠢᠷᠡᠬᠦ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ᠂ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠤ ᠬᠡᠷᠡᠭ᠂ ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠴᠠᠭ᠃ ᠡᠳᠡᠭᠡᠷ ᠢ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ᠃'),
  'rights.delete.staff': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠪᠠ ᠵᠠᠬᠢᠷᠤᠭᠴᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ ᠶᠢ ᠡᠨᠳᠡ ᠬᠠᠰᠤᠬᠤ ᠦᠭᠡᠢ᠂ ᠵᠠᠬᠢᠷᠤᠭᠴᠢ ᠳᠤ ᠬᠠᠨᠳᠤᠭᠠᠷᠠᠢ᠃'),
  'rights.delete.phrase': m('ᠳᠠᠩᠰᠠ ᠪᠠᠨ ᠬᠠᠰᠤᠨ᠎ᠠ'),
  'rights.delete.phraseHint': m('ᠪᠠᠲᠤᠯᠠᠬᠤ ᠳᠤ ᠳᠣᠣᠷ᠎ᠠ "{phrase}" ᠭᠡᠵᠦ ᠣᠷᠣᠭᠤᠯ᠄'),
  'rights.delete.phraseMismatch': m('ᠣᠷᠣᠭᠤᠯᠤᠭᠰᠠᠨ ᠦᠰᠦᠭ ᠲᠣᠬᠢᠷᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠶᠠᠭ "{phrase}" ᠭᠡᠵᠦ ᠣᠷᠣᠭᠤᠯᠤᠭᠠᠷᠠᠢ᠃'),
  'rights.delete.action': m('ᠳᠠᠩᠰᠠ ᠪᠠᠨ ᠬᠠᠰᠤᠬᠤ'),
  'rights.delete.confirmTitle': m('ᠦᠨᠡᠬᠡᠷ ᠬᠠᠰᠤᠬᠤ ᠤᠤ?'),
  'rights.delete.confirmBody': m('ᠬᠠᠰᠤᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠰᠡᠷᠭᠦᠭᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃'),
  'rights.delete.confirm': m('ᠬᠠᠰᠤᠬᠤ'),
  'rights.delete.cancel': m('ᠪᠣᠳᠣᠶ᠎ᠠ'),
  'rights.delete.done': m('ᠳᠠᠩᠰᠠ ᠬᠠᠰᠤᠭᠳᠠᠪᠠ᠄ {removed} ᠪᠢᠴᠢᠭ ᠬᠠᠰᠤᠭᠳᠠᠵᠤ᠂ {kept} ᠪᠢᠴᠢᠭ ᠬᠤᠪᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠦᠭᠡᠢ ᠪᠡᠷ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠃ ᠳᠠᠷᠠᠭ᠎ᠠ ᠨᠡᠭᠡᠭᠡᠬᠦ ᠳᠦ ᠰᠢᠨ᠎ᠡ ᠳᠠᠩᠰᠠ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
  'rights.delete.home': m('ᠨᠢᠭᠤᠷ ᠲᠤ ᠪᠤᠴᠠᠬᠤ'),
  'rights.working': m('ᠬᠢᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠬᠦᠯᠢᠶᠡᠭᠡᠷᠡᠢ᠂ ᠪᠢᠲᠡᠭᠡᠢ ᠬᠠᠭᠠ…'),
  'rights.error.FAILED_PRECONDITION': m('ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠪᠠ ᠵᠠᠬᠢᠷᠤᠭᠴᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ ᠶᠢ ᠡᠨᠳᠡ ᠬᠠᠰᠤᠬᠤ ᠦᠭᠡᠢ᠂ ᠵᠠᠬᠢᠷᠤᠭᠴᠢ ᠳᠤ ᠬᠠᠨᠳᠤᠭᠠᠷᠠᠢ᠃'),
  'rights.error.CONFLICT': m('ᠵᠠᠷᠢᠮ ᠪᠢᠴᠢᠭ ᠶᠠᠭ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠵᠦ ᠪᠠᠶᠢᠭ᠎ᠠ᠂ ᠳᠠᠬᠢᠨ ᠨᠢᠭᠡ ᠳᠠᠷᠤᠪᠠᠯ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠬᠢᠨ᠎ᠡ᠃'),
}
