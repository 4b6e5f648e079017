// The home's way into booking (packages/booking). The label is the only booking string the main
// package carries, so it lives here rather than pulling the booking catalog into the main package.
import type { Language } from '../../core/ids'
import type { MongolianEntry } from '../../i18n'

export const BOOKING_PAGE = '/packages/booking/pages/index/index'

const LABEL: { zh: string; mn: MongolianEntry } = {
  zh: '预约办理户政业务',
  mn: { text: 'ᠠᠶᠢᠯ ᠥᠷᠬᠡ ᠶᠢᠨ ᠠᠵᠢᠯ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ', reviewed: false },
}

export const bookingEntryLabel = (language: Language) => (language === 'mn' ? LABEL.mn.text : LABEL.zh)
