// h5 only: the local demo lets a developer act as any seeded identity. Kept in localStorage so a
// reload keeps the choice. On weapp the identity is always WeChat's own and this returns null.
const KEY = 'fengqiao.demoOpenid'

export const DEMO_IDENTITIES = [
  { openid: 'demo-resident-1', role: 'resident' },
  { openid: 'demo-resident-2', role: 'resident' },
  { openid: 'demo-officer-1', role: 'officer' },
  { openid: 'demo-officer-2', role: 'officer' },
  { openid: 'demo-leader-1', role: 'station_leader' },
  { openid: 'demo-volunteer-1', role: 'volunteer' },
  { openid: 'demo-admin', role: 'admin' },
  // The bureau's second station (巴音宝力格镇派出所).
  { openid: 'demo-officer-bb-1', role: 'officer' },
  { openid: 'demo-leader-bb-1', role: 'station_leader' },
  { openid: 'demo-resident-bb-1', role: 'resident' },
  // The bureau's chief (bureau staff): compares the stations on the dashboard.
  { openid: 'demo-bureau-leader', role: 'bureau_leader' },
] as const

export function getDemoOpenid(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  return window.localStorage.getItem(KEY)
}

export function setDemoOpenid(openid: string | null) {
  if (process.env.TARO_ENV !== 'h5') return
  if (openid) window.localStorage.setItem(KEY, openid)
  else window.localStorage.removeItem(KEY)
}
