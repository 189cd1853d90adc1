import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';

// Who may touch which task. One function serves the pages (to show the tick button) and the services (to refuse),
// so the interface and the server never disagree.

export interface TaskOwnership {
  provinceCode: string;
  agencyId: number;
  /** set on the district committees' per-district copies */
  districtId: number | null;
}

/** Why a user may not tick a task, as a message key of the 'response' namespace; null when they may. */
export type TickDenial = 'errors.otherProvince' | 'errors.otherDistrict' | 'errors.otherAgency' | 'errors.forbidden';

export function tickDenial(user: SessionUser, task: TaskOwnership): TickDenial | null {
  if (user.provinceCode !== task.provinceCode) return 'errors.otherProvince';
  switch (user.role) {
    // Leaders answer for the whole plan: they tick the bodies without an officer, and may tick any task of their
    // province (a body whose officer has no account yet must not block the checklist).
    case 'PROVINCIAL_LEADER':
      return can(user, 'activation.manage', { provinceCode: task.provinceCode }) ? null : 'errors.forbidden';
    case 'DISTRICT_OFFICER':
      // can() compares unitId only when the scope names one: a province body's task (no district) is not theirs
      if (task.districtId === null) return 'errors.otherDistrict';
      return can(user, 'tasks.tick', { provinceCode: task.provinceCode, unitId: task.districtId })
        ? null
        : 'errors.otherDistrict';
    case 'AGENCY_OFFICER':
      return can(user, 'tasks.tick', { provinceCode: task.provinceCode, agencyId: task.agencyId })
        ? null
        : 'errors.otherAgency';
    default:
      return 'errors.forbidden';
  }
}

export function canManageActivation(user: SessionUser, provinceCode: string): boolean {
  return can(user, 'activation.manage', { provinceCode });
}
