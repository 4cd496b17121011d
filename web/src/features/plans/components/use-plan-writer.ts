import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { PhaseKey, PlanContent } from '@nvr/shared';
import type { Plan } from '../../../api/plan-types';
import { isApiError } from '../../../lib/api-error';
import { getPlanQueryOptions } from '../api/get-plan';
import { updatePlan } from '../api/update-plan';
import type { ChangeSource } from './plan-form';

/**
 * Every change to a plan (answers, budget, cost sharing, versions) goes through one writer: one request
 * at a time, each with the plan version the previous one answered, so the editor's own saves never
 * conflict with each other. A 409 means someone else saved in between.
 */
export function usePlanWriter(projectId: string, phaseKey: PhaseKey, initialVersion: number) {
  const queryClient = useQueryClient();
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const write = useCallback(
    (request: (version: number) => Promise<Plan>): Promise<Plan> => {
      const next = queue.current
        .catch(() => undefined)
        .then(async () => {
          const plan = await request(version.current);
          version.current = plan.version;
          queryClient.setQueryData(getPlanQueryOptions(projectId, phaseKey).queryKey, plan);
          // The gate's readiness and the next actions read the plan's budget: refresh the project (not this plan).
          void queryClient.invalidateQueries({ queryKey: ['projects', 'detail', projectId], exact: true });
          return plan;
        });
      queue.current = next;
      return next;
    },
    [projectId, phaseKey, queryClient],
  );

  return write;
}

export type PlanWriter = ReturnType<typeof usePlanWriter>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict' };

const AUTOSAVE_DELAY_MS = 1500;

/**
 * Sends the changed fields after a quiet moment. What is changed is the form's business (its dirty
 * fields, see ChangeSource): a request carries the fields changed since the last save; edits made while
 * one is under way stay changed and go in the next. On a version conflict it stops, so nothing is
 * overwritten; on other errors the fields stay changed for the next attempt.
 */
class Autosaver {
  private timer: number | undefined;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  /** What the line says when nothing waits: never saved here, or when the last save went through. */
  private settled: SaveState = { kind: 'idle' };

  constructor(
    private readonly save: (content: PlanContent) => Promise<unknown>,
    private changes: ChangeSource,
    private readonly report: (state: SaveState) => void,
  ) {}

  /** The form's changes as of its latest render (the template's sections come with each answer). */
  use(changes: ChangeSource) {
    this.changes = changes;
  }

  /** The person changed a field: save after a quiet moment. */
  changed() {
    if (this.stopped) return;
    if (!this.inFlight) this.report({ kind: 'pending' });
    this.schedule();
  }

  hasUnsaved(): boolean {
    return this.inFlight !== null || this.changes.unsaved().length > 0;
  }

  /** Sends what is waiting now (and waits for a save under way first). */
  async flush(): Promise<void> {
    window.clearTimeout(this.timer);
    if (this.inFlight) {
      await this.inFlight;
      return !this.stopped && this.changes.unsaved().length > 0 ? this.flush() : undefined;
    }
    if (this.stopped) return;
    const batch = this.changes.unsaved();
    if (batch.length === 0) {
      // Changed back to what is saved: nothing to send.
      this.report(this.settled);
      return;
    }
    const content: PlanContent = {};
    for (const { section, field, value } of batch) content[section] = { ...(content[section] ?? {}), [field]: value };

    this.report({ kind: 'saving' });
    let ok = false;
    this.inFlight = this.save(content).then(
      () => {
        ok = true;
        this.changes.saved(batch);
        this.settled = { kind: 'saved', at: new Date() };
        this.report(this.changes.unsaved().length > 0 ? { kind: 'pending' } : this.settled);
      },
      (error: unknown) => {
        if (isApiError(error, 'VERSION_CONFLICT')) {
          this.stopped = true;
          this.report({ kind: 'conflict' });
        } else {
          this.changes.failed(error);
          this.report({ kind: 'error', error });
        }
      },
    );
    await this.inFlight;
    this.inFlight = null;
    if (ok && this.changes.unsaved().length > 0) this.schedule();
  }

  private schedule() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }
}

/**
 * Autosave of the plan form through the plan's writer: ~1.5 s after the last change, PATCH with only
 * the form's dirty fields and the version. Leaving the page sends what is waiting at once, and closing
 * the tab with unsaved changes asks first.
 */
export function useAutosave(projectId: string, phaseKey: PhaseKey, write: PlanWriter, changes: ChangeSource) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [saver] = useState(
    () =>
      new Autosaver((content) => write((version) => updatePlan({ projectId, phaseKey, body: { content, version } })), changes, setState),
  );

  useEffect(() => {
    saver.use(changes);
    return changes.onChange(() => saver.changed());
  }, [changes, saver]);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.hasUnsaved()) {
        void saver.flush();
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void saver.flush();
    };
  }, [saver]);

  return {
    state,
    flush: useCallback(() => saver.flush(), [saver]),
  };
}
