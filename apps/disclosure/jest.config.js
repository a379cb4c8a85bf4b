module.exports = { displayName: 'disclosure', preset: '../../jest.preset.js', rootDir: __dirname };
