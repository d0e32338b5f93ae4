const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The page shell: the client script draws everything inside #app from /sandbox/api/state. */
export function sandboxPage(options: { teamName: string; assetVersion: string }): string {
  const v = encodeURIComponent(options.assetVersion);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(options.teamName)} · shared-vision sandbox</title>
<link rel="stylesheet" href="/sandbox/assets/base.css?v=${v}">
<link rel="stylesheet" href="/sandbox/assets/blocks.css?v=${v}">
<link rel="stylesheet" href="/sandbox/assets/controls.css?v=${v}">
<script type="module" src="/sandbox/assets/main.js?v=${v}"></script>
</head>
<body>
<div id="app" class="app" data-state="loading">
  <noscript>The sandbox needs JavaScript.</noscript>
  <p class="loading">Loading the local workspace…</p>
</div>
</body>
</html>
`;
}
