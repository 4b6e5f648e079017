// Asking the officer, reporting a tip-off or fraud, and "my requests": one tap each, on the home
// screen, on "Me" and under the community officer's card (the class names carry the place, so
// tests tell them apart).
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useSession } from '../../services/session'
import { REQUESTS_ENTRIES, requestsEntryLabel, requestsEntryUrl } from './requests-entry'

export function RequestsButtons({ place }: { place: 'home' | 'me' | 'community' }) {
  const { language } = useSession()
  return (
    <View className={`fq-actions ${place}-requests`}>
      {REQUESTS_ENTRIES.map((entry) => (
        <Button
          key={entry}
          className={`${place}-open-requests-${entry}`}
          type={entry === 'mine' ? 'default' : 'primary'}
          onClick={() => Taro.navigateTo({ url: requestsEntryUrl(entry) })}
        >
          {requestsEntryLabel(entry, language)}
        </Button>
      ))}
    </View>
  )
}
