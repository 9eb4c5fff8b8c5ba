// Preloaded into the Agents Playground by the end-to-end test (node --require).
// The Playground has no bind-address option and listens on every interface; the tests must
// stay on loopback, so a listen() call that names no host is pinned to 127.0.0.1.
'use strict';
const net = require('net');

const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  const isPort = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (isPort && typeof args[1] !== 'string') {
    args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && first.host === undefined && first.path === undefined && !(first instanceof net.Server)) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return originalListen.apply(this, args);
};
