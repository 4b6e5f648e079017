// Traditional Mongolian (mn-Mong) catalog. Every entry carries `reviewed`: false until a native
// speaker at the station has checked it, so reviewers can find what still needs them.
import type { MessageKey } from './zh-Hans'

export interface MongolianEntry {
  text: string
  reviewed: boolean
}

export const mnMong: Record<MessageKey, MongolianEntry> = {
  'app.name': { text: 'ᠹᠧᠩᠴᠢᠶᠣᠤ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ', reviewed: false },
  'error.INVALID_ARGUMENT': { text: 'ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠪᠤᠷᠤᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠤᠯᠠᠭᠠᠨ ᠵᠦᠢᠯ ᠢ ᠰᠢᠯᠭᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠢᠯᠡᠭᠡᠭᠡᠷᠡᠢ᠃', reviewed: false },
  'error.UNAUTHENTICATED': { text: 'ᠨᠡᠪᠲᠡᠷᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠵᠢᠵᠢᠭ ᠫᠷᠦᠭᠷᠡᠮ ᠢ ᠳᠠᠬᠢᠨ ᠨᠡᠭᠡᠭᠡᠷᠡᠢ᠃', reviewed: false },
  'error.PERMISSION_DENIED': { text: 'ᠲᠠ ᠡᠨᠡ ᠠᠵᠢᠯ ᠢ ᠬᠢᠬᠦ ᠡᠷᠬᠡ ᠦᠭᠡᠢ᠂ ᠬᠣᠷᠢᠶ᠎ᠠ ᠶᠢᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠭᠠᠷᠠᠢ᠃', reviewed: false },
  'error.NOT_FOUND': { text: 'ᠬᠠᠮᠢᠶᠠᠲᠠᠢ ᠪᠢᠴᠢᠯᠭᠡ ᠤᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃', reviewed: false },
  'error.CONFLICT': { text: 'ᠪᠤᠰᠤᠳ ᠬᠦᠮᠦᠨ ᠳᠤᠷᠤᠢᠯᠠᠨ ᠠᠪᠤᠯ᠎ᠠ᠂ ᠰᠢᠨᠡᠳᠬᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠲᠤᠷᠰᠢᠭᠠᠷᠠᠢ᠃', reviewed: false },
  'error.FAILED_PRECONDITION': { text: 'ᠣᠳᠣᠬᠠᠨ ᠪᠠᠢᠳᠠᠯ ᠳᠤ ᠬᠢᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠂ ᠵᠢᠭᠠᠭᠠᠷᠢ ᠶᠢᠨ ᠳᠠᠭᠠᠤ ᠬᠢᠭᠡᠷᠡᠢ᠃', reviewed: false },
  'error.RESOURCE_EXHAUSTED': { text: 'ᠣᠷᠣᠨ ᠳᠦᠭᠦᠷᠴᠡᠢ ᠡᠰᠡᠬᠦᠯ᠎ᠡ ᠬᠡᠲᠦ ᠣᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ᠂ ᠲᠦᠷ ᠬᠦᠯᠢᠶᠡᠭᠡᠳ ᠲᠤᠷᠰᠢᠭᠠᠷᠠᠢ᠃', reviewed: false },
  'error.INTERNAL': { text: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠳᠤ ᠠᠰᠠᠭᠤᠳᠠᠯ ᠭᠠᠷᠪᠠ᠂ ᠲᠦᠷ ᠬᠦᠯᠢᠶᠡᠭᠡᠳ ᠲᠤᠷᠰᠢᠭᠠᠷᠠᠢ᠃ ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ ᠪᠣᠯ 110 ᠳᠤ ᠵᠠᠯᠠᠭᠠᠷᠠᠢ᠃', reviewed: false },
}
