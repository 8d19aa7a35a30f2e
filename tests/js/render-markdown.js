// Renders Markdown the way Web Chat does (its own markdown-it, same options) and prints {"html": "..."}.
// Usage: node render-markdown.js MARKDOWN [no-typographer]
// With no-typographer, CommonMark with links found in text and no typographic replacements: the Markdown Teams reads
// as markup, as near as a renderer that can run here comes to it.
const path = require('path');
const MarkdownIt = require(path.join(__dirname, '..', '..', 'src', 'Assistant.Web', 'node_modules', 'markdown-it'));

const typographer = process.argv[3] !== 'no-typographer';
const markdown = new MarkdownIt({ breaks: false, html: false, linkify: true, typographer, xhtmlOut: true });
console.log(JSON.stringify({ html: markdown.render(process.argv[2]) }));
