import { describeOperationCosts } from '../testing/operation-cost';
import * as operations from './operations';

describeOperationCosts("the helper's proposal and engagement actions", operations);
