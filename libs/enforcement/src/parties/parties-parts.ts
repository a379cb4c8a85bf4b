import type { Provider, Type } from '@nestjs/common';
import { ReferralIntakeMessageController } from '../cases/referral-intake.message.controller';
import { PartiesHttpController } from './parties.http.controller';
import { PartyRegister } from './party-register';
import { partyVaultProvider } from './party-vault';

/** Parties (sealed, de-duplicated, their violations on record) and cases referred by other departments, as the module takes them. */
export const PARTIES_CONTROLLERS: Type[] = [PartiesHttpController, ReferralIntakeMessageController];
export const PARTIES_PROVIDERS: Provider[] = [PartyRegister, partyVaultProvider];
