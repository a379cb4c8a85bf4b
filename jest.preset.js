// One transform for every project: SWC keeps decorator metadata (NestJS DI needs it)
// and is several times faster than ts-jest on two cores.
module.exports = {
  testEnvironment: 'node',
  // Integration tests start real brokers and databases; two cores make that slow.
  testTimeout: 60_000,
  transform: {
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // jose 6 ships only ES modules, which jest's CommonJS runtime on Node 20 cannot require.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: require('./scripts/jest-paths.js'),
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
