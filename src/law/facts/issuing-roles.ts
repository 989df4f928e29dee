/**
 * NTA-08: who may sign each form. Defaults paraphrase the officer lists of
 * 8 CFR 239.1(a) (I-862), 287.5(e)(2) (I-200) and 241.2(a) (I-205) as role
 * codes; the lists are long and amended often [VERIFY against the current
 * eCFR], so a deployment replaces them with `config.issuingRoles`.
 */
import type { LawConfig } from "../types.js";

const supervisors = [
  "field_office_director",
  "deputy_field_office_director",
  "assistant_field_office_director",
  "supervisory_detention_and_deportation_officer",
  "supervisory_deportation_officer",
  "special_agent_in_charge",
  "deputy_special_agent_in_charge",
  "assistant_special_agent_in_charge",
  "group_supervisor",
  "chief_patrol_agent",
  "deputy_chief_patrol_agent",
  "patrol_agent_in_charge",
  "supervisory_border_patrol_agent",
  "director_of_field_operations",
  "port_director",
  "assistant_port_director",
];

export const defaultIssuingRoles: Record<string, readonly string[]> = {
  "I-862": [
    ...supervisors,
    "district_director",
    "asylum_office_director",
    "supervisory_asylum_officer",
    "service_center_director",
    "field_office_director_uscis",
    "supervisory_immigration_services_officer",
  ],
  "I-200": [...supervisors, "supervisory_special_agent"],
  "I-205": [
    "field_office_director",
    "deputy_field_office_director",
    "assistant_field_office_director",
    "special_agent_in_charge",
    "chief_patrol_agent",
    "director_of_field_operations",
    "port_director",
    "district_director",
  ],
  "I-860": [...supervisors],
};

export function allowedRoles(config: LawConfig, form: string): readonly string[] | undefined {
  const custom = (config as { issuingRoles?: Record<string, string[]> }).issuingRoles;
  return custom?.[form] ?? defaultIssuingRoles[form];
}
