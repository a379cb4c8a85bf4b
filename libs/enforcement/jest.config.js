module.exports = { displayName: 'enforcement-service', preset: '../../jest.preset.js', rootDir: __dirname };
