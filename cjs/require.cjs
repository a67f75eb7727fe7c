// `require('touchpoint-survey')` lands here: the package is ES modules only.
throw new Error(
  "touchpoint-survey is an ES module package: use `import { init } from 'touchpoint-survey'` " +
    "(in CommonJS: `const { init } = await import('touchpoint-survey')`). The CDN build is dist/touchpoint.js.",
)
