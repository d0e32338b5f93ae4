// The Slack CLI's get-manifest hook (`slack run`, `slack manifest`): the Socket Mode manifest, answered with the
// protocol the CLI asked for (message boundaries or plain stdout), as @slack/cli-hooks' own hook does for manifest.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getProtocol } from '@slack/cli-hooks/src/protocols.js';

const file = path.resolve(import.meta.dirname, '../manifests/manifest.socket-mode.json');
const protocol = getProtocol(process.argv.slice(1));
protocol.respond(JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
