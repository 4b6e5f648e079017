// Taro build configuration: one base, merged with dev or prod (Taro's own template shape).
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { ModuleSizesPlugin } from './module-sizes'
import prodConfig from './prod'

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fengqiao-station',
    date: '2026-11-24',
    // NutUI React is designed at 375 px; our own styles too, so one width everywhere.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    // NutUI's icons (loading spinner, input clear) render an <i>; WeChat has no such element and
    // Taro's base.wxml carries no template for it unless this plugin maps HTML tags to views.
    // h5 renders <i> natively.
    plugins: platform === 'weapp' ? ['@tarojs/plugin-html'] : [],
    defineConstants: {},
    // h5 only: where the emulator's gateway answers; empty means the page's own origin.
    env: { TARO_APP_GATEWAY: JSON.stringify(process.env.TARO_APP_GATEWAY ?? '') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // Keep catalogs as UTF-8 instead of \uXXXX escapes: Chinese and Mongolian text is 2–3× smaller.
    // (Taro passes its own `output` options to terser, so this must use `output`, not `format`.)
    // Taro's mini-program defaults turn most of terser's compression off (collapse_vars, reduce_vars,
    // inline, loops, switches…; @tarojs/webpack5-runner MiniBaseConfig). Turned back on as terser's
    // own defaults have them (inline at level 2, as create-react-app keeps it), with three passes, they
    // take about 5 KB off the main package (docs/performance.md › Sizes) and a little off each
    // subpackage. `comparisons` and `typeofs` stay off as Taro has them; the weapp tier runs the result.
    terser: {
      enable: true,
      config: {
        compress: { collapse_vars: true, reduce_vars: true, reduce_funcs: true, inline: 2, computed_props: true, properties: true, loops: true, switches: true, hoist_props: true, passes: 3 },
        output: { ascii_only: false },
      },
    },
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Moves modules used only by subpackages out of the main package.
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The dashboard's charts (@antv/f2, stats subpackage) use tslib helpers the main package
      // does not; given their own copy of tslib, those helpers stay in the stats subpackage
      // instead of growing the tslib module the main package's vendors share.
      webpackChain(chain, webpack) {
        chain.plugin('antv-own-tslib').use(webpack.NormalModuleReplacementPlugin, [
          /^tslib$/,
          (resource: { context: string; request: string }) => {
            if (/[\\/]node_modules[\\/]@antv[\\/]/.test(resource.context)) resource.request = 'tslib/tslib.es6.js'
          },
        ])
        chain.plugin('module-sizes').use(ModuleSizesPlugin)
      },
      postcss: {
        // WeChat draws WXSS with iOS's WebKit (iOS ≥ 12, docs/weapp.md) and with its own
        // Chromium-based kernel on Android. package.json's browserslist also names the last three
        // versions of every browser (for h5), whose -ms- and old -webkit- prefixes no phone running
        // WeChat reads (8.4 KB of the main package's styles); WeChat's upload adds none
        // (project.config.json: postcss false).
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 12', 'chrome >= 53'] } },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
