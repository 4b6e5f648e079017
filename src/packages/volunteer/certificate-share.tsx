// The button under the certificate: weapp draws it on a Canvas node and opens WeChat's share-image
// menu (save to the album, send to a chat); the browser shows the picture to long-press or save.
import { useState } from 'react'
import { Canvas, Image, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CERTIFICATE_HEIGHT, CERTIFICATE_WIDTH, certificateDataUrl, shareCertificateOnWeapp, type CertificateText } from './certificate-image'
import type { VolunteerT } from './parts'

const CANVAS_ID = 'volunteer-certificate-canvas'

export function CertificateShare({ text, t }: { text: CertificateText; t: VolunteerT }) {
  const [image, setImage] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const make = () => {
    setBusy(true)
    setFailed(false)
    const made = process.env.TARO_ENV === 'weapp' ? shareCertificateOnWeapp(CANVAS_ID, text) : certificateDataUrl(text).then(setImage)
    made.catch(() => setFailed(true)).then(() => setBusy(false))
  }
  return (
    <>
      <View className="fq-actions">
        <Button className="volunteer-certificate-share" loading={busy} onClick={make}>
          {t('volunteer.certificate.share')}
        </Button>
      </View>
      {failed ? <View className="fq-field-error">{t('volunteer.certificate.failed')}</View> : null}
      {image ? (
        <>
          <Image className="volunteer-certificate-image" src={image} mode="widthFix" />
          <View className="fq-muted">{t('volunteer.certificate.shareHint')}</View>
        </>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <Canvas type="2d" id={CANVAS_ID} className="volunteer-certificate-canvas" style={{ width: `${CERTIFICATE_WIDTH}px`, height: `${CERTIFICATE_HEIGHT}px` }} />
      ) : null}
    </>
  )
}
