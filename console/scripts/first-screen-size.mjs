// The JavaScript the browser needs for the first screen (sign-in lands on 工作台): the entry chunk,
// the 工作台 route's chunk and everything they import statically, gzipped. Fails the build above
// the budget. Reads Vite's manifest, then moves it out of the served files.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 500
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'target/classes/static')
const manifestFile = join(out, '.vite/manifest.json')
const kept = join(root, 'target/vite-manifest.json')

if (existsSync(manifestFile)) {
  mkdirSync(dirname(kept), { recursive: true })
  renameSync(manifestFile, kept)
  rmSync(join(out, '.vite'), { recursive: true, force: true })
}
const manifest = JSON.parse(readFileSync(kept, 'utf8'))

const files = new Set()
function take(key) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) {
    return
  }
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) {
    take(imported)
  }
}
take('index.html')
take('src/views/DashboardView.vue')

let raw = 0
let gzipped = 0
const lines = []
for (const file of [...files].sort()) {
  const bytes = readFileSync(join(out, file))
  const packed = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gzipped += packed
  lines.push(`${(packed / 1024).toFixed(1).padStart(8)} KB gz  ${file}`)
}
const summary = `first screen JavaScript: ${files.size} files, ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`
writeFileSync(join(root, 'target/first-screen-size.txt'), [...lines, summary, ''].join('\n'))
console.log(summary)
if (gzipped > BUDGET_KB * 1024) {
  console.error(lines.join('\n'))
  process.exit(1)
}
