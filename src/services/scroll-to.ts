// Brings the next step of a form into view after a choice (a booking's time, say), so nobody has
// to scroll past 26 time buttons to find the form. In Mongolian the page scrolls sideways inside
// its root, which only the browser's scrollIntoView follows; WeChat scrolls the page vertically.
import Taro from '@tarojs/taro'

export function scrollToSelector(selector: string) {
  if (process.env.TARO_ENV === 'h5') {
    document.querySelector(selector)?.scrollIntoView({ behavior: 'smooth', block: 'start', inline: 'start' })
    return
  }
  Taro.pageScrollTo({ selector, duration: 300 }).catch(() => undefined)
}
