export { ComplaintsModule, COMPLAINTS_SERVICE } from './complaints.module';
