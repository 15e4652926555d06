import { ConfirmAction } from '../../../components/confirm-action';
import { DataTable } from '../../../components/data-table';
import { queryView } from '../../../components/feedback/query-view';
import { formatDateTime } from '../../../lib/format-date';
import { useApiTokens, type ApiToken } from '../api/get-api-tokens';
import { useRevokeApiToken } from '../api/revoke-api-token';

export function TokenList() {
  const tokens = useApiTokens();

  const view = queryView(tokens, {
    loading: 'Loading your tokens…',
    errorTitle: 'Your tokens could not be loaded',
    empty: { title: 'No tokens yet', body: 'Tokens you create appear here, with when they were last used.' },
  });
  if ('element' in view) return view.element;
  return (
    <DataTable columns={['Name', 'Created', 'Last used']}>
      {view.data.map((token) => (
        <TokenRow key={token.id} token={token} />
      ))}
    </DataTable>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const revoke = useRevokeApiToken();
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>
        <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time>
      </td>
      <td>{token.lastUsedAt ? <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt)}</time> : 'Never'}</td>
      <td className="table__actions">
        <div className="button-row">
          <ConfirmAction
            question={`Revoke “${token.name}”? Scripts that use it stop working at once.`}
            confirmLabel="Revoke"
            pendingLabel="Revoking…"
            onConfirm={() => revoke.mutateAsync({ id: token.id })}
            destructive
          >
            Revoke<span className="visually-hidden"> {token.name}</span>
          </ConfirmAction>
        </div>
      </td>
    </tr>
  );
}
