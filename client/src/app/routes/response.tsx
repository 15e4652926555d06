import { useQueryClient } from '@tanstack/react-query';
import { useLoaderData, useParams } from 'react-router';
import { parseVersionParam } from '../../config/paths';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { ResponsePage } from '../../features/responses/components/response-page';
import { reportRequestFailure } from '../query-client';
import { NotFoundPage } from './not-found';
import { isOpenedAt } from '../route-prefetch';

export function Component() {
  const { surveyId, version, state } = useParams();
  const opened = useLoaderData<unknown>();
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const versionNumber = parseVersionParam(version);
  if (!surveyId || !state || versionNumber === null) return <NotFoundPage />;
  return (
    <ResponsePage
      target={{ surveyId, version: versionNumber, state }}
      user={user}
      onRequestFailed={(error) => reportRequestFailure(queryClient, error)}
      openedAt={isOpenedAt(opened) ? opened.openedAt : undefined}
    />
  );
}
