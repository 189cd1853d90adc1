import { ClientMessages } from '@/components/client-messages';
import { ActivationProposalPanel } from '@/components/surge/activation-proposal';
import type { SessionUser } from '@/lib/roles';
import { LIMITS } from '@/lib/validations/activation';
import { getActivationProposal, type ProposalView } from '@/server/activation/proposal-view';
import { now } from '@/server/env';
import { getDateTexts } from '../../../tasks/display';
import { ReasonForm } from './reason-form';

/** The province page's widget: the open proposal, if any (see ProposalSection). */
export async function ProposalWidget({ user, code }: { user: SessionUser; code: string }) {
  const proposal = await getActivationProposal(user, code, now());
  return proposal ? <ProposalSection proposal={proposal} code={code} /> : null;
}

/**
 * The province's open activation proposal with the leaders' two decisions ("Kích hoạt phương án", "Không kích hoạt"),
 * on the province page and the response page.
 */
export async function ProposalSection({ proposal, code }: { proposal: ProposalView; code: string }) {
  const f = await getDateTexts();
  return (
    <ActivationProposalPanel proposal={proposal} provinceCode={code} dateTime={f.dateTime}>
      {proposal.canManage && (
        <ClientMessages namespaces={['response']}>
          <ReasonForm kind="proposal.activate" provinceCode={code} reasonMax={LIMITS.reasonMax} nested />
          <ReasonForm
            kind="proposal.dismiss"
            provinceCode={code}
            proposalId={proposal.id}
            reasonMax={LIMITS.reasonMax}
            nested
          />
        </ClientMessages>
      )}
    </ActivationProposalPanel>
  );
}
