const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto">${body}</body></html>`;

/** /slack/install: the "Add to Slack" button (the URL carries the signed state; a cookie binds it to this browser). */
export function installPage(url: string): string {
  return page(
    'Install shared-vision',
    '<h1>shared-vision</h1><p>Capture the customer’s own words and build a shared vision with them.</p>' +
      `<p><a id="add-to-slack" href="${escapeHtml(url)}">Add to Slack</a></p>`,
  );
}

/** After the redirect: never echoes Slack's error text or any token. */
export function installResultPage(ok: boolean): string {
  return ok
    ? page(
        'Installed',
        '<h1>shared-vision is installed</h1><p>Open Slack and type <code>/vision help</code> in a deal channel.</p>',
      )
    : page(
        'Install failed',
        '<h1>The install did not finish</h1><p>The link may have expired or been opened in another browser. ' +
          `<a href="/slack/install">Start again</a>.</p>`,
      );
}
