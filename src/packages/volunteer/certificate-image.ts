// The yearly service certificate as a picture to keep or send: drawn on a canvas (the 2D API is
// the same on weapp's Canvas node and in the browser). Mongolian is drawn the way it is read —
// horizontal runs of the script turned a quarter clockwise, columns left to right.
import Taro from '@tarojs/taro'
import { MONGOLIAN_FONT_FAMILY } from '../../services/mongolian-font'

export const CERTIFICATE_WIDTH = 600
export const CERTIFICATE_HEIGHT = 800

export interface CertificateText {
  title: string
  body: string
  station: string
  date: string
  vertical: boolean
}

/** The canvas methods used here: the subset weapp's Canvas 2D and the DOM share. */
interface Pen {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  save(): void
  restore(): void
  translate(x: number, y: number): void
  rotate(angle: number): void
}

/** Breaks text into lines no wider than `max`: at spaces for Mongolian, anywhere for Chinese. */
function wrap(pen: Pen, text: string, max: number, bySpaces: boolean): string[] {
  // Words keep their trailing spaces. Not split(/(?<= )/): iOS before 16.4 cannot parse a
  // lookbehind, and the whole subpackage would fail to load there.
  const units = bySpaces ? (text.match(/[^ ]* +|[^ ]+/g) ?? []) : [...text]
  const lines: string[] = []
  let line = ''
  for (const unit of units) {
    if (line && pen.measureText(line + unit).width > max) {
      lines.push(line.trimEnd())
      line = unit.trimStart()
    } else line += unit
  }
  if (line) lines.push(line.trimEnd())
  return lines
}

export function drawCertificate(pen: Pen, text: CertificateText) {
  const W = CERTIFICATE_WIDTH
  const H = CERTIFICATE_HEIGHT
  pen.fillStyle = '#fffaf0'
  pen.fillRect(0, 0, W, H)
  pen.strokeStyle = '#b7791f'
  pen.lineWidth = 6
  pen.strokeRect(24, 24, W - 48, H - 48)
  pen.lineWidth = 2
  pen.strokeRect(38, 38, W - 76, H - 76)
  pen.fillStyle = '#1a202c'
  pen.textBaseline = 'top'
  const family = text.vertical ? `'${MONGOLIAN_FONT_FAMILY}', sans-serif` : 'sans-serif'
  // In the turned frame the page's height is the line length and columns advance to the right.
  const lineLength = (text.vertical ? H : W) - 140
  const blocks: Array<{ text: string; size: number; weight: string; gapAfter: number }> = [
    { text: text.title, size: 40, weight: '700', gapAfter: 36 },
    { text: text.body, size: 28, weight: '400', gapAfter: 40 },
    { text: text.station, size: 26, weight: '600', gapAfter: 12 },
    { text: text.date, size: 24, weight: '400', gapAfter: 0 },
  ]
  pen.save()
  if (text.vertical) {
    pen.translate(70, 70)
    pen.rotate(Math.PI / 2)
  }
  let advance = text.vertical ? 0 : 90
  for (const block of blocks) {
    pen.font = `${block.weight} ${block.size}px ${family}`
    pen.textAlign = 'left'
    for (const line of wrap(pen, block.text, lineLength, text.vertical)) {
      // Turned a quarter clockwise, the glyphs' tops face right and -y is rightwards on the page:
      // each column sits `advance` further right, starting at the left margin.
      if (text.vertical) pen.fillText(line, 0, -(advance + block.size))
      else pen.fillText(line, 70, advance)
      advance += block.size * 1.6
    }
    advance += block.gapAfter
  }
  pen.restore()
}

/** Draws into a fresh browser canvas and answers a PNG data URL (h5). */
export function certificateDataUrl(text: CertificateText): Promise<string> {
  return document.fonts.ready.then(() => {
    const canvas = document.createElement('canvas')
    canvas.width = CERTIFICATE_WIDTH
    canvas.height = CERTIFICATE_HEIGHT
    drawCertificate(canvas.getContext('2d') as unknown as Pen, text)
    return canvas.toDataURL('image/png')
  })
}

/** Draws into the page's Canvas node and opens WeChat's share-image menu (save, send to a chat). */
export function shareCertificateOnWeapp(canvasId: string, text: CertificateText): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: { width: number; height: number; getContext(kind: '2d'): unknown } }>) => {
        const canvas = res[0]?.node
        if (!canvas) return reject(new Error('certificate canvas not found'))
        canvas.width = CERTIFICATE_WIDTH
        canvas.height = CERTIFICATE_HEIGHT
        drawCertificate(canvas.getContext('2d') as Pen, text)
        Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' })
          .then(({ tempFilePath }) => Taro.showShareImageMenu({ path: tempFilePath }))
          .then(() => resolve(), reject)
      })
  })
}
