// The lessons' HTML, rendered once at build time (markdown-it, HTML off) instead of in every extension
// host: dist/lessons/lessons.json, each media/lessons/<id>.md's HTML by id, by
// src/lessons/build/renderLessons.ts (bundled and run here, so the build and its unit tests share one
// renderer), and dist/lessons/catalogue.json with each lesson's front matter. esbuild.mjs calls it.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export async function renderLessons() {
  const renderer = await esbuild.build({
    entryPoints: ['src/lessons/build/renderLessons.ts'],
    bundle: true,
    platform: 'node',
    write: false,
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', renderer.outputFiles[0].text)(module, module.exports, require);
  const names = readdirSync('media/lessons').filter((name) => name.endsWith('.md'));
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join('media/lessons', name), 'utf8') })));
  // Emptied first: a lesson removed from media/lessons must not stay behind from an earlier build.
  await rm('dist/lessons', { recursive: true, force: true });
  await mkdir('dist/lessons', { recursive: true });
  // One file, not one per lesson: the package compresses each file on its own, so thirty small pages
  // cost 36.3 KB deflated plus about 5.5 KB of zip entry headers, and one file of them 26.3 KB (the
  // .vsix went from 325,311 to 310,635 bytes). The lesson panel reads it when a lesson opens.
  const rendered = Object.fromEntries(module.exports.renderLessonFiles(files).map(({ id, html }) => [id, html]));
  await writeFile(join('dist/lessons', 'lessons.json'), JSON.stringify(rendered));
  // The catalogue the extension reads at load: each lesson's front matter only (its body is in the
  // HTML above), one file instead of thirty, and the markdown need not ship twice (about 37 KB).
  const catalogue = files.map(({ name, text }) => ({ name, text: FRONT_MATTER.exec(text)?.[0] ?? text }));
  await writeFile(join('dist/lessons', 'catalogue.json'), JSON.stringify(catalogue));
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
