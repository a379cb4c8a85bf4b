// The whole suite in one jest run, so that one summary line counts every test.
const { getJestProjectsAsync } = require('@nx/jest');
module.exports = async () => ({ projects: await getJestProjectsAsync() });
