/** The document step's own styles, injected once, so it looks the same inside the hosted page and on its own. */
const css = `
.viewfinder{position:relative;border-radius:12px;overflow:hidden;background:#000;aspect-ratio:3/4}
.viewfinder video{width:100%;height:100%;object-fit:cover}
.viewfinder .guide{position:absolute;left:7%;right:7%;top:30%;aspect-ratio:1.586;border:3px solid #fff;
border-radius:12px;box-shadow:0 0 0 999px rgba(0,0,0,.45)}
.viewfinder .guide.steady{border-color:#3ddc84}
.document-confirm .preview{width:100%;border-radius:10px}
.document-confirm form{display:flex;flex-direction:column;gap:10px}
.document-confirm label{display:flex;flex-direction:column;gap:4px;font-size:.9rem}
.document-confirm input{font:inherit;padding:10px;border-radius:8px;border:1px solid #9aa3ad}
label.button{display:block;text-align:center;cursor:pointer}
`;

export function injectDocumentStyles(): void {
  if (document.getElementById("openekyc-documents-style")) return;
  const style = document.createElement("style");
  style.id = "openekyc-documents-style";
  style.textContent = css;
  document.head.append(style);
}
