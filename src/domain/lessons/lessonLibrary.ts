import { LessonCatalogue, parseLesson, type Lesson } from './lessons';
import { Emitter, type ValueCell } from '../core/storage';

/** A lesson file as read from disk (or from wherever the host keeps the extension's files). */
export interface LessonFile {
  readonly name: string;
  readonly text: string;
}

/**
 * The lessons, read once on first use through `readFiles`, and the lead's read marks. A file that
 * does not parse is left out and reported through `onProblem`.
 */
export class LessonLibrary {
  private loading: Promise<LessonCatalogue> | undefined;
  private loaded: LessonCatalogue | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChangeRead = this.changed.event;

  constructor(
    private readonly readFiles: () => Promise<readonly LessonFile[]>,
    /** The ids of the lessons marked read, as stored. */
    private readonly readMarks: ValueCell<readonly string[]>,
    private readonly onProblem: (problem: string) => void,
  ) {}

  catalogue(): Promise<LessonCatalogue> {
    this.loading ??= this.load().then((catalogue) => (this.loaded = catalogue));
    return this.loading;
  }

  /** The catalogue if it was read already; undefined before (it does not start the read). */
  catalogueIfLoaded(): LessonCatalogue | undefined {
    return this.loaded;
  }

  isRead(id: string): boolean {
    return this.readMarks.get().includes(id);
  }

  async setRead(id: string, read: boolean): Promise<void> {
    const current = this.readMarks.get().filter((other) => other !== id);
    await this.readMarks.update(read ? [...current, id] : current);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async load(): Promise<LessonCatalogue> {
    const lessons: Lesson[] = [];
    for (const file of await this.readFiles()) {
      const parsed = parseLesson(file.name, file.text);
      if (parsed.ok) {
        lessons.push(parsed.lesson);
      } else {
        this.onProblem(parsed.error);
      }
    }
    return new LessonCatalogue(lessons);
  }
}
