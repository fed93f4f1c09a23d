/**
 * Participants: who takes part in a conversation (the customer, the operators and
 * automations who wrote, and operators following it).
 */
package dev.woes.participant;
