// The home's way into dispute mediation (packages/mediation). The label is the only mediation
// string the main package carries, so it lives here rather than pulling the mediation catalog in.
import type { Language } from '../../core/ids'
import type { MongolianEntry } from '../../i18n'

export const MEDIATION_PAGE = '/packages/mediation/pages/index/index'

const LABEL: { zh: string; mn: MongolianEntry } = {
  zh: '矛盾纠纷调解',
  mn: { text: 'ᠵᠥᠷᠢᠴᠡᠯ ᠮᠠᠷᠭᠠᠭᠠᠨ ᠢ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ', reviewed: false },
}

export const mediationEntryLabel = (language: Language) => (language === 'mn' ? LABEL.mn.text : LABEL.zh)
