import { RegionsAndKommuner1795464000000 } from './1795464000000-RegionsAndKommuner';
import { Accounts1795470000000 } from './1795470000000-Accounts';
import { Projects1795476000000 } from './1795476000000-Projects';
import { PlansBudgetsTemplates1795482000000 } from './1795482000000-PlansBudgetsTemplates';
import { FollowingProgress1795488000000 } from './1795488000000-FollowingProgress';
import { PopulationHistory1795494000000 } from './1795494000000-PopulationHistory';
import { DecisionGateCase1796229391566 } from './1796229391566-DecisionGateCase';
import { KommuneContactScope1796233403264 } from './1796233403264-KommuneContactScope';
import { SurveysAndRecommendations1796247858418 } from './1796247858418-SurveysAndRecommendations';
import { UserLanguage1796247912476 } from './1796247912476-UserLanguage';
import { PortfolioPaging1796301216416 } from './1796301216416-PortfolioPaging';
import { AuthChangeNotify1796302650730 } from './1796302650730-AuthChangeNotify';
import { RiskRegister1796309429991 } from './1796309429991-RiskRegister';
import { PortfolioProjectState1796309632198 } from './1796309632198-PortfolioProjectState';
import { BenefitsRegister1796309645282 } from './1796309645282-BenefitsRegister';
import { ProjectClosing1796309664945 } from './1796309664945-ProjectClosing';
import { InvitationsAndSignInProviders1796319868604 } from './1796319868604-InvitationsAndSignInProviders';
import { KommuneNumbersAndPopulationSources1796330000000 } from './1796330000000-KommuneNumbersAndPopulationSources';
import { LocalizedTemplates1796410000000 } from './1796410000000-LocalizedTemplates';
import { GateSubmissionCaseData1796450000000 } from './1796450000000-GateSubmissionCaseData';

/**
 * Every migration, oldest first. A migration that has landed is never edited: add a new file
 * (`npm run migration:create -- Name`) and list it here. A test checks that this list matches the folder.
 */
export const migrations = [
  RegionsAndKommuner1795464000000,
  Accounts1795470000000,
  Projects1795476000000,
  PlansBudgetsTemplates1795482000000,
  FollowingProgress1795488000000,
  PopulationHistory1795494000000,
  DecisionGateCase1796229391566,
  KommuneContactScope1796233403264,
  SurveysAndRecommendations1796247858418,
  UserLanguage1796247912476,
  PortfolioPaging1796301216416,
  AuthChangeNotify1796302650730,
  RiskRegister1796309429991,
  PortfolioProjectState1796309632198,
  BenefitsRegister1796309645282,
  ProjectClosing1796309664945,
  InvitationsAndSignInProviders1796319868604,
  KommuneNumbersAndPopulationSources1796330000000,
  LocalizedTemplates1796410000000,
  GateSubmissionCaseData1796450000000,
];
