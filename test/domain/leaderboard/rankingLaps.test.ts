import { RESULTS_FIXTURES } from '../../support/fixtures';
import { describeRankingLaps } from './rankingLapsSuite';

describeRankingLaps("the project's results files", RESULTS_FIXTURES);
