import { webIdCardTypes } from "../api/actions/fields.ts";

/** The demo merchant's two pages: plain HTML, no build step, as small as a real merchant page would be. */
const style = `<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:0 auto;padding:1rem;color:#1b1f24}
h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .3rem;font-weight:600}
button{background:#2d72f1;color:#fff;border:0;border-radius:.5rem;padding:.8rem 1.2rem;font-size:1rem;margin-top:1rem}
button:disabled{opacity:.5}pre{background:#f4f6f8;padding:.8rem;overflow:auto;font-size:.8rem;border-radius:.4rem}
.note{color:#57606a;font-size:.9rem}img{max-width:12rem;border-radius:.4rem;margin:.3rem .3rem 0 0}
table{border-collapse:collapse;font-size:.9rem}td{border-bottom:1px solid #e1e4e8;padding:.25rem .6rem .25rem 0}
</style>`;

export const demoPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>openekyc demo merchant</title>${style}</head>
<body><h1>Demo merchant</h1>
<p class="note">This page plays the merchant: its backend calls <code>ApplyWebVerificationBizTokenIntl</code> on this
openekyc server with a signed request, sends you to the verification page, and reads the result with
<code>GetWebVerificationResultIntl</code> when you come back.</p>
<form id="start">
<label for="mode">What to verify</label>
<select id="mode"><option value="face">Face: liveness, and comparison with a reference photo if you give one</option>
<option value="document-face">Identity document + liveness + comparison with the document's portrait (CheckMode 1)</option>
<option value="document">Identity document only (CheckMode 4)</option></select>
<div id="face-options">
<label for="photo">Reference photo (optional: without one, liveness only)</label>
<input id="photo" type="file" accept="image/jpeg,image/png,image/webp"></div>
<div id="document-options" hidden>
<label for="card">Document type (IDCardType)</label>
<select id="card">${webIdCardTypes.map((type) => `<option>${type}</option>`).join("")}</select></div>
<div id="level-options">
<label for="level">Liveness mode</label>
<select id="level"><option value="3">Reflection (colour flashes)</option><option value="2">Motion (blink, open mouth)</option>
<option value="1">Silent</option><option value="4">Motion + reflection</option></select></div>
<div><button id="go" type="submit">Verify my identity</button></div>
<p id="status" role="status" aria-live="polite"></p></form>
<script>
const $=id=>document.getElementById(id),form=$('start'),status=$('status');
function showOptions(){const m=$('mode').value;$('face-options').hidden=m!=='face';$('document-options').hidden=m==='face';$('level-options').hidden=m==='document';}
$('mode').addEventListener('change',showOptions);showOptions();
function toBase64(file){return new Promise((ok,fail)=>{const r=new FileReader();r.onload=()=>ok(String(r.result).split(',')[1]||'');r.onerror=fail;r.readAsDataURL(file);});}
form.addEventListener('submit',async e=>{e.preventDefault();$('go').disabled=true;status.textContent='Starting…';
try{const mode=$('mode').value,body={mode,securityLevel:Number($('level').value)};
if(mode==='face'){const file=$('photo').files[0];if(file)body.compareImageBase64=await toBase64(file);}else body.idCardType=$('card').value;
const r=await fetch('/demo/api/start',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});
const j=await r.json();if(!r.ok)throw new Error(j.code+': '+j.message);location.href=j.verificationUrl;}
catch(err){status.textContent=String(err.message||err);$('go').disabled=false;}});
</script></body></html>`;

export const demoResultPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>openekyc demo — result</title>${style}</head>
<body><h1>Back at the merchant</h1><p id="verdict" role="status" aria-live="polite">Fetching the result…</p>
<img id="frame" alt="Best frame" hidden><div id="documents"></div><pre id="raw"></pre><p><a href="/demo">Start again</a></p>
<script>
const token=new URLSearchParams(location.search).get('token');
const el=(tag,text)=>{const e=document.createElement(tag);if(text!==undefined)e.textContent=text;return e;};
const picture=(b64,alt)=>{const img=el('img');img.alt=alt;img.src='data:image/jpeg;base64,'+b64;return img;};
// The document read, as a merchant would show it to a reviewer: images, warnings and the fields of the card's struct.
function showDocument(ocr,i){const box=el('section');box.append(el('h2','Document '+(i+1)+(ocr.IsPass?': read and checked':': not passed')));
for(const [key,alt] of [['CardCutImageBase64','Document (cropped)'],['CardBackCutImageBase64','Back (cropped)'],['HeadImageBase64','Portrait on the document']])if(ocr[key])box.append(picture(ocr[key],alt));
if(ocr.WarnCardInfos&&ocr.WarnCardInfos.length)box.append(el('p','Warnings: '+ocr.WarnCardInfos.join(', ')));
const table=el('table');for(const [type,card] of Object.entries(ocr.NormalCardInfo||{}))if(card&&typeof card==='object')for(const [k,v] of Object.entries(card)){if(v===null||v==='')continue;const tr=el('tr');tr.append(el('td',type+'.'+k),el('td',typeof v==='object'?JSON.stringify(v):String(v)));table.append(tr);}
box.append(table);document.getElementById('documents').append(box);}
// Base64 images are shown above; in the raw JSON they are replaced by their size so the answer stays readable.
const shorten=(k,v)=>typeof v==='string'&&v.length>512&&/Base64$/.test(k)?'<'+Math.round(v.length*3/4/1024)+' KB>':v;
fetch('/demo/api/result?token='+encodeURIComponent(token||'')).then(r=>r.json()).then(j=>{
const v=document.getElementById('verdict');
if(j.code){v.textContent='Error '+j.code+': '+j.message;return;}
v.textContent=j.ErrorCode===0?'Verified: ErrorCode 0 ('+j.ErrorMsg+')':j.ErrorCode===null||j.ErrorCode===undefined?'Not finished yet':'Not verified: ErrorCode '+j.ErrorCode+' ('+j.ErrorMsg+')';
if(j.BestFrameBase64){const img=document.getElementById('frame');img.src='data:image/jpeg;base64,'+j.BestFrameBase64;img.hidden=false;}
(j.OCRResult||[]).forEach(showDocument);
const shown=Object.assign({},j);delete shown.BestFrameBase64;document.getElementById('raw').textContent=JSON.stringify(shown,shorten,2);});
</script></body></html>`;
