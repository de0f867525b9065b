// A scripted OpenAI-compatible model for the AI Agent tests (not yet implemented: answers 404).
function scriptedModel(state, req, res, path) {
	res.writeHead(404, { 'content-type': 'application/json' });
	res.end(JSON.stringify({ error: { message: `No route ${req.method} /openai${path}` } }));
}

module.exports = { scriptedModel };
