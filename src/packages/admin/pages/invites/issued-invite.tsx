// A freshly issued invite: the code large enough to read aloud over the phone, when it expires
// (station time), and a copy button for sending it by message.
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { dayjs, STATION_TIME_ZONE } from '../../../../core/time'
import { usePageToast } from '../../../../components/page-shell'
import { useAdminT } from '../../i18n'

export interface IssuedInviteProps {
  code: string
  expiresAt: string
}

/** Groups of four are easier to read out and type: ABCD 2345. Redeeming ignores the space. */
export const spacedCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')

export function IssuedInvite({ code, expiresAt }: IssuedInviteProps) {
  const t = useAdminT()
  const toast = usePageToast()
  const expires = dayjs(expiresAt).tz(STATION_TIME_ZONE).format('YYYY-MM-DD HH:mm')
  const copy = () =>
    Taro.setClipboardData({ data: code }).then(
      () => toast(t('admin.invite.copied')),
      () => toast(t('admin.invite.copyFailed')),
    )
  return (
    <View className="issued-invite">
      <View className="fq-muted">{t('admin.invite.codeTitle')}</View>
      <View className="fq-horizontal issued-invite-code">{spacedCode(code)}</View>
      <View className="fq-text issued-invite-expiry">{t('admin.invite.expires', { time: expires })}</View>
      <View className="fq-muted fq-note">{t('admin.invite.hint')}</View>
      <View className="fq-actions">
        <Button className="issued-invite-copy" type="primary" onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </View>
    </View>
  )
}
