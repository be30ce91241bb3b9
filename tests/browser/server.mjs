// `cradle serve` for the browser tests: the binary $CRADLE_BINARY names (a
// release build), a new store in a folder of its own, a port the system picks
// (--port 0) on the loopback address. start() resolves with the URL from the
// one line the server prints when it listens; stop() sends SIGTERM, as a
// service manager would, and asserts the server exits with code 0; dispose()
// ends a server a failed test left running and removes the folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

// Loading the open data and the synthetic Leicester takes about 10 s in a
// release build; a busy two-core machine can take several times that.
const STARTUP_MS = Number(process.env.CRADLE_STARTUP_TIMEOUT_MS ?? 300_000);
const STOP_MS = 30_000;

// $CRADLE_BINARY, once it is known to be there.
function binary() {
  const named = process.env.CRADLE_BINARY;
  if (!named) throw new Error('CRADLE_BINARY is not set: point it at a release build of cradle');
  if (!fs.existsSync(named)) throw new Error(`CRADLE_BINARY ${named} does not exist`);
  return named;
}

export class CradleServer {
  // Makes the store's folder, `prefix` and a random suffix under the system's
  // temporary folder; the store itself is made by the first command given it.
  constructor(prefix) {
    this.binary = binary();
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.db = path.join(this.dir, 'cradle.db');
    this.stderr = '';
    this.process = null;
    this.exit = null;  // resolves to {code, signal} when the server exits
  }

  // Runs `cradle args…` to completion, before or beside the server (such as
  // `user add --db this.db`); its stdout. Asserts it exits with code 0.
  run(args) {
    const result = spawnSync(this.binary, args, { encoding: 'utf8' });
    assert.equal(result.status, 0, `cradle ${args.join(' ')}: ${result.stderr}${result.stdout}`);
    return result.stdout;
  }

  // Starts `cradle serve` on the store; resolves with its URL
  // ("http://127.0.0.1:PORT/"), or rejects with what it printed if it exits
  // or prints no URL within $CRADLE_STARTUP_TIMEOUT_MS.
  async start() {
    this.process = spawn(this.binary,
                         ['serve', '--db', this.db, '--port', '0', '--address', '127.0.0.1'],
                         { stdio: ['ignore', 'pipe', 'pipe'] });
    this.exit = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => resolve({ code, signal }));
    });
    this.process.stderr.on('data', (chunk) => {
      this.stderr += chunk;
    });
    const lines = readline.createInterface({ input: this.process.stdout });
    const stdoutLines = [];
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`cradle serve printed no URL within ${STARTUP_MS / 1000} s; ` +
                         `stdout: ${stdoutLines.join('\n')}\nstderr: ${this.stderr}`));
      }, STARTUP_MS);
      lines.on('line', (line) => {
        stdoutLines.push(line);
        const match = /^Cradle is serving (http:\/\/[^\s]+\/)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      this.exit.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`cradle serve exited (code ${code}, signal ${signal}) before serving; ` +
                         `stdout: ${stdoutLines.join('\n')}\nstderr: ${this.stderr}`));
      });
    });
  }

  // Sends SIGTERM; asserts the server exits with code 0, not by the signal,
  // within 30 s.
  async stop() {
    assert.ok(this.process, 'the server was not started');
    this.process.kill('SIGTERM');
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), STOP_MS);
    });
    const result = await Promise.race([this.exit, timeout]);
    clearTimeout(timer);
    assert.notEqual(result, 'timeout',
                    `the server did not stop within ${STOP_MS / 1000} s of SIGTERM`);
    assert.deepEqual(result, { code: 0, signal: null }, `stderr: ${this.stderr}`);
  }

  // For after(): kills a server still running (a test failed before stop())
  // and removes the store's folder.
  dispose() {
    const running = this.process && this.process.exitCode === null &&
                    this.process.signalCode === null;
    if (running) this.process.kill('SIGKILL');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
