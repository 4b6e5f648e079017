// A Taro Canvas (type 2d) that F2 draws on. weapp hands out the canvas node through a selector
// query; on h5 Taro renders the element with a DOM canvas inside. Either way F2 gets the node's
// 2d context, sized by the device pixel ratio so lines stay sharp. The height is the one given
// (the element's first layout may still be the canvas default); the width is measured.
import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Canvas as TaroCanvas } from '@tarojs/components'
import { Canvas } from '@antv/f2'

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

interface Surface {
  node: CanvasNode
  width: number
}

function surfaceOf(id: string): Promise<Surface | null> {
  if (process.env.TARO_ENV === 'h5') {
    const node = document.getElementById(id)?.querySelector('canvas') ?? null
    return Promise.resolve(node ? { node, width: node.getBoundingClientRect().width } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode; width: number } | null>) => {
        const found = res[0]
        resolve(found?.node ? { node: found.node, width: found.width } : null)
      })
  })
}

const pixelRatio = () => (process.env.TARO_ENV === 'h5' ? window.devicePixelRatio : Taro.getSystemInfoSync().pixelRatio) || 1

export interface F2CanvasProps {
  id: string
  className: string
  height: number
  /** The chart element (./charts.ts); a new element redraws. */
  chart: unknown
}

export function F2Canvas({ id, className, height, chart }: F2CanvasProps) {
  useEffect(() => {
    let canvas: Canvas | null = null
    let cancelled = false
    // After the page has laid the canvas out: its size is known only then.
    Taro.nextTick(() => {
      void surfaceOf(id).then((surface) => {
        if (cancelled || !surface || surface.width === 0) return
        const ratio = pixelRatio()
        surface.node.width = surface.width * ratio
        surface.node.height = height * ratio
        canvas = new Canvas({ context: surface.node.getContext('2d') as CanvasRenderingContext2D, pixelRatio: ratio, width: surface.width, height, animate: false, children: chart })
        void canvas.render()
      })
    })
    return () => {
      cancelled = true
      canvas?.destroy()
    }
  }, [id, chart, height])
  // The width comes from the stylesheet (full width; fixed in vertical Mongolian pages).
  return <TaroCanvas type="2d" id={id} className={className} style={{ height: `${height}px` }} />
}
