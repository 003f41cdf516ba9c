// Download a URL to a file (the image has no curl/wget, like node:*-slim).
'use strict';
const fs = require('fs');
const [url, out] = process.argv.slice(2);
const get = (u, left) => require(u.startsWith('https:') ? 'https' : 'http').get(u, (res) => {
  if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && left > 0) {
    res.resume();
    return get(new URL(res.headers.location, u).toString(), left - 1);
  }
  if (res.statusCode !== 200) {
    console.error(`fetch ${u}: HTTP ${res.statusCode}`);
    process.exit(1);
  }
  res.pipe(fs.createWriteStream(out)).on('finish', () => process.exit(0));
}).on('error', (e) => { console.error(`fetch ${u}: ${e.message}`); process.exit(1); });
get(url, 5);
