// Traditional Mongolian for the volunteer subpackage; every entry stays `reviewed: false` until a
// native speaker at the station has checked it.
import type { MongolianEntry } from '../../../i18n'
import type { VolunteerMessageKey } from './zh-Hans'

export const volunteerMnMong: Record<VolunteerMessageKey, MongolianEntry> = {
  'volunteer.title': { text: 'ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠲᠥᠪ', reviewed: false },
  'volunteer.intro': { text: 'ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡ ᠳᠦ ᠣᠷᠣᠯᠴᠠᠭᠰᠠᠨ ᠲᠠᠨ ᠳᠤ ᠪᠠᠶᠠᠷᠯᠠᠯ᠎ᠠ᠃ ᠡᠷᠭᠦᠯ᠂ ᠵᠠᠯᠢᠯᠠᠩ ᠤᠨ ᠡᠰᠡᠷᠭᠦ ᠰᠤᠷᠲᠠᠯᠴᠢᠯᠭ᠎ᠠ᠂ ᠠᠶᠢᠯᠴᠢᠯᠠᠵᠤ ᠲᠤᠰᠠᠯᠠᠬᠤ ᠵᠡᠷᠭᠡ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠶᠢ ᠪᠠᠭ ᠤᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠡᠨᠳᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨ᠎ᠡ᠃', reviewed: false },
  'volunteer.empty.title': { text: 'ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ', reviewed: false },
  'volunteer.empty.body': { text: 'ᠣᠳᠣᠬᠠᠨ᠎ᠳᠤ ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠂ ᠪᠠᠭ ᠤᠨ ᠳᠠᠷᠤᠭ᠎ᠠ ᠨᠡᠶᠢᠲᠡᠯᠡᠪᠡᠯ ᠡᠨᠳᠡ ᠭᠠᠷᠴᠤ ᠢᠷᠡᠨ᠎ᠡ᠃', reviewed: false },
}
