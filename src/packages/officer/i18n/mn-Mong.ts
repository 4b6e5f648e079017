// Traditional Mongolian for the officer subpackage; like src/i18n/mn-Mong.ts, every entry stays
// `reviewed: false` until a native speaker at the station has checked it.
import type { MongolianEntry } from '../../../i18n'
import type { OfficerMessageKey } from './zh-Hans'

export const officerMnMong: Record<OfficerMessageKey, MongolianEntry> = {
  'workbench.title': { text: 'ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯ ᠤᠨ ᠲᠠᠪᠴᠠᠩ', reviewed: false },
  'workbench.record.title': { text: 'ᠮᠢᠨᠤ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ', reviewed: false },
  'workbench.name': { text: 'ᠨᠡᠷ᠎ᠡ', reviewed: false },
  'workbench.jobTitle': { text: 'ᠠᠯᠪᠠᠨ ᠲᠤᠰᠢᠶᠠᠯ', reviewed: false },
  'workbench.languages': { text: 'ᠠᠵᠢᠯ ᠤᠨ ᠬᠡᠯᠡ', reviewed: false },
  'workbench.empty.title': { text: 'ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠬᠣᠯᠪᠣᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ', reviewed: false },
  'workbench.empty.body': { text: 'ᠵᠠᠬᠢᠷᠤᠭᠴᠢ ᠠᠴᠠ ᠤᠷᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠺᠣᠳ ᠭᠤᠶᠤᠭᠠᠳ᠂ "ᠮᠢᠨᠤ" ᠬᠠᠭᠤᠳᠠᠰᠤ ᠳᠤ ᠣᠷᠣᠭᠤᠯᠪᠠᠯ ᠬᠣᠯᠪᠣᠭᠳᠠᠨ᠎ᠠ᠃', reviewed: false },
  'workbench.empty.action': { text: 'ᠤᠷᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠺᠣᠳ ᠣᠷᠣᠭᠤᠯᠬᠤ', reviewed: false },
  'workbench.dashboard.title': { text: 'ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠲᠣᠭ᠎ᠠ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠬᠠᠪᠲᠠᠰᠤ', reviewed: false },
  'workbench.dashboard.body': { text: 'ᠵᠠᠯᠠᠯᠲᠠ᠂ ᠮᠠᠷᠭᠠᠯᠳᠤᠭᠠᠨ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠪᠠ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠ᠂ ᠮᠡᠳᠡᠭᠳᠡᠯ᠂ ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠴᠠᠭ ᠢ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠠ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠪᠦᠷᠢ ᠦᠵᠡᠬᠦ᠂ ᠭᠠᠷᠭᠠᠬᠤ᠃', reviewed: false },
  'workbench.dashboard.action': { text: 'ᠬᠠᠪᠲᠠᠰᠤ ᠶᠢ ᠨᠡᠭᠡᠭᠡᠬᠦ', reviewed: false },
  'workbench.volunteers.title': { text: 'ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠪᠠ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ', reviewed: false },
  'workbench.volunteers.body': { text: 'ᠥᠷᠭᠡᠳᠬᠡᠯ ᠢ ᠬᠢᠨᠠᠬᠤ᠂ ᠡᠷᠭᠦᠯ ᠵᠡᠷᠭᠡ ᠦᠢᠯᠡ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ᠂ ᠪᠦᠷᠢᠳᠬᠡᠯ᠂ ᠨᠥᠭᠡᠴᠡ᠂ ᠢᠷᠡᠭᠰᠡᠨ ᠪᠠ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠪᠣᠳᠣᠯᠭ᠎ᠠ ᠶᠢ ᠦᠵᠡᠬᠦ᠃', reviewed: false },
  'workbench.volunteers.action': { text: 'ᠣᠷᠣᠬᠤ', reviewed: false },
  'leader.title': { text: 'ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠤᠳᠤᠷᠢᠳᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠪᠴᠠᠩ', reviewed: false },
  'workbench.covered.title': { text: 'ᠮᠢᠨᠤ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ', reviewed: false },
  'workbench.covered.empty': { text: 'ᠣᠳᠣᠬᠠᠨ ᠳᠤ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠬᠤᠪᠢᠶᠠᠷᠢᠯᠠᠭᠳᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠵᠠᠬᠢᠷᠤᠭᠴᠢ ᠬᠠᠷᠢᠶᠠᠯᠠᠯ ᠤᠨ ᠣᠷᠣᠨ ᠢ ᠣᠷᠣᠭᠤᠯᠪᠠᠯ ᠲᠠᠨ ᠤ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠡᠨᠳᠡ ᠭᠠᠷᠴᠤ ᠢᠷᠡᠨ᠎ᠡ᠃', reviewed: false },
  'workbench.covered.asOfficer': { text: 'ᠪᠢ ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ', reviewed: false },
  'workbench.covered.asAuxiliary': { text: 'ᠪᠢ ᠲᠤᠰᠠᠯᠠᠭᠴᠢ ᠴᠠᠭᠳᠠᠭ᠎ᠠ', reviewed: false },
  'workbench.covered.noBoundary': { text: 'ᠬᠢᠯ ᠬᠡᠮᠵᠢᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ', reviewed: false },
  'workbench.covered.officer': { text: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ᠄ {name}', reviewed: false },
  'workbench.covered.auxiliaries': { text: 'ᠲᠤᠰᠠᠯᠠᠭᠴᠢ᠄ {names}', reviewed: false },
  'officer.kind.community': { text: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ', reviewed: false },
  'officer.kind.auxiliary': { text: 'ᠲᠤᠰᠠᠯᠠᠭᠴᠢ ᠴᠠᠭᠳᠠᠭ᠎ᠠ', reviewed: false },
  'officer.kind.leader': { text: 'ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠠᠷᠤᠭ᠎ᠠ', reviewed: false },
}
