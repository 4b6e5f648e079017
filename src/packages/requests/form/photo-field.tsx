// Up to three photos. Each is uploaded as soon as it is chosen (wx.cloud.uploadFile; the answer
// is a cloud:// file id); the backend puts it through the station's picture check, and officers
// see it only once it has passed.
import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { choosePicture, uploadFile } from '../../../services/upload-file'
import { newRequestId } from '../../../services/request-id'
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
  onChange: (next: UploadedPhoto[]) => void
  hint?: string
}

export function PhotoField({ photos, max, onChange, hint }: PhotoFieldProps) {
  const t = useRequestsT()
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const add = () => {
    setProblem(null)
    void choosePicture().then((path) => {
      if (!path) return
      setUploading(true)
      // A random name: the path says nothing about who uploaded it.
      uploadFile(path, `requests/${newRequestId()}.jpg`)
        .then(
          (fileID) => onChange([...photos, { fileID, preview: path }]),
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
