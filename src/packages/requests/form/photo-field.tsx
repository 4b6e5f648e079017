// Up to three photos. Each is uploaded as soon as it is chosen (the answer is a storage file id)
// and goes through the station's picture check: officers see it only once it has passed.
import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { chooseImage } from '../../../services/image-file'
import { useRequestsT } from '../i18n'
import { Field } from './field'

export interface UploadedPhoto {
  fileID: string
  /** A local path or blob URL the Image component shows right away. */
  preview: string
}

export interface PhotoFieldProps {
  photos: UploadedPhoto[]
  max: number
  upload: (base64: string) => Promise<{ fileID: string }>
  onChange: (next: UploadedPhoto[]) => void
  hint?: string
}

export function PhotoField({ photos, max, upload, onChange, hint }: PhotoFieldProps) {
  const t = useRequestsT()
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const add = () => {
    setProblem(null)
    void chooseImage().then((chosen) => {
      if (!chosen) return
      setUploading(true)
      upload(chosen.base64)
        .then(
          ({ fileID }) => onChange([...photos, { fileID, preview: chosen.preview }]),
          () => setProblem(t('rq.photos.failed')),
        )
        .then(() => setUploading(false))
    })
  }
  return (
    <Field className="rq-field-photos" label={t('rq.photos', { max })} required={false} hint={hint ?? t('rq.photos.hint')} error={problem}>
      <View className="rq-photos">
        {photos.map((photo) => (
          <View key={photo.fileID} className="rq-photo">
            <Image className="rq-photo-preview" src={photo.preview} mode="aspectFill" />
            <Button size="small" className="rq-photo-remove" onClick={() => onChange(photos.filter((p) => p.fileID !== photo.fileID))}>
              {t('rq.photos.remove')}
            </Button>
          </View>
        ))}
      </View>
      {uploading ? <View className="fq-muted rq-photos-uploading">{t('rq.photos.uploading')}</View> : null}
      {photos.length < max ? (
        <View className="fq-actions">
          <Button className="rq-photo-add" loading={uploading} disabled={uploading} onClick={add}>
            {t('rq.photos.add')}
          </Button>
        </View>
      ) : null}
    </Field>
  )
}
