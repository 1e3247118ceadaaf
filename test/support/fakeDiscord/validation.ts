import { Errors, fieldError } from './http';
import type { Json, UploadedFile } from './types';

const maxLength = (n: number) => fieldError('BASE_TYPE_MAX_LENGTH', `Must be ${n} or fewer in length.`);
const required = () => fieldError('BASE_TYPE_REQUIRED', 'This field is required');
const len = (s: unknown) => (typeof s === 'string' ? Array.from(s).length : 0);

export const MAX_FILES = 10;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Discord's message limits; throws the same 400/413 answers the real API gives. */
export function validateMessage(body: Json, files: UploadedFile[]): void {
  const errors: Json = {};
  if (body.content !== undefined && body.content !== null) {
    if (typeof body.content !== 'string')
      errors.content = fieldError('STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    else if (len(body.content) > 2000) errors.content = maxLength(2000);
  }
  if (Array.isArray(body.embeds)) {
    if (body.embeds.length > 10) errors.embeds = maxLength(10);
    else {
      const embedErrors = validateEmbeds(body.embeds);
      if (embedErrors) errors.embeds = embedErrors;
    }
  }
  if (Array.isArray(body.components) && body.components.length > 5) errors.components = maxLength(5);
  if (files.length > MAX_FILES) errors.files = maxLength(MAX_FILES);
  if (Object.keys(errors).length > 0) throw Errors.invalidForm(errors);
  if (files.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) throw Errors.tooLarge();
}

/** A message must keep at least one of content, embeds, attachments or components. */
export function assertNotEmpty(msg: {
  content: string;
  embeds: unknown[];
  attachments: unknown[];
  components: unknown[];
}): void {
  if (!msg.content && msg.embeds.length === 0 && msg.attachments.length === 0 && msg.components.length === 0) {
    throw Errors.emptyMessage();
  }
}

function validateEmbeds(embeds: Json[]): Json | null {
  const errors: Json = {};
  let total = 0;
  embeds.forEach((e, i) => {
    const err: Json = {};
    const check = (key: string, value: unknown, max: number) => {
      if (len(value) > max) err[key] = maxLength(max);
      total += len(value);
    };
    check('title', e.title, 256);
    check('description', e.description, 4096);
    if (e.author) {
      if (len(e.author.name) > 256) err.author = { name: maxLength(256) };
      total += len(e.author.name);
    }
    if (e.footer) {
      if (len(e.footer.text) > 2048) err.footer = { text: maxLength(2048) };
      total += len(e.footer.text);
    }
    for (const key of ['url', 'image', 'thumbnail'] as const) {
      const url = key === 'url' ? e.url : e[key]?.url;
      if (url !== undefined && !/^(https?|attachment):\/\/\S+$/.test(String(url))) {
        err[key] = key === 'url' ? urlError() : { url: urlError() };
      }
    }
    if (
      e.color !== undefined &&
      e.color !== null &&
      (!Number.isInteger(e.color) || e.color < 0 || e.color > 0xffffff)
    ) {
      err.color = fieldError('NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
    const fields: Json[] = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > 25) err.fields = maxLength(25);
    fields.forEach((f, j) => {
      const fe: Json = {};
      if (!f.name) fe.name = required();
      else if (len(f.name) > 256) fe.name = maxLength(256);
      if (!f.value) fe.value = required();
      else if (len(f.value) > 1024) fe.value = maxLength(1024);
      total += len(f.name) + len(f.value);
      if (Object.keys(fe).length) (err.fields ??= {})[j] = fe;
    });
    if (Object.keys(err).length) errors[i] = err;
  });
  if (Object.keys(errors).length) return errors;
  if (total > 6000) return fieldError('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  return null;
}

function urlError(): Json {
  return fieldError('URL_TYPE_INVALID_URL', 'Not a well formed URL.');
}

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** The checks of PUT /applications/.../commands that a registration bug would trip. */
export function validateCommands(commands: unknown): void {
  if (!Array.isArray(commands))
    throw Errors.invalidForm(fieldError('LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType'));
  const errors: Json = {};
  if (commands.length > 100)
    errors._errors = [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }];
  const seen = new Set<string>();
  commands.forEach((cmd: Json, i) => {
    const err = validateCommandShape(cmd, (cmd.type ?? 1) === 1);
    if (seen.has(`${cmd.type ?? 1}:${cmd.name}`))
      err.name = fieldError('APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(`${cmd.type ?? 1}:${cmd.name}`);
    if (Object.keys(err).length) errors[i] = err;
  });
  if (Object.keys(errors).length) throw Errors.invalidForm(errors);
}

function validateCommandShape(cmd: Json, chatInput: boolean): Json {
  const err: Json = {};
  if (typeof cmd.name !== 'string' || (chatInput ? !NAME.test(cmd.name) : len(cmd.name) > 32)) {
    err.name = fieldError('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  if (chatInput && (typeof cmd.description !== 'string' || len(cmd.description) < 1 || len(cmd.description) > 100)) {
    err.description = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  const options: Json[] = Array.isArray(cmd.options) ? cmd.options : [];
  if (options.length > 25) err.options = maxLength(25);
  let sawOptional = false;
  options.forEach((opt, j) => {
    const oe = opt.type === 1 || opt.type === 2 ? validateCommandShape(opt, true) : validateOption(opt);
    if (opt.required && sawOptional) {
      oe.required = fieldError(
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (!opt.required) sawOptional = true;
    if (Object.keys(oe).length) (err.options ??= {})[j] = oe;
  });
  return err;
}

function validateOption(opt: Json): Json {
  const err = validateCommandShape({ ...opt, options: undefined }, true);
  if (Array.isArray(opt.choices) && opt.choices.length > 25) err.choices = maxLength(25);
  if (opt.autocomplete && Array.isArray(opt.choices) && opt.choices.length) {
    err.autocomplete = fieldError(
      'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES',
      'Autocomplete cannot be set with choices',
    );
  }
  return err;
}
