import type { WebSeason } from '../../ReadModel';
import { Layout } from '../Layout';
import { urls } from '../../urls';

/** 404 and other errors: what happened, and a way back. */
export function ErrorPage({ seasons, status, message }: { seasons: WebSeason[]; status: number; message: string }) {
  return (
    <Layout title={status === 404 ? 'Not found' : 'Error'} seasons={seasons}>
      <h1>{status === 404 ? 'Not found' : 'Something went wrong'}</h1>
      <p>{message}</p>
      <p>
        <a href={urls.home()}>Live leaderboard</a> · <a href={urls.schedule()}>Schedule</a>
      </p>
    </Layout>
  );
}
