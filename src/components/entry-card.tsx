// A way into one area of the app (workbench, volunteer centre…): what it is, and one button.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SectionCard } from './section-card'

export interface EntryCardProps {
  className: string
  title: string
  description: string
  actionLabel: string
  /** An existing page, e.g. `/packages/officer/pages/workbench/index`. */
  url: string
}

export function EntryCard({ className, title, description, actionLabel, url }: EntryCardProps) {
  return (
    <SectionCard className={`fq-entry ${className}`} title={title} tone="police">
      <View className="fq-text">{description}</View>
      <View className="fq-actions">
        <Button className="fq-entry-action" type="primary" onClick={() => Taro.navigateTo({ url })}>
          {actionLabel}
        </Button>
      </View>
    </SectionCard>
  )
}
