// The e2e files' test environment: Node's, plus two things jest's sandbox cannot give them.
// - Whether the current test failed: jest does not tell an afterEach hook, but the environment sees
//   the failure events, so it keeps the answer on the test's global for support/failure-pages.ts
//   (what the pages showed, in the log).
// - playwright-core, loaded once per jest worker: inside the sandbox every e2e file compiled its
//   ~2 MB bundle again (~0.5 s of CPU a file). Loaded here it stays in the worker's own module cache.
//   It only drives a browser over a pipe; what it hands the tests (strings, numbers, plain objects,
//   promises) crosses realms safely, and its serializer recognises the test realm's values by tag.
const { TestEnvironment } = require('jest-environment-node');

class E2eEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__playwright = require('playwright-core');
  }

  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__lobbyTestFailed = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.__lobbyTestFailed = true;
  }
}

module.exports = E2eEnvironment;
