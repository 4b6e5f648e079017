// The ways into the requests desk (packages/requests): asking the officer, reporting a tip-off and
// "my requests", one tap each from the home screen and from 我的. Their labels are the only
// requests strings the main package carries, so they live here rather than pulling the requests
// catalog in (as mediation-entry.ts does).
import type { Language } from '../../core/ids'
import type { MongolianEntry } from '../../i18n'

const FILE_PAGE = '/packages/requests/pages/file/index'
export const MY_REQUESTS_PAGE = '/packages/requests/pages/mine/index'

export type RequestsEntry = 'ask' | 'tipOff' | 'fraud' | 'mine'

const N = '\u202F'

const ENTRIES: Record<RequestsEntry, { url: string; zh: string; mn: MongolianEntry }> = {
  ask: { url: `${FILE_PAGE}?kind=consultation`, zh: '向民警咨询、求助', mn: { text: `ᠴᠠᠭᠳᠠᠭ᠎ᠠ${N}ᠠᠴᠠ ᠠᠰᠠᠭᠤᠬᠤ᠂ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠭᠤᠶᠤᠬᠤ`, reviewed: false } },
  tipOff: { url: `${FILE_PAGE}?kind=tip_off`, zh: '线索举报（可匿名）', mn: { text: `ᠰᠤᠷᠠᠭ ᠮᠡᠳᠡᠭᠡ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ (ᠨᠡᠷ᠎ᠡ${N}ᠪᠡᠨ ᠨᠢᠭᠤᠴᠠᠯᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ)`, reviewed: false } },
  fraud: { url: `${FILE_PAGE}?kind=fraud_report`, zh: '举报诈骗', mn: { text: `ᠵᠠᠯᠢᠯᠠᠯᠭ᠎ᠠ${N}ᠶᠢ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ`, reviewed: false } },
  mine: { url: MY_REQUESTS_PAGE, zh: '我的求助与举报', mn: { text: 'ᠮᠢᠨᠤ ᠬᠦᠰᠡᠯᠲᠡ ᠮᠡᠳᠡᠭᠳᠡᠯ', reviewed: false } },
}

export const REQUESTS_ENTRIES: readonly RequestsEntry[] = ['ask', 'tipOff', 'fraud', 'mine']
export const requestsEntryUrl = (entry: RequestsEntry) => ENTRIES[entry].url
export const requestsEntryLabel = (entry: RequestsEntry, language: Language) => (language === 'mn' ? ENTRIES[entry].mn.text : ENTRIES[entry].zh)
