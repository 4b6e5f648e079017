// A notice opened from a share card in a WeChat group chat: the chat's identity comes from
// wx.getGroupEnterInfo as a cloudID, which travels in callFunction data as Taro.cloud.CloudID and
// reaches the function resolved ({ cloudID, data: { opengid } }). Only weapp has group chats.
import Taro from '@tarojs/taro'
import type { GroupChat } from '../../core/notices/contract'

/** The chat this page was opened from, as the cloud will resolve it; null when not from a group chat. */
export function groupChatOfEntry(): Promise<GroupChat | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null)
  // Only a card opened inside a group chat carries a shareTicket; getGroupEnterInfo reads that launch.
  if (!Taro.getEnterOptionsSync().shareTicket) return Promise.resolve(null)
  return Taro.getGroupEnterInfo({}).then(
    (info) => {
      const cloudID = (info as { cloudID?: unknown }).cloudID
      // The client sends the CloudID marker; the cloud replaces it with the resolved shape the
      // contract parses, so the marker only has to pass the client's types.
      return typeof cloudID === 'string' ? (Taro.cloud.CloudID(cloudID) as unknown as GroupChat) : null
    },
    () => null,
  )
}

/** Share cards carry a ticket so the chat they land in can be recognised when opened. */
export function enableShareWithTicket() {
  if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined)
}
