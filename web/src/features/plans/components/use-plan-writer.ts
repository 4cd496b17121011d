import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldValue, PhaseKey, PlanContent } from '@nvr/shared';
import type { Plan } from '../../../api/plan-types';
import { isApiError } from '../../../lib/api-error';
import { getPlanQueryOptions } from '../api/get-plan';
import { updatePlan } from '../api/update-plan';

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
 * Sends changed fields after a quiet moment. Only the fields changed since the last save go in a
 * request; edits made while one is under way go in the next. On a version conflict it stops, so
 * nothing is overwritten; on other errors the changes are kept for the next attempt.
 */
class Autosaver {
  private pending = new Map<string, { section: string; field: string; value: FieldValue }>();
  private timer: number | undefined;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly save: (content: PlanContent) => Promise<unknown>,
    private readonly report: (state: SaveState) => void,
  ) {}

  change(section: string, field: string, value: FieldValue) {
    if (this.stopped) return;
    this.pending.set(`${section}\u0000${field}`, { section, field, value });
    if (!this.inFlight) this.report({ kind: 'pending' });
    this.schedule();
  }

  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inFlight !== null;
  }

  /** Sends what is waiting now (and waits for a save under way first). */
  async flush(): Promise<void> {
    window.clearTimeout(this.timer);
    if (this.inFlight) {
      await this.inFlight;
      return this.pending.size > 0 && !this.stopped ? this.flush() : undefined;
    }
    if (this.stopped || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const content: PlanContent = {};
    for (const { section, field, value } of batch.values()) content[section] = { ...(content[section] ?? {}), [field]: value };

    this.report({ kind: 'saving' });
    let ok = false;
    this.inFlight = this.save(content).then(
      () => {
        ok = true;
        this.report(this.pending.size > 0 ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
      },
      (error: unknown) => {
        for (const [key, change] of batch) if (!this.pending.has(key)) this.pending.set(key, change);
        if (isApiError(error, 'VERSION_CONFLICT')) {
          this.stopped = true;
          this.report({ kind: 'conflict' });
        } else {
          this.report({ kind: 'error', error });
        }
      },
    );
    await this.inFlight;
    this.inFlight = null;
    if (ok && this.pending.size > 0) this.schedule();
  }

  private schedule() {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }
}

/**
 * Autosave of the plan's answers through the plan's writer: ~1.5 s after the last keystroke, PATCH
 * with only the changed fields and the version. Leaving the page sends what is waiting at once, and
 * closing the tab with unsaved changes asks first.
 */
export function useAutosave(projectId: string, phaseKey: PhaseKey, write: PlanWriter) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [saver] = useState(
    () => new Autosaver((content) => write((version) => updatePlan({ projectId, phaseKey, body: { content, version } })), setState),
  );

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
    change: useCallback((section: string, field: string, value: FieldValue) => saver.change(section, field, value), [saver]),
    flush: useCallback(() => saver.flush(), [saver]),
  };
}
