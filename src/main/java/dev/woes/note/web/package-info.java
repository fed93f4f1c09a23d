/**
 * The Notes API: a conversation's private notes over HTTP, for operators only.
 */
package dev.woes.note.web;
