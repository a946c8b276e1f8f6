// PDFKit's browser build, imported by path (its package exports give Node the zlib build): the
// print code runs this one build in Node and in the browser, so a PDF's bytes are the same in both.
declare module '*/pdfkit/js/pdfkit.browser.mjs' {
  import PDFDocument from 'pdfkit';
  export default PDFDocument;
}
