// Latin transliteration of traditional Mongolian for the review sheet (the scholarly convention
// of Inner Mongolian dictionaries: q/γ before back vowels, k/g before front ones; č ǰ š; the
// suffix separator U+202F and the vowel separator U+180E shown as "-").
import { stemOf } from './rules'

const LETTERS: Record<string, string> = {
  ᠠ: 'a', ᠡ: 'e', ᠢ: 'i', ᠣ: 'o', ᠤ: 'u', ᠥ: 'ö', ᠦ: 'ü', ᠧ: 'ē', ᠨ: 'n', ᠩ: 'ng', ᠪ: 'b', ᠫ: 'p',
  ᠮ: 'm', ᠯ: 'l', ᠰ: 's', ᠱ: 'š', ᠲ: 't', ᠳ: 'd', ᠴ: 'č', ᠵ: 'ǰ', ᠶ: 'y', ᠷ: 'r', ᠸ: 'w', ᠹ: 'f',
  ᠺ: 'k', ᠻ: 'k', ᠼ: 'ts', ᠽ: 'z', ᠾ: 'h', ᠿ: 'zh', ᡀ: 'lh', ᡁ: 'zhi', ᡂ: 'chi',
  '᠂': ',', '᠃': '.', '᠄': ':', '\u202F': '-', '\u180E': '-',
}

export function transliterate(text: string): string {
  return text.replace(/[\u1820-\u18AA\u180B-\u180E]+/g, (word) => {
    const back = stemOf(word).harmony === 'back'
    return [...word.replace(/[\u180B-\u180D]/g, '')]
      .map((c) => (c === 'ᠬ' ? (back ? 'q' : 'k') : c === 'ᠭ' ? (back ? 'γ' : 'g') : (LETTERS[c] ?? c)))
      .join('')
  }).replace(/[\u202F᠂᠃᠄]/g, (c) => LETTERS[c])
}
