module.exports = { displayName: 'notification-service', preset: '../../jest.preset.js', rootDir: __dirname };
