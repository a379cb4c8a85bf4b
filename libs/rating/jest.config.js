module.exports = { displayName: 'rating-service', preset: '../../jest.preset.js', rootDir: __dirname };
