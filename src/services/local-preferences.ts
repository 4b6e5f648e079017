// Language and elder mode remembered on this device, so the very first screen after launch is
// already in the person's language and size, before the profile arrives from the backend.
// `synced: false` marks a choice made on this device that the backend has not stored yet.
import Taro from '@tarojs/taro'
import * as z from 'zod/mini'
import { Language } from '../core/ids'

const KEY = 'fengqiao.preferences'

export const LocalPreferences = z.object({ language: Language, elderMode: z.boolean(), synced: z.boolean() })
export type LocalPreferences = z.infer<typeof LocalPreferences>

export const DEFAULT_PREFERENCES: LocalPreferences = { language: 'zh', elderMode: false, synced: true }

export function readLocalPreferences(): LocalPreferences {
  try {
    const parsed = LocalPreferences.safeParse(Taro.getStorageSync(KEY))
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES
  } catch {
    return DEFAULT_PREFERENCES
  }
}

export function writeLocalPreferences(preferences: LocalPreferences) {
  try {
    Taro.setStorageSync(KEY, preferences)
  } catch {
    // Storage full or unavailable: the choice still holds for this run.
  }
}
