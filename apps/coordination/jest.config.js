module.exports = { displayName: 'coordination', preset: '../../jest.preset.js', rootDir: __dirname };
