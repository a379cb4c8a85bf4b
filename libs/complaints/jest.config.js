module.exports = { displayName: 'complaints-service', preset: '../../jest.preset.js', rootDir: __dirname };
