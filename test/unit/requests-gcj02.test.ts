// A position picked on WeChat's map (GCJ-02) reaches routing in WGS-84, the boundaries' datum.
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../src/packages/requests/gcj02'

describe('gcj02ToWgs84', () => {
  it('undoes the offset of a point in the demo station (巴音布拉格嘎查) to under a centimetre', () => {
    const truth = { lng: 108.2875, lat: 41.4862 }
    const picked = wgs84ToGcj02(truth)
    // The offset itself is hundreds of metres here: enough to matter at a gacha boundary.
    expect(Math.abs(picked.lng - truth.lng) + Math.abs(picked.lat - truth.lat)).toBeGreaterThan(0.001)
    const back = gcj02ToWgs84(picked)
    expect(Math.abs(back.lng - truth.lng)).toBeLessThan(1e-7)
    expect(Math.abs(back.lat - truth.lat)).toBeLessThan(1e-7)
  })
})
