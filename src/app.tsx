// The app root: one session for every page, the Mongolian font, WeChat's privacy hook and the
// outbox of what waits to be sent.
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { SessionProvider } from './services/session'
import { loadMongolianFont } from './services/mongolian-font'
import { listenForWechatPrivacyRequests } from './services/wechat-privacy'
import { startOutbox } from './services/outbox'
import './app.css'

// h5 bundles the font (only its Mongolian subset); Taro drops this branch from the weapp build,
// which downloads the font at launch instead (mongolian-font.ts).
if (process.env.TARO_ENV === 'h5') {
  require('@fontsource/noto-sans-mongolian/mongolian-400.css')
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    loadMongolianFont()
    listenForWechatPrivacyRequests()
    // What was submitted without a connection goes out now and whenever the network returns.
    startOutbox()
  })
  return <SessionProvider>{children}</SessionProvider>
}

export default App
