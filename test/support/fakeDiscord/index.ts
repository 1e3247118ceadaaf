export { FakeDiscord, type FakeDiscordOptions } from './FakeDiscord';
export type { Fault, RouteMatch } from './faults';
export type { GatewayPayloadRecord } from './gateway';
export { InteractionHandle, type CallbackRecord, type InteractionKind, type ReplyView } from './InteractionHandle';
export type { InjectInteractionOptions, OptionValue } from './interactionPayload';
export type { MessageView, RecordedRequest, UnknownRoute } from './types';
