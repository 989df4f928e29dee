/** Every CLI command; each file exports `register(program)`. */
import type { Command } from "commander";
import { register as actionCommands } from "./action.js";
import { register as auditCommands } from "./audit.js";
import { register as caseCommands } from "./case.js";
import { register as checkCommand } from "./check.js";
import { register as dbCommands } from "./db.js";
import { register as deadlineCommands } from "./deadlines.js";
import { register as detentionCommands } from "./detention.js";
import { register as docCommands } from "./doc.js";
import { register as eventCommands } from "./event.js";
import { register as importCommands } from "./import.js";
import { register as linkCommand } from "./link.js";
import { register as movementCommands } from "./movement.js";
import { register as placeCommand } from "./place.js";
import { register as queueCommands } from "./queue.js";
import { register as retentionCommands } from "./retention.js";
import { register as reviewCommands } from "./review.js";
import { register as scenarioCommands } from "./scenario.js";
import { register as seedCommand } from "./seed.js";
import { register as userCommands } from "./user.js";

export type Register = (program: Command) => void;

export const commands: Register[] = [
  seedCommand,
  caseCommands,
  checkCommand,
  eventCommands,
  userCommands,
  dbCommands,
  scenarioCommands,
  linkCommand,
  importCommands,
  placeCommand,
  detentionCommands,
  docCommands,
  actionCommands,
  reviewCommands,
  deadlineCommands,
  queueCommands,
  movementCommands,
  auditCommands,
  retentionCommands,
];
