// Renders Markdown the way Web Chat does (its own markdown-it, same options) and prints {"html": "..."}.
// Usage: node render-markdown.js MARKDOWN
const path = require('path');
const MarkdownIt = require(path.join(__dirname, '..', '..', 'src', 'Assistant.Web', 'node_modules', 'markdown-it'));

const markdown = new MarkdownIt({ breaks: false, html: false, linkify: true, typographer: true, xhtmlOut: true });
console.log(JSON.stringify({ html: markdown.render(process.argv[2]) }));
