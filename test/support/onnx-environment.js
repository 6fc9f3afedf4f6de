// Jest runs each test file in its own realm, so its Float32Array is not the one onnxruntime-node's
// native binding creates, and onnxruntime-common's `instanceof` checks fail. Test files that run
// ONNX models use this environment (docblock `@jest-environment ./test/support/onnx-environment.js`),
// which hands them the host's typed arrays.
const { TestEnvironment } = require('jest-environment-node');

class OnnxEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Float32Array', 'Float64Array', 'Int8Array', 'Uint8Array', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array', 'ArrayBuffer']) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxEnvironment;
