export { ComplaintsModule, COMPLAINTS_SERVICE } from './complaints.module';
export { complaintsVariables, type ComplaintsConfig } from './complaints.config';
