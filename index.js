// n8n loads the nodes and credentials listed in package.json's "n8n" block from dist/;
// this entry point only exists so that `require('n8n-nodes-session-messaging')` resolves.
module.exports = {};
