import { responsePath, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';

export interface SubmitResult {
  revision: number;
  status: 'submitted';
}

/** `POST R/{state}/submit`: `revision` must be the current one, else 409 EDIT_CONFLICT. */
export function submitResponse(target: ResponseTarget, revision: number): Promise<SubmitResult> {
  return api.post<SubmitResult>(responsePath(target, '/submit'), { revision });
}
