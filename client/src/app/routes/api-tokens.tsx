export { ApiTokensPage as Component } from '../../features/api-tokens/components/api-tokens-page';
