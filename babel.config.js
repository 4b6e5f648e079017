// Babel is used by Taro's webpack build only; jest and esbuild compile TypeScript themselves.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    // Per-component imports of NutUI so a page pulls in only the components (and CSS) it uses.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (name) => `${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
