// A Taro Canvas (type 2d) that F2 draws on. weapp hands out the canvas node through a selector
// query; on h5 Taro renders the element with a DOM canvas inside. Either way F2 gets the node's
// 2d context, sized by the device pixel ratio so lines stay sharp.
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
  height: number
}

function surfaceOf(id: string): Promise<Surface | null> {
  if (process.env.TARO_ENV === 'h5') {
    const node = document.getElementById(id)?.querySelector('canvas') ?? null
    const rect = node?.getBoundingClientRect()
    return Promise.resolve(node && rect ? { node, width: rect.width, height: rect.height } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
        const found = res[0]
        resolve(found?.node ? { node: found.node, width: found.width, height: found.height } : null)
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
        surface.node.height = surface.height * ratio
        canvas = new Canvas({ context: surface.node.getContext('2d') as CanvasRenderingContext2D, pixelRatio: ratio, width: surface.width, height: surface.height, animate: false, children: chart })
        void canvas.render()
      })
    })
    return () => {
      cancelled = true
      canvas?.destroy()
    }
  }, [id, chart])
  return <TaroCanvas type="2d" id={id} className={className} style={{ width: '100%', height: `${height}px` }} />
}
