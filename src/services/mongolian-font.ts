// Traditional Mongolian needs a font that joins the script and sets it in vertical columns; phones
// rarely ship one. h5 bundles @fontsource (imported in app.tsx, h5 branch only). The mini-program
// downloads it at launch instead, so the ~84 KB font never counts against the 2 MB main package.
import Taro from '@tarojs/taro'

export const MONGOLIAN_FONT_FAMILY = 'Noto Sans Mongolian'

/**
 * Public HTTPS address of the font for weapp. To deploy: upload
 * node_modules/@fontsource/noto-sans-mongolian/files/noto-sans-mongolian-mongolian-400-normal.woff2
 * to the cloud environment's storage as fonts/noto-sans-mongolian-400.woff2, make the file
 * publicly readable, paste its download URL here, and add that host to the mini-program's
 * downloadFile domain list (mp.weixin.qq.com › 开发管理 › 服务器域名).
 */
export const MONGOLIAN_FONT_URL = 'https://636c-fengqiao-prod-0g1a2b3c-1300000000.tcb.qcloud.la/fonts/noto-sans-mongolian-400.woff2'

export function loadMongolianFont() {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.loadFontFace({
    global: true,
    family: MONGOLIAN_FONT_FAMILY,
    source: `url("${MONGOLIAN_FONT_URL}")`,
    // A failed download leaves the system font; Mongolian may then show as boxes, so say so in the log.
    fail: (res) => console.warn('Mongolian font did not load', res.errMsg),
  })
}
