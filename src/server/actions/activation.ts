'use server';
import { activate, dismissProposal, setDueDate, standDownPlan } from '@/server/activation/manage';
import { refreshUnlessInvalid, serveAction } from '@/server/boundary/action';

// The leaders' actions on the response plan (src/server/activation/manage.ts).

export async function activateAction(raw: unknown) {
  return serveAction(activate, raw, refreshUnlessInvalid);
}

export async function standDownAction(raw: unknown) {
  return serveAction(standDownPlan, raw, refreshUnlessInvalid);
}

export async function setDueDateAction(raw: unknown) {
  return serveAction(setDueDate, raw, refreshUnlessInvalid);
}

export async function dismissProposalAction(raw: unknown) {
  return serveAction(dismissProposal, raw, refreshUnlessInvalid);
}
