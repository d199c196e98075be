/**
 * One spelling for the whole product: American English, as in the lessons and in VS Code itself.
 * The scan reads what people see (the settings and command texts of package.nls.json, the English
 * messages of l10n/bundle.l10n.json, the lessons, the nudges' texts and the walkthrough pages) and
 * names each British spelling with its file. Identifiers and stored field names are not text: the
 * nudges' ids and themes are not read, and a stored name in double quotes (the `"behaviour"` key of
 * stored feedback and of command arguments, the `"modelling"` action of a moment) may be quoted as it is.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Words spelled the British way whatever follows them: behaviours, colourful, favourite, neighbouring. */
const BRITISH_STEMS = [
  'behaviour',
  'colour',
  'favour',
  'honour',
  'neighbour',
  'labour',
  'humour',
  'rumour',
  'flavour',
  'endeavour',
  'harbour',
  'vigour',
  'armour',
  'savour',
  'odour',
  'parlour',
  'candour',
  'splendour',
  'valour',
  'ardour',
  'clamour',
  'tumour',
  'vapour',
  'demeanour',
  'practis',
  'modell',
  'labell',
  'travell',
  'signall',
  'levell',
  'counsell',
  'fuell',
  'channell',
  'marvell',
  'jewell',
  'catalogue',
  'analogue',
  'judgement',
  'acknowledgement',
  'fulfilment',
  'enrolment',
  'instalment',
  'sceptic',
  'artefact',
];

/** Whole words (and their plain inflections) spelled the British way. */
const BRITISH_WORDS = new Set([
  'centre',
  'centres',
  'centred',
  'centring',
  'metre',
  'metres',
  'fibre',
  'fibres',
  'theatre',
  'theatres',
  'litre',
  'litres',
  'calibre',
  'sombre',
  'spectre',
  'lustre',
  'meagre',
  'manoeuvre',
  'manoeuvres',
  'defence',
  'defences',
  'offence',
  'offences',
  'pretence',
  'licence',
  'licences',
  'programme',
  'programmes',
  'cancelled',
  'cancelling',
  'fulfil',
  'fulfils',
  'enrol',
  'enrols',
  'skilful',
  'wilful',
  'grey',
  'greys',
  'whilst',
  'amongst',
  'learnt',
  'spelt',
  'ageing',
  'cheque',
  'cheques',
  'aluminium',
  'towards',
  'afterwards',
  'analyse',
  'analysed',
  'analysing',
  'paralyse',
  'paralysed',
  'catalysed',
  'tyre',
  'tyres',
  'plough',
  'cosy',
  'draught',
  'mould',
  'moult',
  'oestrogen',
]);

/** Words spelled -ise in American English too (and any *wise): not British -ise spellings. */
const ISE_WORDS = new Set([
  'advise',
  'advertise',
  'apprise',
  'appraise',
  'arise',
  'braise',
  'bruise',
  'chastise',
  'chemise',
  'circumcise',
  'comprise',
  'compromise',
  'concise',
  'cruise',
  'demise',
  'despise',
  'devise',
  'disguise',
  'enterprise',
  'excise',
  'exercise',
  'expertise',
  'franchise',
  'guise',
  'improvise',
  'incise',
  'merchandise',
  'mortise',
  'noise',
  'paradise',
  'poise',
  'porpoise',
  'praise',
  'precise',
  'premise',
  'promise',
  'prise',
  'raise',
  'reprise',
  'revise',
  'rise',
  'sunrise',
  'uprise',
  'supervise',
  'surmise',
  'surprise',
  'televise',
  'tortoise',
  'treatise',
  'turquoise',
  'valise',
  'vise',
]);
/** Words that only look like an -ise form. */
const NOT_ISE = new Set(['crises', 'irises', 'bises']);

/** Whether a word is spelled the British way (in any case). */
function britishSpelling(word: string): boolean {
  const w = word.toLowerCase();
  if (BRITISH_WORDS.has(w) || BRITISH_STEMS.some((stem) => w.startsWith(stem))) {
    return true;
  }
  // organise, prioritised, recognising, summarises, organisation, realisations…
  const ise = /^([a-z]+)is(?:e|es|ed|ing|er|ers|ation|ations|ational)$/.exec(w);
  if (!ise || NOT_ISE.has(w)) {
    return false;
  }
  const base = `${ise[1] ?? ''}ise`;
  return !ISE_WORDS.has(base) && !base.endsWith('wise');
}

/** The British spellings in a text, each once, in order; a field name in double quotes is left alone. */
function britishSpellings(text: string): string[] {
  const prose = text.replace(/"(behaviour|modelling)"/g, '""');
  return [...new Set((prose.match(/[A-Za-z]+/g) ?? []).filter(britishSpelling))];
}

/** Every user-visible text of the product, by the file it comes from. */
function shippedTexts(): { file: string; text: string }[] {
  const json = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const texts: { file: string; text: string }[] = [];
  texts.push({ file: 'package.nls.json', text: Object.values(json('package.nls.json') as Record<string, string>).join('\n') });
  texts.push({ file: 'l10n/bundle.l10n.json', text: Object.keys(json('l10n/bundle.l10n.json') as Record<string, string>).join('\n') });
  const nudges = (json('media/nudges.json') as { nudges: Record<string, string | undefined>[] }).nudges;
  texts.push({
    file: 'media/nudges.json',
    text: nudges.map((n) => [n['short'], n['action'], n['why'], n['question'], n['reflection']].filter(Boolean).join('\n')).join('\n'),
  });
  for (const dir of ['media/lessons', 'media/walkthrough']) {
    for (const name of readdirSync(join(root, dir))
      .filter((n) => n.endsWith('.md'))
      .sort()) {
      texts.push({ file: `${dir}/${name}`, text: readFileSync(join(root, dir, name), 'utf8') });
    }
  }
  return texts;
}

describe('one spelling', () => {
  it('the check catches British spellings, -ise verbs and -isation nouns, however they are cased', () => {
    assert.deepEqual(britishSpellings('Behaviour: what did they do? Pick the colours you favour.'), ['Behaviour', 'colours', 'favour']);
    assert.deepEqual(
      britishSpellings('Organise the backlog, prioritise it, recognise effort and summarise: an organisation practises it.'),
      ['Organise', 'prioritise', 'recognise', 'summarise', 'organisation', 'practises'],
    );
    assert.deepEqual(britishSpellings('The centre modelled the catalogue in the programme.'), [
      'centre',
      'modelled',
      'catalogue',
      'programme',
    ]);
    assert.deepEqual(britishSpellings('Categorise, memorise and authorise it; the programmer cancelled.'), [
      'Categorise',
      'memorise',
      'authorise',
      'cancelled',
    ]);
    assert.deepEqual(britishSpellings('You practised it, and it paid off afterwards.'), ['practised', 'afterwards']);
  });

  it('the check passes American spellings, words that end in -ise in American too, and a quoted field name', () => {
    const american =
      'Organize, prioritize and recognize the behavior you favor; practice modeling it. A promise, a surprise, an exercise, ' +
      'otherwise precise advice: raise it, advertising the expertise, improvising. Realistic analysis of crises in the center, ' +
      'rising enterprise, a programmer who canceled the cancellation.';
    assert.deepEqual(britishSpellings(american), []);
    assert.deepEqual(britishSpellings('"kind" must be "given" ("situation", "behaviour", "impact").'), []);
    assert.deepEqual(britishSpellings('the behaviour field'), ['behaviour']);
  });

  it('holds in every text people see: settings, messages, lessons, nudges and the walkthrough', () => {
    const texts = shippedTexts();
    assert.ok(texts.filter((t) => t.file.startsWith('media/lessons/')).length >= 30, 'the lessons were read');
    assert.ok(
      texts.some((t) => t.file.startsWith('media/walkthrough/')),
      'the walkthrough was read',
    );
    const found = texts.flatMap(({ file, text }) => britishSpellings(text).map((word) => `${file}: ${word}`));
    assert.deepEqual(found, []);
  });
});
