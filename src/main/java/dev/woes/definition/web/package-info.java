/**
 * The definitions API: routes, request and response shapes.
 */
package dev.woes.definition.web;
