/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    /** h5 only: where the local emulator's gateway answers (same origin by default). */
    TARO_APP_GATEWAY?: string
  }
}
