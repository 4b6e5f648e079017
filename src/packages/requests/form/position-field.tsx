// Where it happened, optional: the phone's position, or a place picked on WeChat's map (weapp
// only: the h5 build has no map service). Routing uses it; without one the request goes to the
// resident's bound community. Always WGS-84, the boundaries' datum (gcj02.ts).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { currentPosition, isPositionError, type Position } from '../../../services/current-position'
import { gcj02ToWgs84 } from '../gcj02'
import { useRequestsT } from '../i18n'
import { Field } from './field'

export interface ChosenPosition extends Position {
  /** What the map picker called the place, when it was picked there. */
  name?: string
}

const round = (n: number) => n.toFixed(5)

function pickOnMap(): Promise<ChosenPosition | null> {
  return Taro.chooseLocation({}).then(
    ({ longitude, latitude, name }) => ({ ...gcj02ToWgs84({ lng: longitude, lat: latitude }), ...(name ? { name } : {}) }),
    () => null,
  )
}

export function PositionField({ value, onChange }: { value: ChosenPosition | null; onChange: (next: ChosenPosition | null) => void }) {
  const t = useRequestsT()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const locate = () => {
    setBusy(true)
    setProblem(null)
    currentPosition()
      .then(onChange, (err: unknown) => setProblem(t(isPositionError(err) && err.positionFailure === 'denied' ? 'rq.position.denied' : 'rq.position.unavailable')))
      .then(() => setBusy(false))
  }
  const pick = () => {
    setProblem(null)
    void pickOnMap().then((picked) => {
      if (picked) onChange(picked)
    })
  }
  return (
    <Field className="rq-field-position" label={t('rq.position')} required={false} hint={t('rq.position.hint')} error={problem}>
      {value ? (
        <View className="fq-notice rq-position-chosen">
          {t('rq.position.chosen', { place: value.name ?? t('rq.position.coordinates', { lng: round(value.lng), lat: round(value.lat) }) })}
        </View>
      ) : null}
      <View className="fq-actions">
        <Button className="rq-position-current" loading={busy} onClick={locate}>
          {t('rq.position.current')}
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="rq-position-pick" onClick={pick}>
            {t('rq.position.pick')}
          </Button>
        ) : null}
        {value ? (
          <Button className="rq-position-clear" onClick={() => onChange(null)}>
            {t('rq.position.clear')}
          </Button>
        ) : null}
      </View>
    </Field>
  )
}
