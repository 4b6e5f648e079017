// A titled block of a screen. In Chinese the cards stack downwards; in Mongolian each card is a
// set of vertical columns and the cards follow each other to the right.
import type { PropsWithChildren, ReactNode } from 'react'
import { View } from '@tarojs/components'

export interface SectionCardProps extends PropsWithChildren {
  title?: ReactNode
  /** Extra class, e.g. a stable `role-home-officer` for tests. */
  className?: string
  tone?: 'plain' | 'alarm' | 'police'
}

export function SectionCard({ title, className, tone = 'plain', children }: SectionCardProps) {
  return (
    <View className={['fq-card', `fq-card-${tone}`, className ?? ''].join(' ')}>
      {title ? <View className="fq-card-title">{title}</View> : null}
      {children}
    </View>
  )
}
