/** The demo merchant's two pages: plain HTML, no build step, as small as a real merchant page would be. */
const style = `<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:0 auto;padding:1rem;color:#1b1f24}
h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .3rem;font-weight:600}
button{background:#2d72f1;color:#fff;border:0;border-radius:.5rem;padding:.8rem 1.2rem;font-size:1rem;margin-top:1rem}
button:disabled{opacity:.5}pre{background:#f4f6f8;padding:.8rem;overflow:auto;font-size:.8rem;border-radius:.4rem}
.note{color:#57606a;font-size:.9rem}img{max-width:12rem;border-radius:.4rem}
</style>`;

export const demoPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>openekyc demo merchant</title>${style}</head>
<body><h1>Demo merchant</h1>
<p class="note">This page plays the merchant: its backend calls <code>ApplyWebVerificationBizTokenIntl</code> on this
openekyc server with a signed request, sends you to the verification page, and reads the result with
<code>GetWebVerificationResultIntl</code> when you come back.</p>
<form id="start">
<label for="photo">Reference photo (optional: without one, liveness only)</label>
<input id="photo" type="file" accept="image/jpeg,image/png,image/webp">
<label for="level">Liveness mode</label>
<select id="level"><option value="3">Reflection (colour flashes)</option><option value="2">Motion (blink, open mouth)</option>
<option value="1">Silent</option><option value="4">Motion + reflection</option></select>
<div><button id="go" type="submit">Verify my identity</button></div>
<p id="status" role="status" aria-live="polite"></p></form>
<script>
const form=document.getElementById('start'),status=document.getElementById('status');
function toBase64(file){return new Promise((ok,fail)=>{const r=new FileReader();r.onload=()=>ok(String(r.result).split(',')[1]||'');r.onerror=fail;r.readAsDataURL(file);});}
form.addEventListener('submit',async e=>{e.preventDefault();document.getElementById('go').disabled=true;status.textContent='Starting…';
try{const file=document.getElementById('photo').files[0];const body={securityLevel:Number(document.getElementById('level').value)};
if(file)body.compareImageBase64=await toBase64(file);
const r=await fetch('/demo/api/start',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});
const j=await r.json();if(!r.ok)throw new Error(j.code+': '+j.message);location.href=j.verificationUrl;}
catch(err){status.textContent=String(err.message||err);document.getElementById('go').disabled=false;}});
</script></body></html>`;

export const demoResultPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>openekyc demo — result</title>${style}</head>
<body><h1>Back at the merchant</h1><p id="verdict" role="status" aria-live="polite">Fetching the result…</p>
<img id="frame" alt="Best frame" hidden><pre id="raw"></pre><p><a href="/demo">Start again</a></p>
<script>
const token=new URLSearchParams(location.search).get('token');
fetch('/demo/api/result?token='+encodeURIComponent(token||'')).then(r=>r.json()).then(j=>{
const v=document.getElementById('verdict');
if(j.code){v.textContent='Error '+j.code+': '+j.message;return;}
v.textContent=j.ErrorCode===0?'Verified: ErrorCode 0 ('+j.ErrorMsg+')':j.ErrorCode===null||j.ErrorCode===undefined?'Not finished yet':'Not verified: ErrorCode '+j.ErrorCode+' ('+j.ErrorMsg+')';
if(j.BestFrameBase64){const img=document.getElementById('frame');img.src='data:image/jpeg;base64,'+j.BestFrameBase64;img.hidden=false;}
const shown=Object.assign({},j);delete shown.BestFrameBase64;document.getElementById('raw').textContent=JSON.stringify(shown,null,2);});
</script></body></html>`;
