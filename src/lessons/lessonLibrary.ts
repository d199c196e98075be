import { promises as fs } from 'fs';
import * as path from 'path';
import { LessonCatalogue, parseLesson, readLessonsRead, type Lesson } from '../domain/lessons';
import { Emitter, type StateStorage } from '../domain/storage';

/** The lesson files in `media/lessons/`, read once on first use, and the lead's read marks. */
export class LessonLibrary {
  private loading: Promise<LessonCatalogue> | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChangeRead = this.changed.event;
  /** Files that could not be read, named for the log. */
  readonly problems: string[] = [];

  constructor(
    private readonly lessonsDir: string,
    private readonly storage: StateStorage,
    private readonly readKey: string,
  ) {}

  catalogue(): Promise<LessonCatalogue> {
    this.loading ??= this.load();
    return this.loading;
  }

  isRead(id: string): boolean {
    return readLessonsRead(this.storage.get(this.readKey)).includes(id);
  }

  async setRead(id: string, read: boolean): Promise<void> {
    const current = readLessonsRead(this.storage.get(this.readKey)).filter((other) => other !== id);
    await this.storage.update(this.readKey, read ? [...current, id] : current);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async load(): Promise<LessonCatalogue> {
    const names = (await fs.readdir(this.lessonsDir)).filter((name) => name.endsWith('.md'));
    const lessons: Lesson[] = [];
    for (const name of names) {
      const parsed = parseLesson(name, await fs.readFile(path.join(this.lessonsDir, name), 'utf8'));
      if (parsed.ok) {
        lessons.push(parsed.lesson);
      } else {
        this.problems.push(parsed.error);
      }
    }
    return new LessonCatalogue(lessons);
  }
}
