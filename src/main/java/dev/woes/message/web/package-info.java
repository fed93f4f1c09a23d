/**
 * The Messages API: a conversation's thread over HTTP.
 */
package dev.woes.message.web;
