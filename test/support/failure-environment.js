// The e2e files' test environment: Node's, plus one flag a hook can read. Jest does not tell an
// afterEach hook whether its test failed; the environment sees the failure events, so it keeps the
// answer on the test's global for support/failure-pages.ts (what the pages showed, in the log).
const { TestEnvironment } = require('jest-environment-node');

class FailureAwareEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__lobbyTestFailed = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.__lobbyTestFailed = true;
  }
}

module.exports = FailureAwareEnvironment;
