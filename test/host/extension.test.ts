/**
 * In-host tests: they run inside a real VS Code extension host (code-server here, or VS Code
 * through @vscode/test-cli), against the installed extension and its real workspace state.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TechLeadCoachApi } from '../../src/api';
import { Commands, EXTENSION_ID } from '../../src/ids';

async function api(): Promise<TechLeadCoachApi> {
  const extension = vscode.extensions.getExtension<TechLeadCoachApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const exports = await extension.activate();
  assert.ok(exports, 'the installed build returns no test API: these tests need dist/tech-lead-coach-test.vsix (npm run package:test)');
  assert.equal(exports.apiVersion, 1);
  return exports;
}

/** The team as it reached storage (the index in workspace state, the chunk files it names). */
async function stored(coach: TechLeadCoachApi): Promise<{
  schemaVersion: number;
  people: { id: string; name: string }[];
  delegations: { id: string; task: string; personId: string; doneOn?: string }[];
}> {
  return (await coach.storedTeam()) as {
    schemaVersion: number;
    people: { id: string; name: string }[];
    delegations: { id: string; task: string; personId: string; doneOn?: string }[];
  };
}

/** The name of the person a stored delegation is with, found through the team's people. */
async function personOf(coach: TechLeadCoachApi, delegationId: string): Promise<string | undefined> {
  const record = (await stored(coach)).delegations.find((d) => d.id === delegationId);
  return record === undefined ? undefined : coach.team().people.find((p) => p.id === record.personId)?.name;
}

describe('Tech Lead Coach in a real extension host', function () {
  this.timeout(30_000);

  it('registers every command it contributes', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } })
      .contributes.commands;
    for (const { command } of contributed) {
      assert.ok(registered.has(command), `${command} is contributed but not registered`);
    }
    for (const id of Object.values(Commands)) {
      assert.ok(registered.has(id), `${id} is not registered`);
    }
  });

  it('hands the streak and the lessons read to Settings Sync, and keeps the tracker per workspace', async () => {
    const coach = await api();
    assert.deepEqual([...coach.syncedKeys()].sort(), ['techLead.lessonsRead', 'techLead.nudgeProgress']);
    assert.ok(!coach.syncedKeys().some((key) => key.startsWith('techLead.delegations') || key.startsWith('techLead.team')));
  });

  it('uses default keys that no default keybinding of this VS Code already uses', async () => {
    await api();
    // VS Code's own list of default keybindings (built-ins and installed extensions), as JSON with comments.
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const editor = vscode.window.activeTextEditor;
    assert.ok(
      editor && /keybindings/i.test(editor.document.uri.toString()),
      `the default keybindings did not open (${editor?.document.uri.toString() ?? 'no editor'})`,
    );
    const text = editor.document.getText().replace(/^\s*\/\/.*$/gm, '');
    // A binding whose `when` is "false" never fires (VS Code ships some as placeholders).
    const defaults = (JSON.parse(text) as { key: string; command: string; when?: string }[]).filter((d) => d.when !== 'false');
    assert.ok(defaults.length > 200, `only ${defaults.length} default keybindings read`);
    const ours = (
      vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
        contributes: { keybindings: { key: string; command: string; when?: string }[] };
      }
    ).contributes.keybindings.filter((k) => k.when === undefined);
    assert.ok(ours.length >= 2);
    for (const binding of ours) {
      const first = binding.key.split(' ')[0];
      const clashes = defaults.filter(
        (d) => d.command !== binding.command && !d.command.startsWith('-') && (d.key === binding.key || d.key === first),
      );
      assert.deepEqual(clashes, [], `${binding.key} (${binding.command}) clashes with a default keybinding`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('logs a delegation from an argument object into workspace state', async () => {
    const coach = await api();
    const before = coach.delegations().length;
    const saved = (await vscode.commands.executeCommand(Commands.logDelegation, {
      task: 'Host test: own the release notes',
      person: 'Priya',
      level: 'advise',
      followUp: 3,
      note: 'agreed in standup',
    })) as { id: string } | undefined;
    assert.ok(saved, 'the command returned nothing');
    await coach.flushed();
    assert.equal(coach.delegations().length, before + 1);
    const record = (await stored(coach)).delegations.find((d) => d.id === saved.id);
    assert.equal((await stored(coach)).schemaVersion, 6);
    assert.equal(record?.task, 'Host test: own the release notes');
    assert.equal(await personOf(coach, saved.id), 'Priya');
    assert.ok(
      (await stored(coach)).people.some((p) => p.id === record?.personId && p.name === 'Priya'),
      'the person is not in storage with the delegation',
    );
    // The chunks are files in the workspace storage folder (a folder is open), named by person (in hex), year, lineage and a stamp of their own.
    const files = await coach.teamChunkFiles();
    assert.ok(files, 'no storage folder although a folder is open');
    const hex = Buffer.from(record?.personId ?? '').toString('hex');
    assert.ok(
      files.some((name) => new RegExp(`^delegations-${hex}-\\d{4}-[0-9a-z]{8}-[0-9a-z]+\\.[0-9a-z]{4}\\.json$`).test(name)),
      `no chunk file for the delegation's person among ${files.join(', ')}`,
    );
  });

  it('refuses bad arguments and writes nothing', async () => {
    const coach = await api();
    const before = JSON.stringify(await coach.storedTeam());
    for (const bad of [
      { task: '', person: 'Sam' },
      { task: 'x', person: 'Sam', level: 12 },
      { task: 'x', person: 'Sam', followUp: '2001-01-01' },
      { task: 'x', person: 'Sam', surprise: true },
      'just text',
    ]) {
      const result = await vscode.commands.executeCommand(Commands.logDelegation, bad);
      assert.equal(result, undefined, JSON.stringify(bad));
    }
    await coach.flushed();
    assert.equal(JSON.stringify(await coach.storedTeam()), before);
  });

  it('marks a delegation done, reopens it and deletes it, each reaching storage', async () => {
    const coach = await api();
    const saved = (await vscode.commands.executeCommand(Commands.logDelegation, {
      task: 'Host test: pair on the flaky test',
      person: 'Jo',
    })) as { id: string };
    await vscode.commands.executeCommand(Commands.markDone, saved.id);
    await coach.flushed();
    assert.ok((await stored(coach)).delegations.find((d) => d.id === saved.id)?.doneOn, 'not done in storage');
    await vscode.commands.executeCommand(Commands.reopen, saved.id);
    await coach.flushed();
    assert.equal((await stored(coach)).delegations.find((d) => d.id === saved.id)?.doneOn, undefined);
    await vscode.commands.executeCommand(Commands.delete, saved.id);
    await coach.flushed();
    assert.equal(
      (await stored(coach)).delegations.some((d) => d.id === saved.id),
      false,
    );
  });

  it("imports a JSON export given as a file URI (also by the command's old id), and a broken file changes nothing", async () => {
    const coach = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlc-host-import-'));
    const today = new Date().toISOString().slice(0, 10);
    const record = {
      id: 'host-import-1',
      task: 'Host test: imported',
      person: 'Imani',
      level: 6,
      createdOn: today,
      followUpOn: today,
      history: [{ kind: 'created', on: today }],
    };
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ format: 'tech-lead-coach/delegations', version: 1, delegations: [record] }));
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(
      broken,
      JSON.stringify({
        format: 'tech-lead-coach/delegations',
        version: 1,
        delegations: [{ ...record, id: 'host-import-2', level: 'high' }],
      }),
    );
    const before = JSON.stringify(await coach.storedTeam());
    await vscode.commands.executeCommand(Commands.importTeamData, vscode.Uri.file(broken));
    await coach.flushed();
    assert.equal(JSON.stringify(await coach.storedTeam()), before, 'a broken file changed the tracker');
    // By its old id, as a keybinding made before the rename names it: the alias runs Import Team Data.
    await vscode.commands.executeCommand('techLead.importDelegations', vscode.Uri.file(good));
    await coach.flushed();
    assert.equal((await stored(coach)).delegations.find((d) => d.id === 'host-import-1')?.task, 'Host test: imported');
    assert.equal(await personOf(coach, 'host-import-1'), 'Imani', "the release 0.1 file's name did not become a person");
    await vscode.commands.executeCommand(Commands.delete, 'host-import-1');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives a nudge for today, another one on request, and records Done', async () => {
    const coach = await api();
    const first = coach.todayNudge();
    assert.ok(first, 'no nudge today');
    assert.ok(first.short.length > 0 && first.short.length <= 36);
    await vscode.commands.executeCommand(Commands.anotherNudge);
    const second = coach.todayNudge();
    assert.notEqual(second?.id, first.id);
    assert.equal(coach.todayNudge()?.id, second?.id, 'another one is remembered');
    await vscode.commands.executeCommand(Commands.completeNudge);
    assert.equal(coach.nudgeDoneToday(), true);
  });

  it('opens a lesson by id and refuses an unknown one', async () => {
    const coach = await api();
    await vscode.commands.executeCommand(Commands.openLesson, 'check-in');
    assert.equal(coach.currentLessonId(), 'check-in');
    await vscode.commands.executeCommand(Commands.openLesson, 'no-such-lesson');
    assert.equal(coach.currentLessonId(), 'check-in');
  });

  it('shows the Today view on request', async () => {
    await api();
    await vscode.commands.executeCommand(Commands.showToday);
  });
});
