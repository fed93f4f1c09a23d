/**
 * The participants sub-resource of a conversation over HTTP.
 */
package dev.woes.participant.web;
