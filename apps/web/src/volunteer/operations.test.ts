import { describeOperationCosts } from '../testing/operation-cost';
import * as operations from './operations';

describeOperationCosts('the volunteer pages’ operations', operations);
