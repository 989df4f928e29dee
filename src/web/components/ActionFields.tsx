/**
 * An action's inputs, generated from its JSON Schema (GET /api/v1/actions):
 * choices for enums, date and time inputs, checkboxes, numbers, a fieldset
 * for a nested object, and a JSON field for anything else.
 */
import { Checkbox, Fieldset, Label, Select, Textarea, TextInput } from "@trussworks/react-uswds";
import { useState } from "react";
import {
  hiddenFields,
  humanize,
  isDateSchema,
  isDateTimeSchema,
  isTimeSchema,
  type JsonSchema,
} from "./law-api.js";

type Values = Record<string, unknown>;

function JsonField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value));
  const [bad, setBad] = useState(false);
  return (
    <>
      <Label htmlFor={id}>{label} (JSON)</Label>
      <Textarea
        id={id}
        name={id}
        value={text}
        validationStatus={bad ? "error" : undefined}
        aria-describedby={bad ? `${id}-error` : undefined}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setBad(false);
            return onChange(undefined);
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && (
        <span id={`${id}-error`} className="usa-error-message">
          Not valid JSON yet
        </span>
      )}
    </>
  );
}

function Field({
  id,
  name,
  schema,
  required,
  value,
  onChange,
}: {
  id: string;
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const label = `${humanize(name)}${required ? "" : " (optional)"}`;
  if (schema.enum)
    return (
      <>
        <Label htmlFor={id}>{label}</Label>
        <Select
          id={id}
          name={id}
          value={String(value ?? "")}
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) => onChange(e.target.value || undefined)}
        >
          {!required && <option value="">—</option>}
          {schema.enum.map((v) => (
            <option key={v} value={v}>
              {v.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </>
    );
  if (schema.type === "boolean")
    return (
      <Checkbox
        id={id}
        name={id}
        label={humanize(name)}
        checked={value === true}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.checked)}
      />
    );
  if (schema.type === "object" && schema.properties)
    return (
      <Fieldset legend={label}>
        <ActionFields
          idPrefix={id}
          schema={schema}
          values={(value as Values) ?? {}}
          onChange={(v) => onChange(v)}
        />
      </Fieldset>
    );
  // A choice of string formats (e.g. a date-time or a time of day): one text input, the formats in the hint.
  const textChoice = Boolean(schema.anyOf?.length) && schema.anyOf?.every((x) => x.type === "string");
  if (schema.type === "string" || schema.type === "number" || schema.type === "integer" || textChoice) {
    const numeric = schema.type === "number" || schema.type === "integer";
    const hintId = schema.description ? `${id}-hint` : undefined;
    const type = numeric
      ? "number"
      : isDateSchema(schema)
        ? "date"
        : isTimeSchema(schema)
          ? "time"
          : isDateTimeSchema(schema)
            ? "datetime-local"
            : "text";
    return (
      <>
        <Label htmlFor={id}>{label}</Label>
        {hintId && (
          <span className="usa-hint" id={hintId}>
            {schema.description}
          </span>
        )}
        <TextInput
          id={id}
          name={id}
          type={type as "text"}
          aria-describedby={hintId}
          value={value === undefined || value === null ? "" : String(value)}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
            const v = e.target.value;
            onChange(v === "" ? undefined : numeric ? Number(v) : v);
          }}
        />
      </>
    );
  }
  return <JsonField id={id} label={label} value={value} onChange={onChange} />;
}

export function ActionFields({
  idPrefix,
  schema,
  values,
  onChange,
}: {
  idPrefix: string;
  schema: JsonSchema;
  values: Values;
  onChange: (v: Values) => void;
}) {
  const required = new Set(schema.required ?? []);
  const names = Object.keys(schema.properties ?? {}).filter((n) => !hiddenFields.has(n));
  return (
    <>
      {names.map((name) => (
        <Field
          key={name}
          id={`${idPrefix}-${name}`}
          name={name}
          schema={schema.properties?.[name] ?? {}}
          required={required.has(name)}
          value={values[name]}
          onChange={(v) => {
            const next = { ...values };
            if (v === undefined) delete next[name];
            else next[name] = v;
            onChange(next);
          }}
        />
      ))}
    </>
  );
}
