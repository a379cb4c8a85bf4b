module.exports = { displayName: 'enforcement', preset: '../../jest.preset.js', rootDir: __dirname };
