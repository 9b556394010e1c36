// STUB — MAIN-world clipboard hook, replaced by the connect work. Runs in the page's world at
// document_start: it must not import anything and must never see private key material.
export {};
