// The Mongolian glossary: one vetted spelling for each core term of the product, with the
// variants that are banned. The lint (scripts/mongolian) fails on a banned variant anywhere in
// the repository, and the fixer replaces it with the vetted form, so every package says
// "community", "police" or "cancel" the same way.
//
// Sources, honestly: this glossary was written without internet access. Each term says what it
// rests on — `im-usage`: the spelling the author knows from Inner Mongolian written usage
// (government notices, textbooks, Menksoft/Kylin localisations) but could NOT check against a
// published page while writing; `unicode-notes`: checked against r12a's Mongolian orthography
// notes (https://r12a.github.io/scripts/mong/mn.html, found through the project's search tool);
// `unverified`: a choice between competing forms that a native reviewer must confirm. `verified`
// is true only where a published text was actually read. Everything here still needs the native
// reviewer (docs/mongolian.md, review workflow).

export type GlossarySource = 'im-usage' | 'unicode-notes' | 'unverified'

export interface BannedVariant {
  /** The wrong spelling, with plain spaces between its words (any separator matches). */
  form: string
  /** What the fixer writes instead; the term's vetted form when left out. */
  use?: string
  /** `prefix`: the variant also bans the words that start with it (verb stems). */
  match?: 'word' | 'prefix'
  why: string
}

export interface GlossaryTerm {
  id: string
  zh: string
  en: string
  /** The vetted Mongolian, with plain spaces; suffixes inside it are joined with U+202F. */
  mn: string
  /** Latin transliteration (Inner Mongolian scholarly convention: γ = ᠭ before back vowels, q = ᠬ). */
  latin: string
  source: GlossarySource
  verified: boolean
  note?: string
  banned: BannedVariant[]
}

const NNBSP = '\u202F'

export const GLOSSARY: GlossaryTerm[] = [
  {
    id: 'police',
    zh: '警察 / 民警',
    en: 'police, police officer',
    mn: 'ᠴᠠᠭᠳᠠᠭ᠎ᠠ',
    latin: 'čaγdaγ-a',
    source: 'im-usage',
    verified: false,
    banned: [
      { form: 'ᠴᠢᠭᠳᠠᠭᠠᠴᠢ', why: 'not a word: a cross of ᠴᠠᠭᠳᠠᠭ᠎ᠠ and an agent suffix' },
      { form: 'ᠴᠢᠭᠳᠠᠭᠠᠨ', why: 'not a word (ᠴᠠᠭᠳᠠᠭ᠎ᠠ)' },
    ],
  },
  {
    id: 'police-station',
    zh: '警务站 / 派出所',
    en: 'police station',
    mn: `ᠴᠠᠭᠳᠠᠭ᠎ᠠ${NNBSP}ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ`,
    latin: 'čaγdaγ-a-yin salburi',
    source: 'im-usage',
    verified: false,
    note: 'ᠰᠠᠯᠪᠤᠷᠢ ("branch, station") alone names the station once the context is clear.',
    banned: [],
  },
  {
    id: 'community',
    zh: '社区',
    en: 'community (urban residential community)',
    mn: 'ᠬᠣᠷᠣᠭᠠᠯᠠᠩ',
    latin: 'qoroγalang',
    source: 'im-usage',
    verified: false,
    note: 'Takes ᠤᠨ, ᠢ, ᠳᠤ, ᠢᠶᠠᠷ (consonant stem, back vowels).',
    banned: [
      { form: 'ᠬᠣᠷᠢᠶ᠎ᠠ', why: 'ᠬᠣᠷᠢᠶ᠎ᠠ is "yard" and, in government texts, "committee"; 社区 is ᠬᠣᠷᠣᠭᠠᠯᠠᠩ' },
      { form: 'ᠬᠣᠷᠢᠶᠠ', why: 'ᠬᠣᠷᠢᠶ᠎ᠠ without its vowel separator; 社区 is ᠬᠣᠷᠣᠭᠠᠯᠠᠩ' },
    ],
  },
  {
    id: 'community-officer',
    zh: '社区民警',
    en: 'community police officer',
    mn: `ᠬᠣᠷᠣᠭᠠᠯᠠᠩ${NNBSP}ᠤᠨ ᠴᠠᠭᠳᠠᠭ᠎ᠠ`,
    latin: 'qoroγalang-un čaγdaγ-a',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'gacha',
    zh: '嘎查',
    en: 'gacha (pastoral village)',
    mn: 'ᠭᠠᠴᠠᠭ᠎ᠠ',
    latin: 'γačaγ-a',
    source: 'im-usage',
    verified: false,
    banned: [{ form: 'ᠭᠠᠴᠠᠭᠠ', why: 'the final ᠠ is separated by U+180E (ᠭᠠᠴᠠᠭ᠎ᠠ)' }],
  },
  {
    id: 'household-registration',
    zh: '户籍',
    en: 'household registration',
    mn: `ᠠᠶᠢᠯ ᠥᠷᠬᠡ${NNBSP}ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ`,
    latin: 'ayil örke-yin büridkel',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'id-card',
    zh: '身份证',
    en: 'ID card',
    mn: `ᠪᠡᠶ᠎ᠡ${NNBSP}ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ`,
    latin: 'beye-yin ünemlel',
    source: 'im-usage',
    verified: false,
    banned: [
      { form: 'ᠢᠷᠭᠡᠨ ᠦ ᠦᠨᠡᠮᠯᠡᠬᠦ', why: 'ᠦᠨᠡᠮᠯᠡᠬᠦ is the verb "to certify"; the card is ᠪᠡᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ' },
      { form: 'ᠢᠷᠭᠡᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ', use: `ᠪᠡᠶ᠎ᠡ${NNBSP}ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠯ${NNBSP}ᠦᠨ ᠳ᠋ᠤᠭᠠᠷ`, why: 'the ID number is the number of the ID card' },
    ],
  },
  {
    id: 'number',
    zh: '号码 / 编号',
    en: 'number (phone, ID, code)',
    mn: 'ᠳ᠋ᠤᠭᠠᠷ',
    latin: 'duγar',
    source: 'im-usage',
    verified: false,
    note: 'Consonant stem ending in ᠷ: ᠳ᠋ᠤᠭᠠᠷ ᠤᠨ, ᠳ᠋ᠤᠭᠠᠷ ᠢ, ᠳ᠋ᠤᠭᠠᠷ ᠲᠤ.',
    banned: [{ form: 'ᠨᠣᠮᠧᠷ', why: 'Khalkha номер spelled in the traditional script; Inner Mongolian writes ᠳ᠋ᠤᠭᠠᠷ' }],
  },
  {
    id: 'appointment',
    zh: '预约',
    en: 'appointment, booking',
    mn: 'ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ',
    latin: 'jaqiyalγ-a',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'counter',
    zh: '窗口',
    en: 'service counter',
    mn: 'ᠴᠣᠩᠬᠣ',
    latin: 'čongqu',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'door-to-door',
    zh: '上门服务',
    en: 'door-to-door visit',
    mn: `ᠭᠡᠷ${NNBSP}ᠲᠦ ᠢᠷᠡᠵᠦ ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ`,
    latin: 'ger-tü ireǰü üyilečilekü',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'mediation',
    zh: '调解',
    en: 'mediation',
    mn: 'ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ',
    latin: 'eblereγülkü',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'dispute',
    zh: '矛盾纠纷',
    en: 'dispute',
    mn: 'ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ',
    latin: 'jöričel marγaγan',
    source: 'im-usage',
    verified: false,
    banned: [{ form: 'ᠮᠠᠷᠭᠤᠭᠠᠨ', use: 'ᠮᠠᠷᠭᠠᠭᠠᠨ', match: 'prefix', why: 'misspelling of ᠮᠠᠷᠭᠠᠭᠠᠨ "dispute"' }],
  },
  {
    id: 'volunteer',
    zh: '志愿者',
    en: 'volunteer',
    mn: `ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ${NNBSP}ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ`,
    latin: 'sayin dur-a-yin aǰiltan',
    source: 'im-usage',
    verified: false,
    banned: [{ form: 'ᠰᠠᠢᠨ ᠳᠤᠷᠠᠰᠢᠭᠴᠢ', why: 'a second coinage for the same role; use ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ' }],
  },
  {
    id: 'notice',
    zh: '通知 / 警务通知',
    en: 'notice',
    mn: 'ᠮᠡᠳᠡᠭᠳᠡᠯ',
    latin: 'medegdel',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'warning',
    zh: '预警 / 警示',
    en: 'warning',
    mn: 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠭᠦᠯᠭᠡ',
    latin: 'seremǰilegülge',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'anti-fraud',
    zh: '反诈',
    en: 'anti-fraud',
    mn: `ᠵᠠᠯᠢᠯᠠᠩ${NNBSP}ᠤᠨ ᠡᠰᠡᠷᠭᠦ`,
    latin: 'ǰalilang-un esergü',
    source: 'im-usage',
    verified: false,
    note: 'ᠵᠠᠯᠢᠯᠠᠩ "fraud"; a fraud is also ᠬᠤᠤᠷᠮᠠᠭ in everyday speech.',
    banned: [],
  },
  {
    id: 'emergency',
    zh: '紧急',
    en: 'emergency, urgent',
    mn: 'ᠶᠠᠭᠠᠷᠠᠯᠲᠠᠢ',
    latin: 'yaγaraltai',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'call-110',
    zh: '拨打110',
    en: 'call 110 (phone)',
    mn: `110 ᠳ᠋ᠤᠭᠠᠷ${NNBSP}ᠲᠤ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠬᠤ`,
    latin: '110 dugar-tu utasu ǰalγaqu',
    source: 'im-usage',
    verified: false,
    note: 'No suffix directly on the number: the suffix goes on ᠳ᠋ᠤᠭᠠᠷ "number".',
    banned: [{ form: 'ᠵᠠᠯᠠᠭᠠᠷᠠᠢ', use: 'ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ', why: 'ᠵᠠᠯᠠᠭᠠᠷᠠᠢ is "please invite"; a phone call is ᠵᠠᠯᠭᠠᠭᠠᠷᠠᠢ' }],
  },
  {
    id: 'privacy',
    zh: '隐私',
    en: 'privacy',
    mn: `ᠬᠤᠪᠢ${NNBSP}ᠶᠢᠨ ᠨᠢᠭᠤᠴᠠ`,
    latin: 'qubi-yin niγuča',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'satisfied',
    zh: '满意',
    en: 'satisfied',
    mn: 'ᠰᠡᠳᠬᠢᠯ ᠬᠠᠩᠭᠠᠯᠲᠠᠢ',
    latin: 'sedkil qangγaltai',
    source: 'im-usage',
    verified: false,
    note: 'ᠩ is never followed by a vowel: ᠬᠠᠩᠭᠠ- with ᠩᠭ.',
    banned: [
      { form: 'ᠬᠠᠩᠤᠭᠰᠠᠨ', use: 'ᠬᠠᠩᠭᠠᠯᠲᠠᠢ', why: 'ᠩ before a vowel cannot be written; "satisfied" is ᠬᠠᠩᠭᠠᠯᠲᠠᠢ' },
      { form: 'ᠬᠠᠩᠤᠯᠲᠠ', use: 'ᠬᠠᠩᠭᠠᠯᠲᠠ', match: 'prefix', why: 'ᠩ before a vowel cannot be written; "satisfaction" is ᠬᠠᠩᠭᠠᠯᠲᠠ' },
    ],
  },
  {
    id: 'cancel',
    zh: '取消',
    en: 'cancel',
    mn: 'ᠪᠣᠯᠢᠭᠤᠯᠬᠤ',
    latin: 'boliγulqu',
    source: 'unverified',
    verified: false,
    note: 'The causative of ᠪᠣᠯᠢᠬᠤ "stop": "make it stop" = cancel a booking. The button alone may say ᠪᠣᠯᠢᠬᠤ. The three earlier spellings are replaced; a reviewer must confirm this choice.',
    banned: [
      { form: 'ᠪᠣᠯᠢᠴᠠᠬᠤ', use: 'ᠪᠣᠯᠢᠬᠤ', why: 'not a word; the Cancel button says ᠪᠣᠯᠢᠬᠤ' },
      { form: 'ᠪᠣᠯᠢᠬᠠᠬᠤ', use: 'ᠪᠣᠯᠢᠭᠤᠯᠬᠤ', why: 'one spelling of "cancel": ᠪᠣᠯᠢᠭᠤᠯᠬᠤ' },
      { form: 'ᠪᠣᠯᠢᠬᠠᠭᠳᠠᠪᠠ', use: 'ᠪᠣᠯᠢᠭᠤᠯᠤᠭᠳᠠᠪᠠ', why: 'one spelling of "cancel": ᠪᠣᠯᠢᠭᠤᠯ-' },
      { form: 'ᠪᠣᠯᠢᠬᠠᠭᠳᠠᠭᠰᠠᠨ', use: 'ᠪᠣᠯᠢᠭᠤᠯᠤᠭᠳᠠᠭᠰᠠᠨ', why: 'one spelling of "cancel": ᠪᠣᠯᠢᠭᠤᠯ-' },
      { form: 'ᠪᠣᠯᠢᠬᠠᠵᠤ', use: 'ᠪᠣᠯᠢᠭᠤᠯᠵᠤ', why: 'one spelling of "cancel": ᠪᠣᠯᠢᠭᠤᠯ-' },
      { form: 'ᠪᠣᠯᠢᠬᠠᠪᠠᠯ', use: 'ᠪᠣᠯᠢᠭᠤᠯᠪᠠᠯ', why: 'one spelling of "cancel": ᠪᠣᠯᠢᠭᠤᠯ-' },
      { form: 'ᠪᠣᠯᠢᠬᠠᠭᠠᠷᠠᠢ', use: 'ᠪᠣᠯᠢᠭᠤᠯᠤᠭᠠᠷᠠᠢ', why: 'one spelling of "cancel": ᠪᠣᠯᠢᠭᠤᠯ-' },
    ],
  },
  {
    id: 'confirm',
    zh: '确认',
    en: 'confirm',
    mn: 'ᠪᠠᠲᠤᠯᠠᠬᠤ',
    latin: 'batulaqu',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'submit',
    zh: '提交',
    en: 'submit',
    mn: 'ᠲᠤᠰᠢᠶᠠᠬᠤ',
    latin: 'tušiyaqu',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'settings',
    zh: '设置',
    en: 'settings',
    mn: 'ᠲᠣᠬᠢᠷᠭᠤᠯ᠎ᠠ',
    latin: 'toqirγul-a',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'request',
    zh: '诉求 / 求助',
    en: 'request (for help)',
    mn: 'ᠭᠤᠶᠤᠯᠲᠠ',
    latin: 'γuyulta',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'tip-off',
    zh: '举报',
    en: 'tip-off, report to the police',
    mn: 'ᠮᠡᠳᠡᠭᠦᠯᠬᠦ',
    latin: 'medegülkü',
    source: 'unverified',
    verified: false,
    banned: [],
  },
  {
    id: 'complaint',
    zh: '投诉',
    en: 'complaint',
    mn: 'ᠭᠣᠮᠳᠠᠯ',
    latin: 'γomdal',
    source: 'im-usage',
    verified: false,
    banned: [],
  },
  {
    id: 'device',
    zh: '设备 / 手机',
    en: 'device (phone)',
    mn: 'ᠭᠠᠷ ᠤᠲᠠᠰᠤ',
    latin: 'γar utasu',
    source: 'im-usage',
    verified: false,
    note: 'The app runs on a phone: "this phone" is clearer to a herder than "this device".',
    banned: [{ form: 'ᠲᠥᠬᠥᠥᠷᠥᠮᠵᠢ', why: 'Khalkha төхөөрөмж spelled in the traditional script' }],
  },
  {
    id: 'last',
    zh: '最近',
    en: 'last (the last 30 days)',
    mn: 'ᠰᠡᠭᠦᠯ',
    latin: 'segül',
    source: 'im-usage',
    verified: false,
    banned: [{ form: 'ᠰᠦᠦᠯᠴᠢ', use: 'ᠰᠡᠭᠦᠯᠴᠢ', why: 'Khalkha сүүлч spelled in the traditional script; written Mongolian has ᠰᠡᠭᠦᠯ' }],
  },
  {
    id: 'be',
    zh: '是 / 在',
    en: 'is, to be (auxiliary)',
    mn: 'ᠪᠠᠶᠢᠨ᠎ᠠ',
    latin: 'bayin-a',
    source: 'im-usage',
    verified: false,
    note: 'One spelling for the stem ᠪᠠᠶᠢ- and its forms (ᠪᠠᠶᠢᠭ᠎ᠠ, ᠪᠠᠶᠢᠳᠠᠯ, ᠪᠠᠶᠢᠬᠤ).',
    banned: [{ form: 'ᠪᠠᠢ', use: 'ᠪᠠᠶᠢ', match: 'prefix', why: 'the stem is written ᠪᠠᠶᠢ- (one spelling across the packages)' }],
  },
  {
    id: 'publish',
    zh: '发布',
    en: 'publish',
    mn: 'ᠨᠡᠶᠢᠲᠡᠯᠡᠬᠦ',
    latin: 'neyitelekü',
    source: 'im-usage',
    verified: false,
    banned: [{ form: 'ᠨᠡᠢᠲᠡ', use: 'ᠨᠡᠶᠢᠲᠡ', match: 'prefix', why: 'the stem is written ᠨᠡᠶᠢᠲᠡ- (one spelling across the packages)' }],
  },
  {
    id: 'good',
    zh: '好 / 志愿（善）',
    en: 'good',
    mn: 'ᠰᠠᠶᠢᠨ',
    latin: 'sayin',
    source: 'im-usage',
    verified: false,
    banned: [{ form: 'ᠰᠠᠢᠨ', use: 'ᠰᠠᠶᠢᠨ', why: 'one spelling: ᠰᠠᠶᠢᠨ' }],
  },
]
