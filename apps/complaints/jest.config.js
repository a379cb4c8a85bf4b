module.exports = { displayName: 'complaints', preset: '../../jest.preset.js', rootDir: __dirname };
