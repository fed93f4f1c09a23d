/**
 * The Operators and Teams API over HTTP.
 */
package dev.woes.operator.web;
