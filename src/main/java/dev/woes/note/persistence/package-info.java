/**
 * SQL for notes.
 */
package dev.woes.note.persistence;
