import { MONDAY_TO_FRIDAY, todayKey, type Clock, type DateKey, type Weekday } from '../core/dates';
import { ACTION_THEMES, neglectedAction } from '../review/review';
import type { TeamData } from '../team/kinds';
import type { MovingTest } from '../team/delegations';
import type { TeamStore } from '../team/store/store';
import {
  streakOf,
  type Streak,
  isNudgeDoneToday,
  markNudgeDone,
  pickAnotherNudge,
  pickNudgeForDay,
  readNudgeProgress,
  type Neglect,
  type Nudge,
  type NudgeContext,
  type NudgeProgress,
  type NudgeTheme,
  type TodayNudge,
} from './nudges';
import { Emitter, SerialQueue, type StateStorage } from '../core/storage';

export interface TodayCoachDeps {
  readonly storage: StateStorage;
  readonly progressKey: string;
  readonly clock: Clock;
  readonly catalogue: readonly Nudge[];
  readonly team: TeamStore;
  readonly themes: () => readonly NudgeTheme[];
  /** Whether the daily nudge leans towards the action practised least (setting techLead.nudges.adaptive). */
  readonly adaptive: () => boolean;
  /** The days the lead works (setting techLead.nudges.workdays): the streak counts these only. */
  readonly workdays?: () => readonly Weekday[];
  /** People whose pace signal fired (the repository signals, when on); none by default. */
  readonly paceCheckIns?: () => readonly string[];
  /** Fires when those (or which work moves) may have changed. */
  readonly onPaceChange?: (listener: () => void) => { dispose(): unknown };
  /** Whether a delegation's work visibly moves (the repository signals, when on): its passed follow-up does not nag. */
  readonly moving?: MovingTest;
  /** Told when progress could not be saved; the nudge still shows. */
  readonly onSaveError?: (error: unknown) => void;
}

/** The days the adaptive coach looks back over. */
export const NEGLECT_WINDOW_DAYS = 14;

/** Today's nudge, "Another one", "Done" and the streak, with progress kept per user. */
export class TodayCoach {
  private progress: NudgeProgress;
  private neglectCache: { today: DateKey; data: TeamData; progress: NudgeProgress; result: { neglected?: Neglect } } | undefined;
  private readonly queue = new SerialQueue();
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  private readonly paceListener: { dispose(): unknown } | undefined;

  constructor(private readonly deps: TodayCoachDeps) {
    this.progress = readNudgeProgress(deps.storage.get(deps.progressKey));
    this.paceListener = deps.onPaceChange?.(() => this.changed.fire());
  }

  /** Today's nudge; the first call of a day records the pick so it stays the same all day. */
  current(): TodayNudge | undefined {
    const result = pickNudgeForDay(this.context(), this.progress);
    if (result && result.progress !== this.progress) {
      // save() reports its own failures through onSaveError; nothing here waits for it.
      this.save(result.progress).catch(() => undefined);
    }
    return result?.nudge;
  }

  async another(): Promise<TodayNudge | undefined> {
    const current = this.current();
    const result = pickAnotherNudge(this.context(), this.progress, current?.id ?? '');
    if (!result) {
      return current;
    }
    await this.save(result.progress);
    this.changed.fire();
    return result.nudge;
  }

  async done(): Promise<void> {
    const next = markNudgeDone(this.progress, todayKey(this.deps.clock));
    if (next !== this.progress) {
      await this.save(next);
      this.changed.fire();
    }
  }

  /** The progress as it is now (the weekly review counts the nudges done). */
  progressSnapshot(): NudgeProgress {
    return this.progress;
  }

  /** The nudge catalogue as loaded (the person page draws its questions from it). */
  catalogue(): readonly Nudge[] {
    return this.deps.catalogue;
  }

  doneToday(): boolean {
    return isNudgeDoneToday(this.progress, todayKey(this.deps.clock));
  }

  streak(): number {
    return this.streakDetails().days;
  }

  /** The streak in workdays, and the missed workdays it forgave (see streakOf). */
  streakDetails(): Streak {
    return streakOf(this.progress, todayKey(this.deps.clock), this.deps.workdays?.() ?? MONDAY_TO_FRIDAY);
  }

  flushed(): Promise<void> {
    return this.queue.idle();
  }

  dispose(): void {
    this.paceListener?.dispose();
    this.changed.dispose();
  }

  private context(): NudgeContext {
    const today = todayKey(this.deps.clock);
    return {
      ...(this.deps.adaptive() ? this.neglect(today) : {}),
      catalogue: this.deps.catalogue,
      themes: this.deps.themes(),
      today,
      delegations: this.deps.team.delegations(),
      daysSinceLastDelegated: this.deps.team.daysSinceLastDelegated(),
      // Archived people too: an overdue follow-up of theirs still names them; no 1:1 nudge is made for them.
      people: this.deps.team.people(),
      oneOnOnes: this.deps.team.oneOnOnes(),
      feedback: this.deps.team.feedback(),
      paceCheckIns: this.deps.paceCheckIns?.() ?? [],
      ...(this.deps.moving === undefined ? {} : { moving: this.deps.moving }),
    };
  }

  /**
   * The action practised least over the last two weeks, with the themes that practise it. It reads
   * the whole history (a few milliseconds at two years of data), so it is worked out again only when
   * the day, the team data or the progress changed, not at every look at today's nudge.
   */
  private neglect(today: DateKey): { neglected?: Neglect } {
    const data = this.deps.team.snapshot();
    const cached = this.neglectCache;
    if (cached?.today === today && cached.data === data && cached.progress === this.progress) {
      return cached.result;
    }
    const found = neglectedAction({ data, progress: this.progress, catalogue: this.deps.catalogue, today }, NEGLECT_WINDOW_DAYS);
    const result = found ? { neglected: { action: found.action, themes: ACTION_THEMES[found.action], daysSince: found.daysSince } } : {};
    this.neglectCache = { today, data, progress: this.progress, result };
    return result;
  }

  private save(progress: NudgeProgress): Promise<void> {
    this.progress = progress;
    return this.queue
      .run(() => this.deps.storage.update(this.deps.progressKey, progress))
      .catch((error: unknown) => {
        this.deps.onSaveError?.(error);
      });
  }
}
