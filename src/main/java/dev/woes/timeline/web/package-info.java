/**
 * The timeline over HTTP.
 */
package dev.woes.timeline.web;
