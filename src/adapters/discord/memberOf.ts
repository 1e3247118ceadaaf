import type { APIInteractionGuildMember, GuildMember, Interaction, User } from 'discord.js';
import type { Actor } from '../../domain/stewarding/types';

type AnyMember = GuildMember | APIInteractionGuildMember | { nick?: string | null } | null | undefined;

/** The name a member shows under in this server: nickname, else their display name, else username. */
export function displayNameOf(member: AnyMember, user: Pick<User, 'globalName' | 'username'>): string {
  if (member && 'displayName' in member && typeof member.displayName === 'string') return member.displayName;
  const nick = member && 'nick' in member ? member.nick : null;
  return nick || user.globalName || user.username;
}

/** Who pressed or typed: the member as the league knows them. */
export function memberOf(interaction: Interaction): { userId: string; displayName: string } {
  return { userId: interaction.user.id, displayName: displayNameOf(interaction.member, interaction.user) };
}

/** The member as the actor of an audit entry. */
export function actorOf(interaction: Interaction): Actor {
  const m = memberOf(interaction);
  return { kind: 'discord', id: m.userId, name: m.displayName };
}
