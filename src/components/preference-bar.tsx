// Language and elder mode together: the two settings a person may need before they can read
// anything else, so the home and "me" both show them.
import { SectionCard } from './section-card'
import { ElderModeSwitch } from './elder-mode-switch'
import { LanguageSwitch } from './language-switch'

export function PreferenceBar() {
  return (
    <SectionCard className="preference-bar">
      <LanguageSwitch />
      <ElderModeSwitch />
    </SectionCard>
  )
}
