// The station's communities on a map, drawn from their surveyed boundaries (SVG, no tiles),
// coloured by community officer and labelled with community and officer. Areas too small to
// label get a number explained under the map; communities without a boundary (remote gacha
// reached by alias) are listed beside it.
import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { Language } from '../../../../core/ids'
import { localizedName } from '../../../../i18n/localized-name'
import { SectionCard } from '../../../../components/section-card'
import { useSession } from '../../../../services/session'
import { formatStationTime } from '../../../../services/station-time'
import { useAdminT } from '../../i18n'
import { asciiToBase64, drawJurisdiction, drawingToSvg, type MapCommunity } from './map-drawing'

export interface MapOfficer {
  id: string
  name: string
}

export interface JurisdictionMapProps {
  communities: Array<MapCommunity & { aliases: string[] }>
  officers: MapOfficer[]
  version: number
  importedAt: string
}

/** The map's pixel size: the screen's width less the page and card padding, at most a tablet's. */
function mapSize(): { width: number; height: number } {
  let windowWidth = 375
  try {
    windowWidth = Taro.getWindowInfo().windowWidth
  } catch {
    // Older WeChat base libraries: the phone-sized default is fine.
  }
  const width = Math.round(Math.max(260, Math.min(windowWidth - 56, 560)))
  return { width, height: Math.round(width * 0.9) }
}

/** Room a label needs: Chinese runs across, Mongolian runs down. */
const labelSpace = (language: Language) => (language === 'mn' ? { minWidth: 40, minHeight: 110 } : { minWidth: 90, minHeight: 40 })

export function JurisdictionMap({ communities, officers, version, importedAt }: JurisdictionMapProps) {
  const t = useAdminT()
  const { language } = useSession()
  const drawing = useMemo(() => {
    const { width, height } = mapSize()
    return drawJurisdiction(communities, width, height, labelSpace(language))
  }, [communities, language])
  const officerName = (id: string) => officers.find((o) => o.id === id)?.name ?? id
  const unmapped = communities.filter((c) => c.boundary === null)
  const numbered = drawing.shapes.filter((s) => s.number !== null)

  return (
    <>
      <SectionCard className="jurisdiction-map-card" title={t('jurisdiction.map.title')} tone="police">
        <View className="fq-muted">{t('jurisdiction.map.version', { version, time: formatStationTime(importedAt) })}</View>
        {drawing.shapes.length === 0 ? (
          <View className="fq-text fq-note jurisdiction-map-empty">{t('jurisdiction.map.empty')}</View>
        ) : (
          <>
            <View className="jurisdiction-map" style={{ width: `${drawing.width}px`, height: `${drawing.height}px` }}>
              {process.env.TARO_ENV === 'h5' ? (
                <svg className="jurisdiction-map-svg" width={drawing.width} height={drawing.height} viewBox={`0 0 ${drawing.width} ${drawing.height}`} role="img" aria-label={t('jurisdiction.map.title')}>
                  {drawing.shapes.map((shape) => (
                    <path
                      key={shape.community.id}
                      className={`jurisdiction-map-area jurisdiction-map-area-${shape.community.id}`}
                      d={shape.d}
                      fill={shape.color}
                      stroke="#1d3f7a"
                      strokeWidth={1.2}
                      strokeLinejoin="round"
                    />
                  ))}
                  {drawing.shapes
                    .filter((shape) => shape.x !== shape.anchorX)
                    .map((shape) => (
                      <line key={shape.community.id} x1={shape.anchorX} y1={shape.anchorY} x2={shape.x} y2={shape.y} stroke="#1d3f7a" strokeWidth={1} />
                    ))}
                </svg>
              ) : (
                <Image
                  className="jurisdiction-map-image"
                  style={{ width: `${drawing.width}px`, height: `${drawing.height}px` }}
                  src={`data:image/svg+xml;base64,${asciiToBase64(drawingToSvg(drawing))}`}
                />
              )}
              {drawing.shapes.map((shape) => (
                <View
                  key={shape.community.id}
                  className={`jurisdiction-map-label ${shape.labelled ? '' : 'is-number'} jurisdiction-map-label-${shape.community.id}`}
                  style={{ left: `${shape.x}px`, top: `${shape.y}px` }}
                >
                  {shape.labelled ? (
                    <>
                      <View className="jurisdiction-map-label-name">{localizedName(shape.community.name, language)}</View>
                      <View className="jurisdiction-map-label-officer">{officerName(shape.community.officerId)}</View>
                    </>
                  ) : (
                    shape.number
                  )}
                </View>
              ))}
            </View>
            <View className="fq-tags jurisdiction-map-legend">
              {drawing.officerColors.map(({ officerId, color }) => (
                <View key={officerId} className="jurisdiction-map-legend-item">
                  <View className="jurisdiction-map-swatch" style={{ background: color }} />
                  <View className="fq-muted">{t('jurisdiction.map.officer', { name: officerName(officerId) })}</View>
                </View>
              ))}
            </View>
            {numbered.length > 0 ? (
              <View className="jurisdiction-map-numbered">
                <View className="fq-muted">{t('jurisdiction.map.small')}</View>
                {numbered.map((shape) => (
                  <View key={shape.community.id} className="fq-text">
                    {t('jurisdiction.map.numbered', {
                      number: shape.number ?? '',
                      name: localizedName(shape.community.name, language),
                      officer: officerName(shape.community.officerId),
                    })}
                  </View>
                ))}
              </View>
            ) : null}
          </>
        )}
        <View className="fq-muted fq-note">{t('jurisdiction.map.hint')}</View>
      </SectionCard>

      {unmapped.length > 0 ? (
        <SectionCard className="jurisdiction-unmapped" title={t('jurisdiction.noBoundary.title')}>
          {unmapped.map((community) => (
            <View key={community.id} className={`fq-list-item jurisdiction-unmapped-${community.id}`}>
              <View className="jurisdiction-unmapped-name">{localizedName(community.name, language)}</View>
              <View className="fq-tags">
                <Tag className="fq-tag" type="default">
                  {t(`community.kind.${community.kind}`)}
                </Tag>
                <Tag className="fq-tag" type="warning">
                  {t('jurisdiction.noBoundary.hint')}
                </Tag>
              </View>
              <View className="fq-muted">{t('jurisdiction.map.officer', { name: officerName(community.officerId) })}</View>
              {community.aliases.length > 0 ? (
                <View className="fq-muted">{t('jurisdiction.noBoundary.aliases', { aliases: community.aliases.join(t('common.listSeparator')) })}</View>
              ) : null}
            </View>
          ))}
        </SectionCard>
      ) : null}
    </>
  )
}
