// The whole suite in one jest run, so that one summary line counts every test.
const { getJestProjectsAsync } = require('@nx/jest');
module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  // A global option (projects cannot set it): integration tests start brokers and databases.
  testTimeout: 60_000,
});
