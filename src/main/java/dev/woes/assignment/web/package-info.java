/**
 * The assignment sub-resource of a conversation over HTTP.
 */
package dev.woes.assignment.web;
