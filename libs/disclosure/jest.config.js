module.exports = { displayName: 'disclosure-service', preset: '../../jest.preset.js', rootDir: __dirname };
