module.exports = { displayName: 'rating', preset: '../../jest.preset.js', rootDir: __dirname };
