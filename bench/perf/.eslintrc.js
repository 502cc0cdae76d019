// The benchmark drives the production portal with the e2e suite's own
// helpers (e2e/support), which are not a package of their own.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: { '@backstage/no-relative-monorepo-imports': 'off' },
});
