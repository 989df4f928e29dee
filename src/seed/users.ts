/**
 * Demo sign-ins. Every account's password is "demo-password" (documented in
 * the README's demo section); the short names ("officer", "supervisor" ...)
 * are the ones the sign-in page suggests. Office-scoped roles are scoped to
 * real office codes from places.ts. The analyst reads statistics for every
 * office; "counsel" has no offices: which cases counsel may read is decided by
 * representation, not by office.
 */
import type { SeedUser } from "./index.js";
import { offices } from "./places.js";

export const DEMO_PASSWORD = "demo-password";

const accounts: Omit<SeedUser, "password">[] = [
  { username: "officer", displayName: "Dana Officer (Houston)", role: "officer", offices: ["HOU"] },
  {
    username: "supervisor",
    displayName: "Sam Supervisor (Houston, San Antonio)",
    role: "supervisor",
    offices: ["HOU", "SNA"],
  },
  { username: "counsel", displayName: "Casey Counsel", role: "counsel", offices: [] },
  {
    username: "detention",
    displayName: "Devon Detention Manager",
    role: "detention_manager",
    offices: ["HOU", "SNA", "HLG"],
  },
  {
    username: "analyst",
    displayName: "Alex Analyst",
    role: "analyst",
    offices: offices().map((o) => o.code),
  },
  { username: "auditor", displayName: "Avery Auditor", role: "auditor", offices: [] },
  { username: "admin", displayName: "Morgan Admin", role: "admin", offices: [] },
  { username: "officer.mia", displayName: "Rosa Delgado (Miami)", role: "officer", offices: ["MIA"] },
  { username: "officer.nyc", displayName: "Kevin Park (New York)", role: "officer", offices: ["NYC"] },
  { username: "officer.los", displayName: "Emily Nguyen (Los Angeles)", role: "officer", offices: ["LOS"] },
  { username: "officer.chi", displayName: "Brian Kowalski (Chicago)", role: "officer", offices: ["CHI"] },
  { username: "supervisor.mia", displayName: "Laura Bennett (Miami)", role: "supervisor", offices: ["MIA"] },
  {
    username: "supervisor.west",
    displayName: "Daniel Larsen (Los Angeles, San Diego, San Francisco)",
    role: "supervisor",
    offices: ["LOS", "SND", "SFR"],
  },
];

export function demoUsers(): SeedUser[] {
  return accounts.map((a) => ({ ...a, offices: [...a.offices], password: DEMO_PASSWORD }));
}
