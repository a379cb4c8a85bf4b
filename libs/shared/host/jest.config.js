module.exports = { displayName: 'host', preset: '../../../jest.preset.js', rootDir: __dirname };
