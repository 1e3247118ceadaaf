import { PermissionFlagsBits, type Interaction } from 'discord.js';

/** Admin = holds the configured admin role, or has Manage Server (Administrator implies it). */
export function isAdmin(interaction: Interaction, adminRoleId: string | undefined): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  if (!adminRoleId) return false;
  const roles = interaction.member?.roles;
  if (!roles) return false;
  return Array.isArray(roles) ? roles.includes(adminRoleId) : roles.cache.has(adminRoleId);
}
