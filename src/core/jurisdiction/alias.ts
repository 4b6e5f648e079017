// Address text normalization shared by the import check (ambiguous aliases) and routing (alias
// match). Herders write the same place many ways: "巴音布拉格嘎查", "巴音布拉格 ", "巴音布拉格村",
// full-width letters from a phone keyboard, Mongolian with or without variation selectors.

/** Administrative suffixes stripped from the end: 嘎查 (gacha), 社区, 村, 队, and gacha/community in Mongolian script. */
const SUFFIXES = ['嘎查', '社区', '村', '队', 'ᠭᠠᠴᠠᠭᠠ', 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ', 'ᠬᠣᠷᠢᠶᠠ']

// Spaces of every width, Mongolian free variation selectors and vowel separator (U+180B–U+180F),
// narrow no-break space used before Mongolian case suffixes (U+202F), zero-width joiners.
const IGNORED = /[\s\u180B-\u180F\u202F\u200B-\u200D\uFEFF]/g

/** Width- and case-folded text without spaces and without one trailing administrative suffix. */
export function normalizeAddress(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(IGNORED, '')
  for (const suffix of SUFFIXES) {
    if (folded.length > suffix.length && folded.endsWith(suffix)) return folded.slice(0, -suffix.length)
  }
  return folded
}

/** Shorter aliases would match inside unrelated text ("井" is in every well name). */
export const MIN_ALIAS_LENGTH = 2
