module.exports = { displayName: 'coordination-service', preset: '../../jest.preset.js', rootDir: __dirname };
