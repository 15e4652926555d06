import { responsePath, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import type { Answers } from './get-response';

/** `PATCH R/{state}`: the changed answers and the revision the editor started from. */
export interface SaveRequest {
  baseRevision: number;
  set?: Answers;
  unset?: string[];
}

export interface SaveResult {
  revision: number;
  status: ResponseStatus;
  /** Present when others saved since `baseRevision` and the change was merged onto their revision. */
  mergedFrom?: number;
}

export function saveResponse(target: ResponseTarget, request: SaveRequest): Promise<SaveResult> {
  return api.patch<SaveResult>(responsePath(target), request);
}
