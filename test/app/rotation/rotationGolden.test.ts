import { describeRotationGolden } from './rotationGoldenSuite';

describeRotationGolden("the project's config sets");
