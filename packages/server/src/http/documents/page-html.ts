/** The document step's own page: a shell for the bundled step (styles inline; the CSP allows inline styles). */
export function documentPageHtml(scriptPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>Identity verification</title>
<style>
:root{--accent:#2d72f1;--bg:#fff;--fg:#1b1f24;--muted:#5b6470;--danger:#c62828;color-scheme:light}
:root[data-style=dark]{--bg:#121417;--fg:#eef1f4;--muted:#a3acb7;color-scheme:dark}
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:480px;margin:0 auto;padding:20px 16px;display:flex;flex-direction:column;gap:14px}
h1{font-size:1.3rem;margin:0}p{margin:0}.muted{color:var(--muted)}.error{color:var(--danger)}
button,.button{display:block;width:100%;padding:14px;border-radius:10px;border:0;font:inherit;font-weight:600;
background:var(--accent);color:#fff;text-align:center;cursor:pointer}
button.secondary,.button.secondary{background:transparent;color:var(--accent);border:1px solid var(--accent)}
button:disabled{opacity:.5}
label{display:flex;flex-direction:column;gap:4px;font-size:.9rem;color:var(--muted)}
input{font:inherit;padding:10px;border-radius:8px;border:1px solid #9aa3ad;background:var(--bg);color:var(--fg)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
</style>
</head>
<body>
<div id="app"></div>
<div id="live" class="sr-only" aria-live="polite"></div>
<script type="module" src="${scriptPath}"></script>
</body>
</html>
`;
}
