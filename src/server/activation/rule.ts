import { compareWeeks, lastCompleteWeek, type IsoWeek } from '@/lib/epi-week';
import type { Tx } from '@/server/verdicts/province-verdict';
import { decideConsequence, type Consequence } from './consequence';
import { AUTO_ACTIVATION_ACTOR, openActivation, type OpenResult } from './open';
import { closeProposal, findOpenProposal, proposeActivation, provinceValidIn, type ProposalResult } from './proposals';
import { applyCorrection, type CorrectionOutcome, type ReportChange } from './withdraw';

// The automatic rule after a write to a province's figures, in order:
// 1. the open activation's week was written: a correction (withdrawal of an untouched automatic opening, or the
//    correction recorded for the leaders), decided by decideConsequence;
// 2. the latest complete week was written: decideConsequence for it (after step 1, which may have withdrawn the plan)
//    and its act: open the plan (settled surge), propose it (unsettled surge), or close the week's open proposal
//    (settled below surge, or no longer a surge); an open proposal of an older week is replaced.
// No `server-only`: the seed runs this (see open.ts).

export interface ReportsWritten {
  provinceCode: string;
  /** the weeks whose figures changed */
  weeks: IsoWeek[];
  /** the user whose write triggered this (null id: the seed) */
  actor: { id: number | null; label: string };
  now: Date;
  /** what changed, row by row: kept with a correction of an open activation's week (who, unit, before, after) */
  changes?: ReportChange[];
}

export interface RuleOutcome {
  /** what happened to the latest complete week (null when the write did not touch it) */
  consequence: Consequence | null;
  activation: OpenResult | null;
  proposal: ProposalResult | { status: 'closed'; as: 'OPENED' | 'SETTLED' | 'LAPSED' | 'ACTIVATED' } | null;
  correction: CorrectionOutcome | null;
}

export async function runAutomaticRule(tx: Tx, event: ReportsWritten): Promise<RuleOutcome | null> {
  const latest = lastCompleteWeek(event.now);
  const touched = (w: IsoWeek) => event.weeks.some((x) => compareWeeks(x, w) === 0);
  const outcome: RuleOutcome = { consequence: null, activation: null, proposal: null, correction: null };

  const open = await tx.activation.findFirst({
    where: { status: 'OPEN', province: { code: event.provinceCode, kind: 'province' } },
    select: { isoYear: true, isoWeek: true },
  });
  const openWeek = open ? { isoYear: open.isoYear, isoWeek: open.isoWeek } : null;
  if (openWeek && touched(openWeek) && compareWeeks(openWeek, latest) !== 0) {
    const decision = await decideConsequence(tx, event.provinceCode, openWeek, event.now);
    outcome.correction = await applyCorrection(tx, decision, event);
  }
  // a withdrawal from a correction of an older week leaves the present to judge: the latest complete week is then
  // decided as if written (it cannot be a settled surge: consequence.ts does not withdraw then; it may be proposed)
  const withdrawnNow = outcome.correction?.status === 'withdrawn';
  if (!touched(latest) && !withdrawnNow) return openWeek && touched(openWeek) ? outcome : null;

  let decision = await decideConsequence(tx, event.provinceCode, latest, event.now);
  if (decision.correction) {
    outcome.correction = await applyCorrection(tx, decision, event);
    // the plan may be withdrawn now: what follows (a proposal, say) is decided on the new state
    if (outcome.correction?.status === 'withdrawn')
      decision = await decideConsequence(tx, event.provinceCode, latest, event.now);
  }
  outcome.consequence = decision.consequence;
  const { verdict } = decision;
  // no verdict: the province does not exist, or is not valid in the latest complete week (an ended province, whose
  // legacy reports an administrator corrected): it is never judged there, so it neither opens nor proposes the plan
  if (!verdict || !provinceValidIn(verdict, latest)) return outcome;
  const province = verdict.province;

  // a proposal of an older week never stays open once a later week is written
  const proposal = await findOpenProposal(tx, province.id);
  const order = proposal && compareWeeks({ isoYear: proposal.isoYear, isoWeek: proposal.isoWeek }, latest);
  const current = order === 0;
  // (a newer one than `latest` exists only when this save's clock was read before Monday 00:00 and it waited for the
  // province's lock past it: that proposal is the present's, and stays)
  if (proposal && order !== null && order < 0)
    await closeProposal(tx, proposal, province.code, { status: 'REPLACED', now: event.now });

  switch (decision.consequence.action) {
    case 'open': {
      const opened = await openActivation(tx, {
        verdict,
        week: latest,
        trigger: 'AUTOMATIC',
        reason: null,
        actor: AUTO_ACTIVATION_ACTOR,
        now: event.now,
      });
      outcome.activation = opened;
      // lost a race (another save or a leader opened it first): the winner closed the proposal
      if (proposal && current && opened.status === 'opened') {
        await closeProposal(tx, proposal, province.code, {
          status: 'OPENED',
          now: event.now,
          activationId: opened.activationId,
        });
        outcome.proposal = { status: 'closed', as: 'OPENED' };
      }
      return outcome;
    }
    case 'propose':
      outcome.proposal = await proposeActivation(tx, { verdict, week: latest, now: event.now });
      return outcome;
    case 'withdraw':
      // the correction above could not withdraw after all (work started while it waited): nothing more to do
      return outcome;
    case 'none': {
      if (decision.open) {
        outcome.activation = { status: 'already-open', activationId: decision.open.id };
      } else if (decision.consequence.level !== 'surge') {
        outcome.activation = { status: 'not-surge', level: decision.consequence.level };
      }
      if (proposal && current) {
        // a plan open beside an open proposal: only after a race on PostgreSQL; the plan is active, so is the proposal
        const as = decision.open
          ? 'ACTIVATED'
          : decision.consequence.level === 'surge'
            ? null // an unsettled surge whose week a leader dismissed: no open proposal can be left, nothing to do
            : decision.consequence.settled
              ? 'SETTLED'
              : 'LAPSED';
        if (as) {
          await closeProposal(tx, proposal, province.code, {
            status: as,
            now: event.now,
            activationId: decision.open?.id ?? null,
          });
          outcome.proposal = { status: 'closed', as };
        }
      }
      return outcome;
    }
  }
}
